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
        #expect(lines.first == "session_date,acta,session,kind,text,demonstration")
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

    /// Words reach SQLite's FTS5 query language: whatever is typed searches those words or is
    /// refused with a clear message (exit 64), never an SQLite error or another column's text.
    @Test func whatIsTypedIsSearchedLiterallyOrRefusedClearly() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        try tmp.write("2023-03-29-primera-mesa/journal.jsonl", #"""
            {"at":"2023-03-29T09:05:00-06:00","event":"note_added","item":1,"seq":1,"text":"title:secreto NEAR(uno dos) \"comillas\" AND fin"}
            {"at":"2023-03-29T09:06:00-06:00","event":"note_added","item":1,"seq":2,"text":"Alerta \u001b]0;TITULO\u0007 roja\nsegunda línea"}

            """#)
        func search(_ words: String...) throws -> ActaProcess.Result {
            try ActaProcess.run(["search"] + words + ["--format", "csv"], in: tmp.base.path)
        }
        // Query syntax is only text: each finds the note that holds those words.
        for words in [["title:secreto"], ["NEAR(uno", "dos)"], ["\"comillas"], ["comillas\""], ["and"], ["AND", "fin"], ["(uno)"], ["fin*"], ["^fin"], ["+fin"]] {
            let r = try ActaProcess.run(["search"] + words + ["--format", "csv"], in: tmp.base.path)
            #expect(r.status == 0, "\(words): \(r.stderr)")
            #expect(r.stdout.contains("title:secreto"), "\(words)")
            #expect(!r.stderr.lowercased().contains("fts5") && !r.stderr.lowercased().contains("sqlite"))
        }
        // A column filter is not one: "kind" is not a word of the note.
        #expect(try search("kind:nota").status == 1)
        // Words are split at any white space, not only spaces and tabs.
        for separator in ["\n", "\u{00A0}", "\u{2003}", "\r"] {
            let r = try search("alerta" + separator + "roja")
            #expect(r.status == 0, "\(separator.unicodeScalars.first!.value): \(r.stderr)")
        }
        // Nothing to search, or a word with no letter or digit (the index finds words): refused, exit 64.
        for words in [[""], [" "], ["🎉"], ["!!!"], ["\""], ["alerta", "..."], ["--", "---"], ["\u{301}"]] {
            let r = try ActaProcess.run(["search"] + words, in: tmp.base.path)
            #expect(r.status == 64, "\(words): \(r.status) \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("palabra"), "\(words): \(r.stderr)")
        }
        let en = try ActaProcess.run(["search", "🎉", "--lang", "en"], in: tmp.base.path)
        #expect(en.status == 64 && en.stderr.contains("no letter or digit"), "\(en.stderr)")
        // The note's text as it is in CSV and JSON (a line break kept, the escape removed or escaped), never raw.
        let csv = try search("alerta")
        #expect(csv.stdout.contains("roja\nsegunda"), "\(csv.stdout)")
        #expect(!csv.stdout.contains("\u{1B}") && !csv.stdout.contains("\u{07}"))
        let json = try ActaProcess.run(["search", "alerta", "--format", "json"], in: tmp.base.path)
        #expect(json.stdout.contains(#"roja\nsegunda"#), "\(json.stdout)")
        #expect(!json.stdout.contains("\u{1B}") && !json.stdout.contains("\u{07}"))
        let text = try ActaProcess.run(["search", "alerta"], in: tmp.base.path)
        #expect(text.stdout.contains("^[]0;TITULO^G") && !text.stdout.contains("\u{1B}"), "\(text.stdout)")
    }

    /// Hits in a demonstration session (fictitious data) say so, as `acta list` does.
    @Test func hitsInADemonstrationSessionAreLabelled() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let text = try ActaProcess.run(["search", "capacitaciones"], in: tmp.base.path)
        let rows = text.stdout.split(separator: "\n").filter { $0.contains("2023-08-16-ejemplo-agosto") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("[ejemplo] ") }, "\(text.stdout)")
        let en = try ActaProcess.run(["search", "capacitaciones", "--lang", "en"], in: tmp.base.path)
        #expect(en.stdout.contains("[example] "))
        let csv = try ActaProcess.run(["search", "capacitaciones", "--format", "csv"], in: tmp.base.path)
        let data = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst()
        #expect(!data.isEmpty && data.allSatisfy { $0.hasSuffix(",true") }, "\(csv.stdout)")
        let json = try ActaProcess.run(["search", "capacitaciones", "--format", "json"], in: tmp.base.path)
        #expect(json.stdout.contains(#""demonstration": true"#), "\(json.stdout)")
    }

    /// A session that cannot be read is not searched: search says so, rather than let
    /// "no results" suggest its notes were looked at.
    @Test func aSessionThatCannotBeReadIsNamedAsNotSearched() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        try tmp.write("2023-08-16-ejemplo-agosto/agenda.yaml", "title: [sin cerrar\n")
        let r = try ActaProcess.run(["search", "capacitaciones"], in: tmp.base.path)
        #expect(r.status == 0)
        #expect(r.stdout.contains("2023-10-18-ejemplo-octubre"))
        #expect(r.stderr.contains("2023-08-16-ejemplo-agosto") && r.stderr.contains("acta check"), "\(r.stderr)")
        let none = try ActaProcess.run(["search", "palabraquenoexiste", "--lang", "en"], in: tmp.base.path)
        #expect(none.status == 1)
        #expect(none.stderr.contains("2023-08-16-ejemplo-agosto") && none.stderr.contains("not searched"), "\(none.stderr)")
        // Scripts still read only the hits on standard output.
        let csv = try ActaProcess.run(["search", "capacitaciones", "--format", "csv"], in: tmp.base.path)
        #expect(!csv.stdout.contains("acta check"))
    }
}
