#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program found on `PATH` (pandoc, weasyprint) and waits for it, with posix_spawn:
/// its output goes to a file so an error can be shown.
public enum ExternalProgram {
    /// The program's path on `PATH`, or nil when it is not installed.
    public static func find(_ name: String, path: String? = nil) -> String? {
        let folders = (path ?? getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 && FileIO.isRegularFile($0) }
    }

    /// Exit status and what the program wrote to stderr (first 2 000 bytes).
    public static func run(_ program: String, _ arguments: [String], messagesFile: String) -> (status: Int32, messages: String) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, messagesFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &actions, nil, argv, environ)
        defer { unlink(messagesFile) }
        guard rc == 0 else { return (127, String(cString: strerror(rc))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let messages = (try? FileIO.read(messagesFile, limit: 1 << 20)).map { String(decoding: $0.prefix(2000), as: UTF8.self) } ?? ""
        let exited = status & 0x7F == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), messages)
    }
}
