import Foundation

/// Runs a program the tests need (cmark-gfm, pandoc, pdftotext, frictionless…): a missing one fails
/// the test naming the Debian package, never skips it.
public enum ExternalTool {
    public struct Missing: Error, CustomStringConvertible {
        public let program: String
        public init(program: String) { self.program = program }
        public var description: String { "\(program) is required by this test: run scripts/test, which installs it" }
    }

    public static func path(_ program: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin"]
        return folders.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// stdout of the program; throws when it is missing or fails.
    @discardableResult
    public static func run(_ program: String, _ arguments: [String], input: String? = nil) throws -> String {
        guard let path = path(program) else { throw Missing(program: program) }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        let r = try Subprocess.run(path, arguments, environment: env, input: input)
        guard r.status == 0 else {
            throw CocoaError(.executableNotLoadable, userInfo: [NSLocalizedDescriptionKey: "\(program) failed (\(r.status)): \(r.stderr)"])
        }
        return r.stdout
    }
}
