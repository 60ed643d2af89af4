import Foundation

/// Runs the `acta` binary that `swift test` built beside the test bundle.
public enum ActaProcess {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public static var binary: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("acta").path,
            TemporarySessions.packageRoot.appendingPathComponent(".build/debug/acta").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    public static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "LC_MESSAGES")
        // The session index (a cache) goes with the test's temporary folder, not into ~/.cache.
        env["XDG_CACHE_HOME"] = directory + "/.test-cache"
        for (k, v) in environment { env[k] = v }
        let r = try Subprocess.run(binary, arguments, environment: env, directory: directory)
        return Result(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }
}
