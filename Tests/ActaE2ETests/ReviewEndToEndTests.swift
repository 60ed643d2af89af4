import ActaTestSupport
import Foundation
import Testing

/// `acta review` as a participant uses it: the real binary in tmux, on a copy of the sessions.
@Suite(.serialized) struct ReviewEndToEndTests {
    func review(_ tmp: TemporarySessions, _ arguments: String = "", width: Int = 80, height: Int = 24) throws -> Tmux {
        try Tmux(command: "'\(ActaProcess.binary)' review \(arguments); echo EXIT=$?; sleep 600",
                 directory: tmp.base.path, width: width, height: height)
    }

    @Test func listOpenSearchTimelineAndAcuerdos() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try review(tmp, width: 120, height: 40)
        try tmux.waitFor(text: "EJEMPLO-2")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Hora de inicio")
        try tmux.keys("/")
        try tmux.type("diálogos")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "coincidencias")
        try tmux.keys("q", "c")
        try tmux.waitFor(text: "Hitos por estado")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Sustancial → Completo")
        try tmux.keys("q", "q", "a", "v")
        let screen = try tmux.waitFor(text: "solo vencidos")
        #expect(screen.contains("VENCIDO"))
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Acta EJEMPLO")
        try tmux.keys("q", "q", "q")
        try tmux.waitFor(text: "EXIT=0")
    }

    @Test func aDumbTerminalIsRefusedWithWhatWorksThere() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let tmux = try Tmux(command: "TERM=dumb '\(ActaProcess.binary)' review; echo EXIT=$?; sleep 600", directory: tmp.base.path)
        try tmux.waitFor(text: "EXIT=64")
        let screen = try tmux.screen().replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("acta list") && screen.contains("acta export"))
    }

    @Test func followSeesAnAcuerdoRecordedElsewhereWithinASecond() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let session = "2023-03-29-primera-mesa"
        let follower = try review(tmp, "--follow \(session)", width: 100, height: 50)
        try follower.waitFor(text: "EN VIVO")
        let recorder = try Tmux(command: "'\(ActaProcess.binary)' record \(session); echo EXIT=$?; sleep 600",
                                directory: tmp.base.path)
        try recorder.waitFor(text: "Asistencia")
        try recorder.keys("a")
        try recorder.type("Convocar la próxima mesa")
        try recorder.keys("Enter", "Enter", "Enter", "Enter")
        try recorder.waitFor(text: "Acuerdo 1 registrado")
        let recorded = Date()
        try follower.keys("G")
        try follower.waitFor("the acuerdo in the follower", timeout: 5) { $0.contains("Convocar la próxima mesa") }
        let delay = Date().timeIntervalSince(recorded)
        #expect(delay < 1.0, "shown \(delay) s after it was recorded")
        #expect(try tmp.read("\(session)/journal.jsonl").contains("Convocar la próxima mesa"))
        try recorder.keys("q")
        try recorder.waitFor(text: "EXIT=0")
        try follower.keys("q")
        try follower.waitFor(text: "EXIT=0")
    }

    @Test func searchEverySessionAndOpenAHitInItsActa() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        for (name, seq, text) in [("2023-08-16-ejemplo-agosto", 28, "Se propone crear un fideicomiso para las capacitaciones"),
                                  ("2023-10-18-ejemplo-octubre", 29, "El Fideicomiso de capacitación ya opera")] {
            let line = #"{"at":"2023-10-18T10:00:00-06:00","event":"note_added","item":2,"seq":\#(seq),"text":"\#(text)"}"#
            try tmp.write("\(name)/journal.jsonl", try tmp.read("\(name)/journal.jsonl") + line + "\n")
        }
        let tmux = try review(tmp, width: 100, height: 30)
        try tmux.waitFor(text: "EJEMPLO-2")
        try tmux.keys("s")
        try tmux.waitFor(text: "Buscar en todas las sesiones:")
        try tmux.type("fideicomiso")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "2 resultados en 2 sesiones")
        try tmux.keys("Down", "Enter")
        let screen = try tmux.waitFor(text: "Acta EJEMPLO-1")
        #expect(screen.contains("Se propone crear un fideicomiso"), "the hit is on the screen:\n\(screen)")
        try tmux.keys("q")
        try tmux.waitFor(text: "Búsqueda en todas las sesiones")
        try tmux.keys("q", "q")
        try tmux.waitFor(text: "EXIT=0")
    }

    @Test func anEscapeSequenceInANoteIsShownNeutralised() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let name = "2023-10-18-ejemplo-octubre"
        let line = #"{"at":"2023-10-18T10:00:00-06:00","event":"note_added","item":1,"seq":500,"text":"hola \u001b]2;PWNED\u0007\u001b[2J fin"}"#
        try tmp.write("\(name)/journal.jsonl", try tmp.read("\(name)/journal.jsonl") + line + "\n")
        let tmux = try review(tmp, width: 120, height: 40)
        let titleBefore = try tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_title}"])
        try tmux.waitFor(text: "EJEMPLO-2")
        try tmux.keys("Enter", "/")
        try tmux.type("PWNED")
        try tmux.keys("Enter")
        let screen = try tmux.waitFor(text: "hola ^[]2;PWNED^G^[[2J fin")
        #expect(screen.contains("acta review · Acta EJEMPLO-2"), "the screen was not cleared by the note")
        let titleAfter = try tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_title}"])
        #expect(titleAfter == titleBefore)
        #expect(!titleAfter.contains("PWNED"))
        try tmux.keys("q", "q")
        try tmux.waitFor(text: "EXIT=0")
    }

    @Test func reviewWritesNothingAndWorksOnAReadOnlyFolder() throws {
        let tmp = try TemporarySessions()
        let all = [tmp.root] + (try FileManager.default.subpathsOfDirectory(atPath: tmp.root)).map { tmp.path($0) }
        let folders = all.filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && d.boolValue }
        for f in folders { chmod(f, 0o555) }
        defer {
            for f in folders { chmod(f, 0o755) }
            tmp.remove()
        }
        let before = try FileManager.default.subpathsOfDirectory(atPath: tmp.root).sorted()
        let tmux = try review(tmp)
        try tmux.waitFor(text: "EJEMPLO-2")
        try tmux.keys("Enter")
        try tmux.waitFor(text: "Hora de inicio")
        try tmux.keys("q", "q")
        try tmux.waitFor(text: "EXIT=0")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: tmp.root).sorted() == before)
    }
}
