import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Drives a real program inside tmux, on a private server per test: type keys, read the screen,
/// poll until a condition holds (never a fixed sleep), dump the screen on failure.
public final class Tmux {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "tmux is required for the end-to-end tests (apt-get install tmux)" }
    }

    public let socket: String
    public let session = "acta"

    /// Starts `command` (run by /bin/sh) in `directory` in a width×height window with a UTF-8 locale.
    public init(command: String, directory: String, width: Int = 80, height: Int = 24,
                environment: [String: String] = [:]) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") else { throw Missing() }
        socket = "acta-test-\(UUID().uuidString.prefix(8))"
        var args = ["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height),
                    "-c", directory, "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", "-e", "TERM=xterm-256color",
                    "-e", "SWIFT_BACKTRACE=enable=no", "-e", "TZ=America/Guatemala"]
        for (k, v) in environment { args += ["-e", "\(k)=\(v)"] }
        args.append(command)
        _ = try run(args)
    }

    deinit { _ = try? run(["kill-server"]) }

    /// Runs tmux with posix_spawn and waitpid: Foundation's Process can miss the exit of a
    /// client whose server daemon it forked, and hang.
    @discardableResult
    public func run(_ args: [String]) throws -> String {
        let outPath = NSTemporaryDirectory() + "tmux-out-\(UUID().uuidString)"
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments: [String] = ["/usr/bin/tmux", "-L", socket] + args
        let environment: [String] = ["PATH=/usr/bin:/bin", "TERM=xterm-256color", "LANG=C.UTF-8"]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The test runner blocks some signals; the programs under test must get them.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, argv, envp)
        guard rc == 0 else { throw Missing() }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Named keys (Enter, Escape, Space, C-z…).
    public func keys(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    /// Text typed literally, as a person would.
    public func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }

    public func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }

    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// The pid of the pane's first process (the shell running the command).
    public func panePID() throws -> Int32 {
        Int32(try run(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Waits until the screen satisfies `condition`; on timeout records an issue with the screen.
    @discardableResult
    public func waitFor(_ what: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
                        _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(last)", sourceLocation: sourceLocation)
        throw TimedOut()
    }

    @discardableResult
    public func waitFor(text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor("“\(text)”", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    public struct TimedOut: Error { public init() {} }
}

/// Children of a process (to find the program a shell started).
public func childPIDs(of parent: Int32) -> [Int32] {
    guard let text = try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8) else { return [] }
    return text.split(separator: " ").compactMap { Int32($0) }
}
