import ActaTestSupport
import Foundation
import Testing

@Suite struct SearchCommandTests {
    @Test func findsWordsInEverySessionNewestFirstAndSaysWhenNothingIs() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try ActaProcess.run(["search", "CAPACITACION", "--format", "csv"], in: tmp.base.path)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "session_date,acta,session,kind,text")
        let sessions = lines.dropFirst().map { $0.split(separator: ",")[2] }
        #expect(sessions.first == "2023-10-18-ejemplo-octubre")
        #expect(sessions.contains("2023-08-16-ejemplo-agosto"))
        #expect(lines.contains { $0.contains(",acuerdo,Publicar el calendario de capacitaciones") })
        // A later change is found at once: the index never answers from stale files.
        try tmp.write("2023-03-29-primera-mesa/journal.jsonl",
                      #"{"at":"2023-03-29T09:05:00-06:00","event":"note_added","item":1,"seq":1,"text":"Se habló de capacitación docente"}"# + "\n")
        let again = try ActaProcess.run(["search", "capacitacion", "docente"], in: tmp.base.path)
        #expect(again.stdout.contains("2023-03-29-primera-mesa"))
        let none = try ActaProcess.run(["search", "palabraquenoexiste"], in: tmp.base.path)
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
        #expect(none.stderr.contains("Sin resultados"))
    }
}
