import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The `git` command, run in one folder. acta keeps no sync of its own: git does the sharing.
public struct Git: Sendable {
    /// What one git command printed and how it ended.
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
        public var succeeded: Bool { status == 0 }
        /// The first line of stdout, trimmed: for rev-parse and friends.
        public var line: String { stdout.split(separator: "\n").first.map { String($0) } ?? "" }
    }

    /// git is not installed (or not on PATH).
    public struct Missing: Error, Sendable {}

    public let directory: String
    /// Extra `-c key=value` settings (an identity when the user configured none).
    public var settings: [String] = []

    public init(directory: String) {
        self.directory = directory
    }

    /// Runs `git <arguments>`; throws `Missing` only when git itself cannot be started.
    @discardableResult
    public func run(_ arguments: [String]) throws(Missing) -> Output {
        // Paths printed as they are (not octal-quoted), so a mesa under "Gobernación/" still matches.
        let args = ["-c", "core.quotePath=false"] + settings.flatMap { ["-c", $0] } + arguments
        let directory = self.directory
        let executable = Self.executable
        let result: Output? = Self.blocking {
            do {
                // Messages in English whatever the locale: acta reads some of them.
                let r = try await Subprocess.run(
                    executable, arguments: Arguments(args),
                    environment: .inherit.updating(["LC_ALL": "C", "LANGUAGE": nil, "GIT_TERMINAL_PROMPT": "0"]),
                    workingDirectory: FilePath(directory),
                    output: .string(limit: 64 << 20), error: .string(limit: 4 << 20))
                let status: Int32
                switch r.terminationStatus {
                case .exited(let code): status = code
                case .signaled(let signal): status = 128 + signal
                }
                return Output(status: status, stdout: r.standardOutput, stderr: r.standardError)
            } catch {
                return nil
            }
        }
        guard let result else { throw Missing() }
        return result
    }

    /// `ACTA_GIT` names another git; otherwise `git` from PATH (and the usual system folders).
    static var executable: Executable {
        if let path = getenv("ACTA_GIT").map({ String(cString: $0) }), !path.isEmpty { return .path(FilePath(path)) }
        return .name("git")
    }

    /// Whether git can be started at all.
    public static func isInstalled(in directory: String) -> Bool {
        (try? Git(directory: directory).run(["--version"]))?.succeeded ?? false
    }

    /// Runs async work to completion from synchronous code (the commands are synchronous).
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    /// Hands a value from the task to the waiting thread; the semaphore orders the accesses.
    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}
