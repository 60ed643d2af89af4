#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ActaCore

/// Finds the sessions folder the way git finds its repository: `--sessions`, then
/// `ACTA_SESSIONS`, then the nearest folder at or above the current one that is a mesa folder.
public enum SessionsLocator {
    /// Written by `acta init` in a mesa folder, so it is found even before it has plans.
    public static let marker = ".acta-mesa"
    public static let environmentVariable = "ACTA_SESSIONS"

    /// How the folder was chosen, said to the user by `acta list`.
    public enum Source: Sendable, Equatable {
        case option, environment, discovered, notFound
    }

    public struct Location: Sendable {
        public let directory: SessionsDirectory
        public let source: Source

        public init(directory: SessionsDirectory, source: Source) {
            self.directory = directory
            self.source = source
        }

        /// One line for `acta list` and the record help: which folder, and why that one.
        public func describe(_ language: Language) -> String {
            let path = SessionsLocator.absolute(directory.root)
            switch source {
            case .option:
                return language == .es ? "Sesiones: \(path) (--sessions)" : "Sessions: \(path) (--sessions)"
            case .environment:
                return language == .es ? "Sesiones: \(path) (\(SessionsLocator.environmentVariable))" : "Sessions: \(path) (\(SessionsLocator.environmentVariable))"
            case .discovered, .notFound:
                return language == .es ? "Sesiones: \(path)" : "Sessions: \(path)"
            }
        }
    }

    public static func locate(option: String?, environment: [String: String],
                              currentDirectory: String = SessionsLocator.currentDirectory()) -> Location {
        if let option, !option.isEmpty { return Location(directory: SessionsDirectory(root: option), source: .option) }
        if let env = environment[environmentVariable], !env.isEmpty {
            return Location(directory: SessionsDirectory(root: env), source: .environment)
        }
        var folder = currentDirectory
        while true {
            let sessions = folder == "/" ? "/sessions" : "\(folder)/sessions"
            if FileIO.exists("\(folder)/\(marker)") || FileIO.isDirectory("\(sessions)/plans") {
                // The current folder's own sessions/ keeps the short relative name in messages.
                let root = folder == currentDirectory ? "sessions" : sessions
                return Location(directory: SessionsDirectory(root: root), source: .discovered)
            }
            if folder == "/" || folder.isEmpty { break }
            folder = FileIO.parent(of: folder)
        }
        return Location(directory: SessionsDirectory(root: "sessions"), source: .notFound)
    }

    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The path with symbolic links and `..` resolved, or nil when it does not exist.
    public static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// An absolute form for messages (canonical when it exists).
    public static func absolute(_ path: String) -> String {
        if let c = canonical(path) { return c }
        return path.hasPrefix("/") ? path : "\(currentDirectory())/\(path)"
    }
}
