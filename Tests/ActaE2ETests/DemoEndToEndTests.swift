import ActaTestSupport
import Foundation
import Testing

/// `acta demo` as a first-time user meets it: the real binary in tmux, in a folder that holds
/// the user's own sessions, which the demo must never touch.
@Suite(.serialized) struct DemoEndToEndTests {
    static let session = "2023-03-29-primera-mesa"

    func files(under path: String) -> [String] {
        (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
    }

    func start(_ tmp: TemporarySessions, _ arguments: String, environment: [String: String] = [:]) throws -> Tmux {
        let command = "'\(ActaProcess.binary)' demo \(arguments); echo EXIT=$?; sleep 600"
        return try Tmux(command: command, directory: tmp.base.path, environment: environment)
    }

    @Test func aHitoReportedInTheDemoEndsInTheScratchActaOnly() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let before = files(under: tmp.root)
        let bundledBefore = files(under: TemporarySessions.bundled.path)
        let mesa = tmp.base.appendingPathComponent("prueba").path
        let tmux = try start(tmp, "--into prueba")
        let guide = try tmux.waitFor(text: "Pulse una tecla para empezar")
        #expect(guide.contains("estado, %, Enter, nota, Enter"))
        // The first key only closes the guide: "s" must not set a status.
        try tmux.keys("s")
        try tmux.waitFor(text: "Demo · hito")
        try tmux.keys("Space", "s")
        try tmux.type("60")
        try tmux.keys("Enter")
        try tmux.type("Portal publicado en la demostración")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Hito 1.2")
        try tmux.keys("q")
        let end = try tmux.waitFor(text: "EXIT=0")
        // Long paths wrap at 80 columns on screen.
        #expect(end.replacingOccurrences(of: "\n", with: "").contains("acta review --sessions \(mesa)/sessions"), "\(end)")
        let minutes = try String(contentsOfFile: "\(mesa)/sessions/\(Self.session)/minutes.md", encoding: .utf8)
        #expect(minutes.contains("Portal publicado en la demostración"))
        #expect(minutes.contains("60 %"))
        let journal = try String(contentsOfFile: "\(mesa)/sessions/\(Self.session)/journal.jsonl", encoding: .utf8)
        #expect(journal.contains("\"status\":\"substantial\""))
        #expect(files(under: tmp.root) == before, "the user's sessions were touched")
        #expect(files(under: TemporarySessions.bundled.path) == bundledBefore, "the bundled sessions were touched")
        // What it printed opens: the scratch folder is a sessions folder acta reads.
        let list = try ActaProcess.run(["list", "--sessions", "\(mesa)/sessions"], in: tmp.base.path)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("2023-03-29"))
    }

    @Test func withoutIntoItMakesANewFolderUnderTMPDIR() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let scratch = tmp.base.appendingPathComponent("tmpdir").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let tmux = try start(tmp, "--lang en", environment: ["TMPDIR": scratch])
        try tmux.waitFor(text: "Press a key to start")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Demo · hito: status")
        try tmux.keys("q")
        let end = try tmux.waitFor(text: "EXIT=0")
        #expect(end.contains("Demo finished"))
        let made = try FileManager.default.contentsOfDirectory(atPath: scratch)
        #expect(made.count == 1 && made[0].hasPrefix("acta-demo-"), "\(made)")
        let folder = "\(scratch)/\(made[0])/sessions/\(Self.session)"
        #expect(FileManager.default.fileExists(atPath: "\(folder)/minutes.md"))
        #expect(try String(contentsOfFile: "\(folder)/minutes.md", encoding: .utf8).contains("## Attendance"))
    }

    @Test func anExistingFolderIsNeverUsed() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let before = files(under: tmp.root)
        let tmux = try start(tmp, "--into sessions")
        let end = try tmux.waitFor(text: "EXIT=73")
        #expect(end.contains("sessions"))
        #expect(files(under: tmp.root) == before)
    }
}
