#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files acta ships with — the plans and the real first mesa's agenda (for `acta demo`) —
/// found at run time next to the running binary, never in the working directory.
///
/// Installed (`scripts/install`, the .deb): `<prefix>/bin/acta` reads `<prefix>/share/acta/plans/`
/// and `<prefix>/share/acta/demo/<session>/`. From a clone (`swift run`, `.build/…/acta`): the
/// source tree's `sessions/plans/` and `sessions/<session>/`, found by walking up from the binary.
public struct BundledResources: Sendable, Equatable {
    public enum Origin: Sendable, Equatable {
        /// An installed acta under this prefix (`/usr`, `/usr/local`, `~/.local`…).
        case installed(prefix: String)
        /// A source checkout: the folder holding `Package.swift`.
        case sourceTree(root: String)
    }

    /// The real session `acta demo` starts from (its agenda only; its journal is not bundled).
    public static let demoSessionName = "2023-03-29-primera-mesa"

    public let origin: Origin
    /// Holds `<plan id>.yaml` files.
    public let plansFolder: String
    /// The demo session's folder, holding `agenda.yaml`.
    public let demoSessionFolder: String
    /// The print stylesheet and reference DOCX files of `acta export --format` (`share/export/` in
    /// the source tree, `<prefix>/share/acta/export/` installed).
    public let exportFolder: String

    public init(origin: Origin) {
        self.origin = origin
        switch origin {
        case .installed(let prefix):
            let share = Self.join(prefix, "share/acta")
            plansFolder = share + "/plans"
            demoSessionFolder = share + "/demo/" + Self.demoSessionName
            exportFolder = share + "/export"
        case .sourceTree(let root):
            plansFolder = Self.join(root, "sessions/plans")
            demoSessionFolder = Self.join(root, "sessions/" + Self.demoSessionName)
            exportFolder = Self.join(root, "share/export")
        }
    }

    public var demoAgendaPath: String { demoSessionFolder + "/" + SessionsDirectory.agendaFile }

    public func planPath(_ id: String) -> String { "\(plansFolder)/\(id).yaml" }

    /// The ids of the bundled plans, sorted.
    public func planIDs() -> [String] { SessionsDirectory.planIDs(in: plansFolder) }

    /// Copies every bundled plan into `sessionsRoot/plans/` (both created if missing) that is not
    /// there yet; a plan the user already has is left as it is. Returns the ids copied.
    @discardableResult
    public func copyPlans(into sessionsRoot: String) throws(StoreError) -> [String] {
        let target = SessionsDirectory(root: sessionsRoot)
        for folder in [target.root, FileIO.parent(of: target.planPath("x"))] where !FileIO.isDirectory(folder) {
            try FileIO.createDirectory(folder)
        }
        var copied: [String] = []
        for id in planIDs() where !FileIO.exists(target.planPath(id)) {
            try FileIO.copyFile(planPath(id), to: target.planPath(id))
            copied.append(id)
        }
        return copied
    }

    /// Finds the resources for the binary at `executable` (default: the running one,
    /// symlinks resolved, so `/usr/local/bin/acta → /opt/acta/bin/acta` finds `/opt/acta/share`).
    public static func locate(executable: String? = nil) throws(StoreError) -> BundledResources {
        guard let exe = executable.map(realPath) ?? runningExecutable() else {
            throw StoreError(path: executable ?? "acta", code: 0,
                             es: "no se encuentra el programa en ejecución para ubicar sus planes",
                             en: "cannot find the running program to locate its plans")
        }
        let binFolder = FileIO.parent(of: exe)
        let installed = BundledResources(origin: .installed(prefix: FileIO.parent(of: binFolder)))
        if FileIO.isDirectory(installed.plansFolder) { return installed }
        // `swift run` and tests: the binary is somewhere under `<root>/.build/`.
        var folder = binFolder
        for _ in 0..<8 {
            let candidate = BundledResources(origin: .sourceTree(root: folder))
            if FileIO.isRegularFile(join(folder, "Package.swift")) && FileIO.isDirectory(candidate.plansFolder) {
                return candidate
            }
            if folder == "/" { break }
            folder = FileIO.parent(of: folder)
        }
        throw StoreError(path: installed.plansFolder, code: 0,
                         es: "no están los planes que acompañan a acta; reinstálelo (sudo dpkg -i acta_*.deb o scripts/install) o ejecútelo desde su código con «swift run acta»",
                         en: "the plans that come with acta are missing; reinstall it (sudo dpkg -i acta_*.deb or scripts/install) or run it from its source with “swift run acta”")
    }

    /// The running binary's real path (Linux: /proc/self/exe; elsewhere argv[0]).
    public static func runningExecutable() -> String? {
        #if os(Linux)
        if let path = realPath("/proc/self/exe") { return path }
        #endif
        return CommandLine.arguments.first.flatMap(realPath)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func join(_ folder: String, _ relative: String) -> String {
        folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }
}
