import ActaTestSupport
import Foundation
import Testing

/// A mesa shared through real git on local disk: a bare repository as the remote and clones
/// (secretary, reader…), under a path with spaces and accents. Each clone has its own recorder id.
final class GitMesa {
    let base: URL
    var remote: String { base.appendingPathComponent("remoto común.git").path }
    var home: String { base.appendingPathComponent("home").path }

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("acta git ñandú \(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: base.appendingPathComponent("home").path, withIntermediateDirectories: true)
        try git(["init", "--quiet", "--bare", remote], in: base.path)
    }

    deinit { try? FileManager.default.removeItem(at: base) }

    func path(_ clone: String) -> String { base.appendingPathComponent(clone).path }

    /// The environment of one machine: its own home (no user git config) and recorder id.
    func environment(_ recorder: String) -> [String: String] {
        ["HOME": home, "XDG_CONFIG_HOME": home + "/.config", "GIT_CONFIG_NOSYSTEM": "1", "ACTA_RECORDER": recorder]
    }

    @discardableResult
    func git(_ args: [String], in directory: String) throws -> Subprocess.Result {
        let r = try Subprocess.run("/usr/bin/git", ["-c", "user.name=Prueba", "-c", "user.email=prueba@example.invalid"] + args,
                                   environment: ["HOME": home, "GIT_CONFIG_NOSYSTEM": "1", "PATH": "/usr/bin:/bin", "LC_ALL": "C"],
                                   directory: directory)
        if r.status != 0 { Issue.record("git \(args.joined(separator: " ")) failed: \(r.stderr)") }
        return r
    }

    func acta(_ args: [String], in directory: String, as recorder: String, environment: [String: String] = [:]) throws -> ActaProcess.Result {
        try ActaProcess.run(args, in: directory, environment: self.environment(recorder).merging(environment) { $1 })
    }

    /// `acta init --git` in the secretary's folder, a remote, a first sync; then a reader's clone.
    func secretaryAndReader() throws -> (secretary: String, reader: String) {
        let secretary = path("secretaría")
        let made = try acta(["init", "secretaría", "--git"], in: base.path, as: "secretaria")
        #expect(made.status == 0, "\(made.stderr)")
        try git(["remote", "add", "origin", remote], in: secretary)
        let first = try acta(["sync"], in: secretary, as: "secretaria")
        #expect(first.status == 0, "\(first.stderr)")
        try git(["clone", "--quiet", remote, path("lectora")], in: base.path)
        return (secretary, path("lectora"))
    }

    /// Appends journal lines the way acta record does (one line per event, recorder stamped).
    func append(_ lines: [String], to session: String, in clone: String) throws {
        let file = "\(clone)/sessions/\(session)/journal.jsonl"
        let handle = FileHandle(forWritingAtPath: file) ?? {
            _ = FileManager.default.createFile(atPath: file, contents: nil)
            return FileHandle(forWritingAtPath: file)!
        }()
        handle.seekToEndOfFile()
        handle.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        try handle.close()
    }

    static func report(seq: Int, hito: Int, percent: Int, recorder: String) -> String {
        #"{"at":"2025-03-26T09:1\#(seq % 10):00-06:00","commitment":1,"event":"milestone_reported","hito":\#(hito),"item":2,"note":"nota \#(recorder)","percent":\#(percent),"recorder":"\#(recorder)","rescheduled":false,"seq":\#(seq),"status":"substantial","validated":true}"#
    }
}
