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
                    "-e", "SWIFT_BACKTRACE=enable=no", "-e", "TZ=America/Guatemala",
                    // The session index (a cache) goes with the test's folder, not into ~/.cache.
                    "-e", "XDG_CACHE_HOME=\(directory)/.test-cache"]
        for (k, v) in environment { args += ["-e", "\(k)=\(v)"] }
        args.append(command)
        _ = try run(args)
    }

    deinit { _ = try? run(["kill-server"]) }

    @discardableResult
    public func run(_ args: [String]) throws -> String {
        try Subprocess.run("/usr/bin/tmux", ["-L", socket] + args,
                           environment: ["PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8"]).stdout
    }

    /// Named keys (Enter, Escape, Space, C-z…).
    public func keys(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    /// Text typed literally, as a person would.
    public func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }

    public func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }

    /// The screen with its attributes as escape sequences (reverse video is ESC[7m).
    public func screenWithAttributes() throws -> String { try run(["capture-pane", "-p", "-e", "-t", session]) }

    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }

    /// The pid of the pane's first process (the shell running the command).
    public func panePID() throws -> Int32 {
        Int32(try run(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The pid of the program the pane's shell started (acta itself), waiting up to 5 s for it.
    public func programPID() throws -> Int32 {
        let shell = try panePID()
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let pid = childPIDs(of: shell).first { return pid }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TimedOut()
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
