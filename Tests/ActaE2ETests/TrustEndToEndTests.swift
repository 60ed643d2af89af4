import ActaTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Nothing typed is lost and nothing hostile gets through, in the real binary in tmux:
/// resizes, signals, job control, pastes and escape sequences in the files.
@Suite(.serialized) struct TrustEndToEndTests {
    static let session = "2023-03-29-primera-mesa"

    func start(_ tmp: TemporarySessions, _ arguments: String = "record \(session)", width: Int = 80, height: Int = 24,
               waitFor text: String? = "Asistencia") throws -> Tmux {
        let command = "'\(ActaProcess.binary)' \(arguments); echo EXIT=$?; sleep 600"
        let tmux = try Tmux(command: command, directory: tmp.base.path, width: width, height: height)
        if let text { try tmux.waitFor(text: text) }
        return tmux
    }

    func journal(_ tmp: TemporarySessions) -> String {
        (try? tmp.read("\(Self.session)/journal.jsonl")) ?? ""
    }

    /// The process state letter from /proc (T when stopped).
    func state(_ pid: Int32) -> String {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        return status.split(separator: "\n").first { $0.hasPrefix("State:") }.map { String($0.dropFirst(6).trimmingCharacters(in: .whitespaces).prefix(1)) } ?? "?"
    }

    func waitForState(_ pid: Int32, _ letter: String) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if state(pid) == letter { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    @Test func typingAt60x20ThenResizingTo80x24KeepsTheText() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp, width: 60, height: 20, waitFor: nil)
        try tmux.waitFor("the compact screen") { $0.contains("F1") }
        try tmux.keys("Space", "n")
        try tmux.waitFor(text: "Enter")
        try tmux.type("a 60 columnas: u y q")
        try tmux.waitFor(text: "u y q")
        // Smaller than any layout while typing: every key still edits the open field.
        try tmux.resize(width: 40, height: 12)
        try tmux.waitFor(text: "pequeña")
        try tmux.type(", luego q")
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor(text: "luego q")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "x/i/l/s/c")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
        #expect(journal(tmp).contains("\"note\":\"a 60 columnas: u y q, luego q\""))
    }

    @Test func qAtATooSmallSizeDoesNotQuit() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp, width: 40, height: 12, waitFor: "pequeña")
        try tmux.keys("q")
        try tmux.resize(width: 80, height: 24)
        let screen = try tmux.waitFor(text: "Asistencia")
        #expect(!screen.contains("EXIT="), "q at a too-small size must not quit:\n\(screen)")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
    }

    @Test func sigtermFiftyMillisecondsAfterTypingKeepsTheDraft() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp)
        try tmux.keys("Space", "n")
        try tmux.waitFor(text: "Enter aceptar")
        let pid = try tmux.programPID()
        try tmux.type("Dicho justo antes de la señal")
        // The scenario itself: the signal 50 ms after the keys, before any periodic draft save.
        Thread.sleep(forTimeInterval: 0.05)
        kill(pid, SIGTERM)
        try tmux.waitFor(text: "EXIT=143")
        let draft = try tmp.read("\(Self.session)/.draft.json")
        #expect(draft.contains("Dicho justo antes de la señal"))

        let again = try start(tmp, waitFor: "borrador")
        try again.waitFor(text: "Dicho justo antes de la señal")
        try again.keys("Enter")
        try again.waitFor(text: "Borrador recuperado")
        try again.keys("Enter")
        try again.waitFor(text: "x/i/l/s/c")
        try again.keys("q")
        try again.waitFor(text: "EXIT=0")
        #expect(journal(tmp).contains("Dicho justo antes de la señal"))
    }

    @Test func sigtstpRestoresTheTerminalAndFgRedrawsTheWholeScreen() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp)
        let pid = try tmux.programPID()
        let tty = try tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        kill(pid, SIGTSTP)
        #expect(waitForState(pid, "T"), "acta stops on SIGTSTP")
        try tmux.waitFor("the terminal restored (acta's screen gone)") { !$0.contains("Asistencia") }
        let modes = try Subprocess.run("/bin/stty", ["-a", "-F", tty], environment: ["PATH": "/usr/bin:/bin"]).stdout
        #expect(modes.contains(" icanon") && modes.contains(" echo "), "cooked mode with echo while stopped:\n\(modes)")
        kill(pid, SIGCONT)
        try tmux.waitFor(text: "Asistencia")
        let screen = try tmux.waitFor(text: "q/F10 salir")
        #expect(screen.contains("Acta 1-2023"), "the whole screen is back:\n\(screen)")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
    }

    @Test func reviewSuspendsOnCtrlZAsLessDoes() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp, "review", waitFor: "acta review")
        let pid = try tmux.programPID()
        try tmux.keys("C-z")
        #expect(waitForState(pid, "T"), "Ctrl-Z suspends acta review")
        kill(pid, SIGCONT)
        try tmux.waitFor(text: "acta review")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
    }

    @Test func aPasteCarryingTheEndOfPasteSequenceUndoesNothing() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp)
        try tmux.keys("Space", "s")
        try tmux.type("50")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Enter aceptar")
        // The pasted text itself holds ESC [ 201 ~ then u (undo) and q (quit).
        try tmux.run(["set-buffer", "-b", "p", "pegado\u{1B}[201~uq\u{1B}]2;x\u{07}"])
        try tmux.run(["paste-buffer", "-p", "-b", "p", "-t", tmux.session])
        try tmux.waitFor(text: "pegado[201~uq")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "x/i/l/s/c")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
        let j = journal(tmp)
        #expect(!j.contains("\"undone\""), "nothing was undone:\n\(j)")
        #expect(j.contains("\"percent\":50"))
        #expect(j.contains("pegado[201~uq]2;x"))
    }

    @Test func aHugePasteIsCutToAFieldAndNeverFreezesTheScreen() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp)
        try tmux.keys("Space", "n")
        try tmux.waitFor(text: "Enter aceptar")
        let file = tmp.base.appendingPathComponent("paste.txt").path
        try String(repeating: "y", count: 5_000_000).write(toFile: file, atomically: true, encoding: .utf8)
        try tmux.run(["load-buffer", "-b", "big", file])
        try tmux.run(["paste-buffer", "-p", "-b", "big", "-t", tmux.session])
        // The field is full: typing more changes nothing, and the screen still answers.
        try tmux.type("más")
        try tmux.waitFor(text: "yyy", timeout: 10)
        try tmux.keys("Enter")
        try tmux.waitFor(text: "x/i/l/s/c")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
        let note = journal(tmp).split(separator: "\n").last { $0.contains("yyyyyyyy") } ?? ""
        #expect(note.count > 60_000 && note.count < 70_000, "the paste was cut to 64 KiB (line of \(note.count) bytes)")
        // What was written is read back: the session opens clean.
        let check = try ActaProcess.run(["check", Self.session], in: tmp.base.path)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func aPlanTitleCarryingAnEscapeSequenceLeavesThePaneTitleUnchanged() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let plan = try tmp.read("plans/gt-pan5-2021-2023.yaml")
        let hostile = plan
            .replacingOccurrences(of: "name: \"5to. Plan", with: "name: \"\\e]2;x\\a5to. Plan")
            .replacingOccurrences(of: "title_en: \"Strengthening Open Data\"", with: "title_en: \"Strengthening\\e]2;x\\a Open Data\"")
        #expect(hostile != plan)
        try tmp.write("plans/gt-pan5-2021-2023.yaml", hostile)
        let record = try start(tmp, waitFor: nil)
        let before = try record.run(["display-message", "-p", "-t", record.session, "#{pane_title}"])
        try record.waitFor(text: "Asistencia")
        try record.keys("q")
        try record.waitFor(text: "EXIT=0")
        #expect(try record.run(["display-message", "-p", "-t", record.session, "#{pane_title}"]) == before)

        let review = try start(tmp, "review", waitFor: "acta review")
        try review.keys("c")
        try review.waitFor(text: "^[]2;x^G")
        try review.keys("q")
        try review.keys("q")
        try review.waitFor(text: "EXIT=0")
        #expect(try review.run(["display-message", "-p", "-t", review.session, "#{pane_title}"]) == before)

        let check = try ActaProcess.run(["check", Self.session], in: tmp.base.path)
        #expect(CorpusCase.firstControl(check.stdout + check.stderr) == nil)
        let minutes = try tmp.read("\(Self.session)/minutes.md")
        #expect(CorpusCase.firstControl(minutes) == nil)
    }

    @Test func outputsThatCannotBeWrittenAtQuitExit73AndTheJournalIsIntact() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        // minutes.md is a folder with something in it: it cannot be replaced.
        try FileManager.default.createDirectory(atPath: tmp.path("\(Self.session)/minutes.md/x"), withIntermediateDirectories: true)
        let tmux = try start(tmp)
        try tmux.keys("Space", "c")
        try tmux.waitFor(text: "[c]")
        try tmux.keys("Escape")
        try tmux.waitFor(text: "x/i/l/s/c")
        try tmux.keys("q")
        let screen = try tmux.waitFor(text: "EXIT=73")
        #expect(screen.contains("No se pudo escribir el acta"))
        #expect(screen.contains("acta export"))
        #expect(journal(tmp).contains("\"status\":\"complete\""))
    }
}
