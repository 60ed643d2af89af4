import ActaTestSupport
import Foundation
import Testing

/// The mesa's record shared through real git: a bare repository on local disk as the remote.
@Suite(.serialized) struct SharingTests {
    static let session = "2025-03-26-primera-mesa"

    /// On the record screen: hito 1.1 reported (status key, %, Enter, note, Enter), then quit;
    /// returns the screen once acta has exited.
    static func reportFirstHitoAndQuit(_ tmux: Tmux, status: String, percent: String, note: String = "") throws -> String {
        try tmux.keys("Space", status)
        try tmux.type(percent)
        try tmux.keys("Enter")
        if !note.isEmpty { try tmux.type(note) }
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Hito 1.2")
        try tmux.keys("q")
        return try tmux.waitFor(text: "EXIT=0")
    }

    @Test func secretaryRecordsInTmuxAndTheReaderSeesItAfterSync() throws {
        let mesa = try GitMesa()
        let (secretary, reader) = try mesa.secretaryAndReader()
        // The session is created from a subfolder: acta finds the mesa by walking up.
        let notes = secretary + "/notas de la mesa"
        try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: true)
        // The plan comes from the GAE's spreadsheet (a LibreOffice-written fixture of the 5th plan).
        let sheet = TemporarySessions.packageRoot.appendingPathComponent("Tests/ActaSpreadsheetTests/Fixtures/plan5-libreoffice.xlsx").path
        let imported = try mesa.acta(["plan", "import", sheet, "--id", "gt-pan5-hoja", "--title", "5to. Plan (de la hoja del GAE)"],
                                     in: notes, as: "secretaria")
        #expect(imported.status == 0, "\(imported.stderr)")
        let new = try mesa.acta(["new", "2025-03-26", "primera-mesa", "--plan", "gt-pan5-hoja"], in: notes, as: "secretaria")
        #expect(new.status == 0, "\(new.stderr)")

        // Recording in a terminal, from the subfolder; on quit the session is committed.
        let environment = mesa.environment("secretaria")
        let tmux = try Tmux(command: "'\(ActaProcess.binary)' record \(Self.session); echo EXIT=$?; sleep 600",
                            directory: notes, environment: environment)
        try tmux.waitFor(text: "Asistencia")
        // The help names the mesa found by walking up (cut from the left to fit 80 columns).
        try tmux.keys("?")
        let help = try tmux.waitFor(text: "Sesiones: …")
        #expect(help.contains("/sessions"))
        try tmux.keys("Escape")
        try tmux.waitFor("the help to close") { !$0.contains("Sesiones: …") }
        let screen = try Self.reportFirstHitoAndQuit(tmux, status: "s", percent: "60", note: "Portal relanzado")
        #expect(screen.contains("Confirmado en git"))
        let log = try mesa.git(["log", "-1", "--format=%s", "--name-only"], in: secretary).stdout
        #expect(log.hasPrefix("Acta 1-2025: 1 informe de hitos, 0 acuerdos\n"), "\(log)")
        #expect(log.contains("sessions/\(Self.session)/journal.jsonl"))
        #expect(log.contains("sessions/\(Self.session)/minutes.md"))
        #expect(!log.contains(".draft.json") && !log.contains(".lock"))
        let journal = try String(contentsOfFile: "\(secretary)/sessions/\(Self.session)/journal.jsonl", encoding: .utf8)
        #expect(journal.contains(#""recorder":"secretaria""#))

        let push = try mesa.acta(["sync"], in: secretary, as: "secretaria")
        #expect(push.status == 0, "\(push.stderr)")
        #expect(push.stdout.contains("Enviados"))
        #expect(push.stdout.contains("Nada nuevo del remoto."), "its own session is not news from the remote")

        // The reader: review --sync fetches first, and the new session is on its list.
        let review = try Tmux(command: "'\(ActaProcess.binary)' review --sync; echo EXIT=$?; sleep 600",
                              directory: reader, environment: mesa.environment("lectora"))
        try review.waitFor(text: "2025-03-26")
        try review.keys("q")
        try review.waitFor(text: "EXIT=0")
        let list = try mesa.acta(["list"], in: reader, as: "lectora")
        #expect(list.stdout.contains("2025-03-26  1-2025"))
        #expect(FileManager.default.fileExists(atPath: "\(reader)/sessions/plans/gt-pan5-hoja.yaml"), "the imported plan travels too")
        #expect(try mesa.acta(["check"], in: reader, as: "lectora").status == 0)
        let minutes = try String(contentsOfFile: "\(reader)/sessions/\(Self.session)/minutes.md", encoding: .utf8)
        #expect(minutes.contains("Portal relanzado"))
        // A second sync has nothing to do.
        let again = try mesa.acta(["sync"], in: reader, as: "lectora")
        #expect(again.stdout.contains("Nada nuevo del remoto."))
        #expect(again.stdout.contains("Nada que enviar."))
    }

    /// Sets up a session both machines have, then each appends its own events.
    func twoWriters(_ mesa: GitMesa) throws -> (String, String) {
        let (a, b) = try mesa.secretaryAndReader()
        #expect(try mesa.acta(["new", "2025-03-26", "primera-mesa", "--plan", "gt-pan5-2021-2023"], in: a, as: "equipo-a").status == 0)
        try mesa.append([GitMesa.report(seq: 1, hito: 1, percent: 10, recorder: "equipo-a")], to: Self.session, in: a)
        #expect(try mesa.acta(["sync"], in: a, as: "equipo-a").status == 0)
        #expect(try mesa.acta(["sync"], in: b, as: "equipo-b").status == 0)
        try mesa.append([GitMesa.report(seq: 2, hito: 2, percent: 20, recorder: "equipo-a")], to: Self.session, in: a)
        try mesa.append([GitMesa.report(seq: 2, hito: 3, percent: 30, recorder: "equipo-b")], to: Self.session, in: b)
        #expect(try mesa.acta(["sync"], in: a, as: "equipo-a").status == 0)
        return (a, b)
    }

    @Test func twoRecordersOfOneSessionStopTheSyncAndKeepBothJournals() throws {
        let mesa = try GitMesa()
        let (a, b) = try twoWriters(mesa)
        let r = try mesa.acta(["sync"], in: b, as: "equipo-b")
        #expect(r.status == 65, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("se grabó en dos equipos (equipo-b y equipo-a)"))
        #expect(r.stderr.contains(#""hito":3"#) && r.stderr.contains(#""hito":2"#))
        #expect(r.stderr.contains("--keep mine"))
        // Nothing merged: our journal is untouched, theirs kept beside it, nothing pushed or pulled.
        let folder = "\(b)/sessions/\(Self.session)"
        let ours = try String(contentsOfFile: "\(folder)/journal.jsonl", encoding: .utf8)
        #expect(ours.contains(#""hito":3"#) && !ours.contains(#""hito":2"#))
        let theirs = try String(contentsOfFile: "\(folder)/journal.equipo-a.jsonl", encoding: .utf8)
        #expect(theirs.contains(#""hito":2"#) && !theirs.contains(#""hito":3"#))
        #expect(try mesa.git(["rev-list", "--count", "HEAD..@{u}"], in: b).stdout == "1\n")
        #expect(try mesa.git(["status", "--porcelain"], in: b).stdout.isEmpty, "the copy is ignored, nothing half-done")
        let remoteJournal = try mesa.git(["--git-dir", mesa.remote, "show", "HEAD:sessions/\(Self.session)/journal.jsonl"], in: mesa.base.path).stdout
        #expect(!remoteJournal.contains(#""hito":3"#))

        // The secretary decides: keep the remote's; then both machines agree.
        let keep = try mesa.acta(["sync", "--keep", "theirs"], in: b, as: "equipo-b")
        #expect(keep.status == 0, "\(keep.stderr)")
        let kept = try String(contentsOfFile: "\(folder)/journal.jsonl", encoding: .utf8)
        #expect(kept.contains(#""hito":2"#) && !kept.contains(#""hito":3"#))
        #expect(try mesa.acta(["sync"], in: a, as: "equipo-a").status == 0)
        #expect(try mesa.acta(["check", Self.session], in: a, as: "equipo-a").status == 0)
    }

    @Test func recordingRefusesASessionAnotherComputerRecords() throws {
        let mesa = try GitMesa()
        let (_, b) = try twoWriters(mesa)
        // Not a terminal, but the writer check comes first and names both recorders.
        let r = try mesa.acta(["record", Self.session], in: b, as: "equipo-c")
        #expect(r.status == 75)
        #expect(r.stderr.contains("equipo-b") && r.stderr.contains("equipo-c") && r.stderr.contains("--take-over"))
        // Handing over: past the writer check (then refused only for want of a terminal).
        let handover = try mesa.acta(["record", Self.session, "--take-over"], in: b, as: "equipo-c")
        #expect(handover.status == 64, "\(handover.stderr)")
        #expect(handover.stderr.contains("terminal"))
    }

    @Test func aDirtyWorkingTreeStillSyncs() throws {
        let mesa = try GitMesa()
        let (secretary, reader) = try mesa.secretaryAndReader()
        #expect(try mesa.acta(["new", "2025-03-26", "primera-mesa", "--plan", "gt-pan5-2021-2023"], in: secretary, as: "secretaria").status == 0)
        #expect(try mesa.acta(["export", Self.session], in: secretary, as: "secretaria").status == 0)
        #expect(try mesa.acta(["sync"], in: secretary, as: "secretaria").status == 0)
        // The reader has local edits acta does not own, and a draft: both stay, uncommitted.
        try "notas personales\n".write(toFile: "\(reader)/README.md", atomically: true, encoding: .utf8)
        try "{}".write(toFile: "\(reader)/sessions/.draft.json", atomically: true, encoding: .utf8)
        let r = try mesa.acta(["sync"], in: reader, as: "lectora")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Recibido: \(Self.session)"))
        #expect(try String(contentsOfFile: "\(reader)/README.md", encoding: .utf8) == "notas personales\n")
        let status = try mesa.git(["status", "--porcelain"], in: reader).stdout
        #expect(status == " M README.md\n", "\(status)")
        // A reader who regenerates an acta in English keeps it to herself: sync never publishes it.
        #expect(try mesa.acta(["export", Self.session, "--lang", "en"], in: reader, as: "lectora").status == 0)
        let again = try mesa.acta(["sync"], in: reader, as: "lectora")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Nada que enviar."))
        let remoteMinutes = try mesa.git(["--git-dir", mesa.remote, "show", "HEAD:sessions/\(Self.session)/minutes.md"], in: mesa.base.path)
        #expect(!remoteMinutes.stdout.contains("## Attendance"))
    }

    @Test func withoutGitRemoteOrNetworkNothingIsLostAndTheMessageSaysWhat() throws {
        let mesa = try GitMesa()
        // No remote yet: sync says so.
        let alone = mesa.path("sola")
        #expect(try mesa.acta(["init", "sola", "--git"], in: mesa.base.path, as: "sola").status == 0)
        let noRemote = try mesa.acta(["sync"], in: alone, as: "sola")
        #expect(noRemote.status == 69)
        #expect(noRemote.stderr.contains("no tiene remoto"))
        // An unreachable remote: the message says nothing was shared; the commit stays to send later.
        try mesa.git(["remote", "add", "origin", mesa.base.appendingPathComponent("no existe.git").path], in: alone)
        #expect(try mesa.acta(["new", "2025-03-26", "primera-mesa", "--plan", "gt-pan5-2021-2023"], in: alone, as: "sola").status == 0)
        let offline = try mesa.acta(["sync"], in: alone, as: "sola")
        #expect(offline.status == 69)
        #expect(offline.stderr.contains("no se pudo contactar el remoto"))
        #expect(try mesa.git(["log", "-1", "--format=%s"], in: alone).stdout == "acta sync: registros aún sin compartir (2025-03-26-primera-mesa)\n")
        // git missing: recording works as without git and says the session was not shared.
        let noGit = ["ACTA_GIT": "/nonexistent/git"]
        let tmux = try Tmux(command: "'\(ActaProcess.binary)' record \(Self.session); echo EXIT=$?; read x",
                            directory: alone, environment: mesa.environment("sola").merging(noGit) { $1 })
        try tmux.waitFor(text: "Asistencia")
        let screen = try Self.reportFirstHitoAndQuit(tmux, status: "c", percent: "100")
        #expect(screen.contains("git no está instalado"), "\(screen)")
        #expect(try String(contentsOfFile: "\(alone)/sessions/\(Self.session)/minutes.md", encoding: .utf8).contains("100 %"))
        let missing = try mesa.acta(["sync"], in: alone, as: "sola", environment: noGit)
        #expect(missing.status == 69)
        #expect(missing.stderr.contains("git no está instalado"))
        // Outside any repository, init without --git makes a plain folder.
        let plain = try mesa.acta(["init", "sin git"], in: mesa.base.path, as: "sola")
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!FileManager.default.fileExists(atPath: mesa.path("sin git") + "/.git"))
    }

    @Test func sessionsInsideSomeOtherRepositoryAreNotCommittedOnQuit() throws {
        let mesa = try GitMesa()
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        // A repository that holds sessions/ but was never made a mesa by acta init.
        try mesa.git(["init", "--quiet"], in: tmp.base.path)
        try mesa.git(["add", "."], in: tmp.base.path)
        try mesa.git(["commit", "--quiet", "-m", "inicio"], in: tmp.base.path)
        let tmux = try Tmux(command: "'\(ActaProcess.binary)' record 2023-03-29-primera-mesa; echo EXIT=$?; sleep 600",
                            directory: tmp.base.path, environment: mesa.environment("otra"))
        try tmux.waitFor(text: "Asistencia")
        let screen = try Self.reportFirstHitoAndQuit(tmux, status: "l", percent: "30")
        #expect(!screen.contains("Confirmado en git"))
        #expect(try mesa.git(["log", "--format=%s"], in: tmp.base.path).stdout == "inicio\n")
        #expect(try mesa.git(["status", "--porcelain"], in: tmp.base.path).stdout.contains("journal.jsonl"))
    }
}
