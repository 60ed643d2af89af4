import ActaTestSupport
import Foundation
import Testing

/// `acta record` as a secretary uses it: the real binary in tmux with a UTF-8 locale, on a copy of the sessions.
@Suite(.serialized) struct RecordEndToEndTests {
    static let session = "2023-03-29-primera-mesa"
    /// Printed after acta exits: whether the terminal is back in canonical mode with echo.
    static let terminalModes = "stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo;"

    /// `term` replaces the pane's TERM for acta alone (tmux sets the pane's own TERM over `-e`).
    func start(_ tmp: TemporarySessions, width: Int = 80, height: Int = 24, after: String = "",
               environment: [String: String] = [:], term: String? = nil) throws -> Tmux {
        let command = (term.map { "TERM=\($0) " } ?? "") + "'\(ActaProcess.binary)' record \(Self.session); echo EXIT=$?; \(after) sleep 600"
        let tmux = try Tmux(command: command, directory: tmp.base.path, width: width, height: height, environment: environment)
        try tmux.waitFor(text: "Asistencia")
        return tmux
    }

    func journal(_ tmp: TemporarySessions) -> String {
        (try? tmp.read("\(Self.session)/journal.jsonl")) ?? ""
    }

    @Test func recordsAttendanceAReportAndAnAcuerdoThenWritesTheActa() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp)
        try tmux.keys("t", "Space", "d", "C-u")
        try tmux.type("Lucía Ñáñez")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Lucía Ñáñez")
        try tmux.keys("Escape")
        try tmux.waitFor(text: "Enter o t: tomar asistencia")
        try tmux.keys("Space", "s")
        try tmux.type("60")
        try tmux.keys("Enter")
        try tmux.type("Información pública: ñandú, acción y 会議")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Hito 1.2")
        try tmux.keys("a")
        try tmux.type("Publicar el catálogo | datos abiertos")
        try tmux.keys("Enter", "Enter")
        try tmux.type("ming")
        try tmux.keys("Tab", "Enter")
        try tmux.type("+2w")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Acuerdo 1 registrado")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
        let minutes = try tmp.read("\(Self.session)/minutes.md")
        #expect(minutes.contains("Lucía Ñáñez"))
        #expect(minutes.contains("Información pública: ñandú, acción y 会議"))
        #expect(minutes.contains("| 1\\.1 |") || minutes.contains("| 1.1 |"))
        #expect(minutes.contains("60 %"))
        #expect(minutes.contains(#"Publicar el catálogo \| datos abiertos"#))
        #expect(minutes.contains("2023-04-12"))
    }

    @Test func killNineLosesNothingConfirmedAndTheDraftComesBack() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp)
        try tmux.keys("Space", "l")
        try tmux.type("40")
        try tmux.keys("Enter")
        try tmux.type("Borrador con ñ")
        try tmux.waitFor(text: "Borrador con ñ")
        // The draft reaches the disk within a second.
        let draftPath = tmp.path("\(Self.session)/.draft.json")
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, !((try? String(contentsOfFile: draftPath, encoding: .utf8))?.contains("Borrador con ñ") ?? false) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(try String(contentsOfFile: draftPath, encoding: .utf8).contains("Borrador con ñ"))
        kill(try tmux.programPID(), SIGKILL)
        try tmux.waitFor(text: "EXIT=137")
        #expect(journal(tmp).contains("\"percent\":40"))

        let again = try start(tmp)
        try again.waitFor(text: "borrador")
        try again.keys("Enter")
        try again.waitFor(text: "Borrador recuperado")
        try again.keys("Enter")
        try again.waitFor(text: "x/i/l/s/c")
        try again.keys("q")
        try again.waitFor(text: "EXIT=0")
        let minutes = try tmp.read("\(Self.session)/minutes.md")
        #expect(minutes.contains("Borrador con ñ"))
        #expect(minutes.contains("40 %"))
        #expect(!FileManager.default.fileExists(atPath: draftPath))
    }

    @Test func sighupRestoresTheTerminalAndKeepsTheJournal() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp, after: Self.terminalModes)
        try tmux.keys("Space", "c")
        try tmux.waitFor(text: "[c]")
        kill(try tmux.programPID(), SIGHUP)
        let screen = try tmux.waitFor("exit status and terminal modes") { $0.contains("EXIT=129") && $0.contains("echo") }
        #expect(screen.contains("icanon echo"), "the terminal is back in cooked mode with echo:\n\(screen)")
        #expect(journal(tmp).contains("\"status\":\"complete\""))
        #expect(FileManager.default.fileExists(atPath: tmp.path("\(Self.session)/minutes.md")), "outputs regenerated")
    }

    @Test func aCrashStillRestoresTheTerminal() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp, after: Self.terminalModes,
                             environment: ["ACTA_DEBUG_CRASH_KEY": "1"])
        try tmux.keys("Space", "s")
        try tmux.waitFor(text: "[s]")
        try tmux.keys("Escape")
        try tmux.waitFor(text: "x/i/l/s/c")
        try tmux.keys("F12")
        let screen = try tmux.waitFor("a crash exit and the terminal modes") { $0.contains("EXIT=13") && $0.contains("echo") }
        #expect(screen.contains("icanon echo"), "terminal restored after the crash:\n\(screen)")
        #expect(journal(tmp).contains("\"status\":\"substantial\""), "what was recorded before the crash is there")
    }

    @Test func ctrlEEditsTheNoteInTheEditor() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp, environment: ["EDITOR": "sed -i 's/$/ editada/'"])
        try tmux.keys("Space", "n")
        try tmux.type("Nota")
        try tmux.keys("C-e")
        try tmux.waitFor(text: "Nota editada")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "x/i/l/s/c")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
        #expect(journal(tmp).contains("\"note\":\"Nota editada\""))
    }

    @Test func pastedTextArrivesWholeAndIsNeverTakenForCommands() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp)
        try tmux.keys("Space", "n")
        try tmux.waitFor(text: "Enter aceptar")
        try tmux.run(["set-buffer", "-b", "p", "Pegado: línea uno\nq\nu línea tres"])
        try tmux.run(["paste-buffer", "-p", "-b", "p", "-t", tmux.session])
        try tmux.waitFor(text: "tres")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "x/i/l/s/c")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
        #expect(journal(tmp).contains("\"note\":\"Pegado: línea uno q u línea tres\""))
    }

    @Test func resizingWhileTypingKeepsTheText() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp)
        try tmux.keys("Space", "n")
        try tmux.type("Antes del cambio")
        try tmux.waitFor(text: "Antes del cambio")
        try tmux.resize(width: 120, height: 40)
        try tmux.waitFor("a 120-column screen") { $0.split(separator: "\n").first.map { $0.count > 90 } ?? false }
        try tmux.type(" y después")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Hito 1.1")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
        #expect(journal(tmp).contains("Antes del cambio y después"))
    }

    @Test func aSecondRecorderIsRefusedNamingTheFirst() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let first = try start(tmp)
        let pid = try first.programPID()
        let second = try Tmux(command: "'\(ActaProcess.binary)' record \(Self.session); echo EXIT=$?; sleep 600",
                              directory: tmp.base.path)
        let screen = try second.waitFor(text: "EXIT=75")
        let joined = try second.screenJoined()
        #expect(screen.contains("proceso \(pid)") || joined.contains("proceso \(pid)"))
        try first.keys("q")
        try first.waitFor(text: "EXIT=0")
    }

    @Test func aHitoReportAndARoundOfSpeakersEndInTheActa() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try start(tmp)
        // A whole hito report, typing over nothing: status, %, Enter, note, Enter.
        try tmux.keys("Space", "s")
        try tmux.type("60")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "60 %")      // the % recorded, the note field open
        try tmux.type("Portal relanzado con el catálogo de datos del ministerio")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Hito 1.2")
        // The list of speakers: two people, one key each for the floor, a summary.
        try tmux.keys("o", "a")
        try tmux.type("ming")
        try tmux.keys("Tab", "Enter", "a")
        try tmux.type("jai")
        try tmux.waitFor(text: "Tab → Jaime Muñoz Flores (GAE)")
        try tmux.keys("Tab", "Enter")
        try tmux.waitFor(text: "En espera (2)")
        try tmux.keys("Space")
        try tmux.waitFor(text: "(habla)")
        try tmux.keys("Space")
        try tmux.waitFor(text: "2. Jaime Muñoz Flores (GAE)")
        try tmux.keys("k", "r")
        try tmux.type("Pide publicar el calendario")
        try tmux.keys("Enter", "f")
        try tmux.waitFor(text: "Pide publicar el calendario")
        try tmux.keys("Escape")                                // alone: Esc then a key would read as Alt-key
        try tmux.waitFor(text: "Hito 1.2")
        try tmux.keys("k", "k")                                // up to the item: its speakers in the details
        try tmux.waitFor(text: "Oradores  [o]")
        try tmux.keys("q")
        try tmux.waitFor(text: "EXIT=0")
        let minutes = try tmp.read("\(Self.session)/minutes.md")
        #expect(minutes.contains("Portal relanzado con el catálogo de datos del ministerio"))
        #expect(minutes.contains("Intervenciones, en el orden en que se dio la palabra"))
        #expect(minutes.contains("| 1 | Ministerio de Gobernación (MINGOB) |"))
        #expect(minutes.contains("| 2 | Jaime Muñoz Flores (GAE) |"))
        #expect(minutes.contains("Pide publicar el calendario"))
        #expect(journal(tmp).contains("\"event\":\"floor_given\""))
    }

    @Test func worksWithoutColourAndRefusesATinyTerminalClearly() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let plain = try start(tmp, environment: ["NO_COLOR": "1"], term: "vt100")
        try plain.keys("q")
        try plain.waitFor(text: "EXIT=0")
        // vt100 without NO_COLOR: no colours to draw with, so the selection must be reverse video.
        let vt100 = try start(tmp, term: "vt100")
        let attributed = try vt100.screenWithAttributes()
        #expect(attributed.contains("\u{1B}[7m") || attributed.contains(";7m"), "the selection is visible:\n\(attributed)")
        try vt100.keys("q")
        try vt100.waitFor(text: "EXIT=0")
        // A dumb terminal cannot draw screens: refused, pointing to the commands that work there.
        let dumb = try Tmux(command: "TERM=dumb '\(ActaProcess.binary)' record \(Self.session); echo EXIT=$?; sleep 600",
                            directory: tmp.base.path)
        try dumb.waitFor(text: "EXIT=64")
        let refusal = try dumb.screenJoined()
        #expect(refusal.contains("acta list") && refusal.contains("acta export"))
        let tiny = try Tmux(command: "'\(ActaProcess.binary)' record \(Self.session); echo EXIT=$?; sleep 600",
                            directory: tmp.base.path, width: 50, height: 15)
        try tiny.waitFor(text: "demasiado pequeña")
        // A typed q there never quits (it could be text meant for a field); F10 does.
        try tiny.keys("F10")
        try tiny.waitFor(text: "EXIT=0")
    }
}

extension Tmux {
    /// The screen with wrapped lines joined, for messages longer than a line.
    func screenJoined() throws -> String { try screen().replacingOccurrences(of: "\n", with: "") }
}
