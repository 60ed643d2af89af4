import ActaCore
@testable import ActaFormats
import Foundation
import Testing

/// Input written by someone careless or hostile: it must be refused or neutralised, never trap.
@Suite struct DatesOutOfRangeTests {
    let base = CalendarDate(iso: "2023-03-29")!

    @Test(arguments: ["+2000000000000000000w", "+3000000d", "+9223372036854775807d", "+99999999999999999999d",
                      "+1311768467463790320w", "+-5d", "+ 5d", "+d", "31/12/99999", "29/02/2023", "0000-01-01", "10236-01-01", "1/1/-5"])
    func impossibleOrOutOfRangeDueDatesAreRefused(_ typed: String) {
        #expect(DueDateInput.parse(typed, base: base) == nil)
    }

    @Test func reasonableDueDatesStillWork() {
        #expect(DueDateInput.parse("+2w", base: base)?.iso == "2023-04-12")
        #expect(DueDateInput.parse("+10d", base: base)?.iso == "2023-04-08")
        #expect(DueDateInput.parse("15/08", base: base)?.iso == "2023-08-15")
        #expect(DueDateInput.parse("15/03", base: base)?.iso == "2024-03-15")
        #expect(DueDateInput.parse("9999-12-31", base: base)?.iso == "9999-12-31")
        // The last representable day, and one more, which is not.
        let last = CalendarDate(iso: "9999-12-30")!
        #expect(DueDateInput.parse("+1d", base: last)?.iso == "9999-12-31")
        #expect(DueDateInput.parse("+2d", base: last) == nil)
        #expect(DueDateInput.parse("15/03", base: CalendarDate(iso: "9999-12-01")!) == nil)
    }

    @Test func theSupportedRangeIsExactlyYears1To9999() {
        #expect(CalendarDate(iso: "0001-01-01")!.daysSinceEpoch == CalendarDate.supportedDays.lowerBound)
        #expect(CalendarDate(iso: "9999-12-31")!.daysSinceEpoch == CalendarDate.supportedDays.upperBound)
        #expect(CalendarDate(daysSinceEpoch: CalendarDate.supportedDays.upperBound + 1) == nil)
        #expect(CalendarDate(daysSinceEpoch: Int.min) == nil)
        #expect(CalendarDate(iso: "2023-01-01")!.adding(days: Int.max) == nil)
        #expect(CalendarDate(iso: "2023-01-01")!.adding(days: Int.min) == nil)
        #expect(Timestamp(iso: "10236-01-01T00:00:00Z") == nil)
        #expect(Timestamp(iso: "0000-01-01T00:00:00Z") == nil)
    }
}

@Suite struct JournalWhateverItHoldsTests {
    let at = Timestamp(iso: "2023-03-29T09:00:00-06:00")!
    func line(_ seq: Int) -> String { JournalCodec.encode(SessionEvent(seq: seq, at: at, kind: .itemStarted(item: 1))) }

    @Test func numbersThatWouldTrapAreSkippedWithTheirLine() {
        let lines = [
            line(1),
            #"{"at":"2023-03-29T09:00:00-06:00","event":"item_started","item":1,"seq":9223372036854775807}"#,
            #"{"at":"2023-03-29T09:00:00-06:00","event":"action_item_added","item":1,"kind":"task","number":9223372036854775807,"seq":3,"text":"x"}"#,
            #"{"at":"2023-03-29T09:00:00-06:00","event":"undone","seq":4,"target":-9223372036854775808}"#,
            #"{"at":"2023-03-29T09:00:00-06:00","event":"item_started","item":99999999999999999999999,"seq":5}"#,
            #"{"at":"10236-03-29T09:00:00-06:00","event":"item_started","item":1,"seq":6}"#,
            #"{"at":"2023-03-29T09:00:00-06:00","due":"10236-01-01","event":"action_item_added","item":1,"kind":"task","number":1,"seq":7,"text":"x"}"#,
            #"{"at":"2023-03-29T09:00:00-06:00","due":"2023-02-30","event":"action_item_added","item":1,"kind":"task","number":1,"seq":8,"text":"x"}"#,
            line(9),
        ]
        let contents = JournalReader.read(lines.joined(separator: "\n") + "\n", file: "journal.jsonl")
        #expect(contents.events.map(\.seq) == [1, 9])
        #expect(contents.diagnostics.map(\.line) == [2, 3, 4, 5, 6, 7, 8])
        #expect(contents.diagnostics.allSatisfy { $0.severity == .error })
        #expect(contents.diagnostics[0].message.es.contains("9223372036854775807"))
    }

    @Test func nulAndInvalidUTF8AreReportedAtTheirLineAndColumn() {
        var bytes = Array((line(1) + "\n").utf8)
        bytes += Array(#"{"at":"2023-03-29T09:00:00-06:00","event":"note_added","item":1,"seq":2,"text":"añ"#.utf8) + [0x00] + Array("\"}\n".utf8)
        bytes += Array(#"{"at":"2023-03-29T09:00:00-06:00","event":"note_added","item":1,"seq":3,"text":"x"#.utf8) + [0xC3, 0x28] + Array("\"}\n".utf8)
        bytes += Array((line(4) + "\n").utf8)
        let contents = JournalReader.read(bytes: bytes, file: "journal.jsonl")
        #expect(contents.events.map(\.seq) == [1, 4])
        #expect(contents.diagnostics.count == 2)
        // Columns count characters: "añ" is two, so the NUL is at 82 + 1.
        let prefix = #"{"at":"2023-03-29T09:00:00-06:00","event":"note_added","item":1,"seq":2,"text":"añ"#
        #expect(contents.diagnostics[0].line == 2)
        #expect(contents.diagnostics[0].column == prefix.count + 1)
        #expect(contents.diagnostics[0].message.en.contains("NUL"))
        #expect(contents.diagnostics[1].line == 3)
        #expect(contents.diagnostics[1].column == #"{"at":"2023-03-29T09:00:00-06:00","event":"note_added","item":1,"seq":3,"text":"x"#.count + 1)
        #expect(contents.diagnostics[1].message.en.contains("UTF-8"))
    }

    @Test func aHugeLineIsSkippedWithoutDecodingIt() {
        let huge = #"{"at":"2023-03-29T09:00:00-06:00","event":"note_added","item":1,"seq":2,"text":""#
            + String(repeating: "a", count: InputLimits.journalLineBytes) + "\"}"
        let field = #"{"at":"2023-03-29T09:00:00-06:00","event":"note_added","item":1,"seq":3,"text":""#
            + String(repeating: "b", count: InputLimits.fieldBytes + 1) + "\"}"
        let contents = JournalReader.read([line(1), huge, field, line(4)].joined(separator: "\n") + "\n", file: "j")
        #expect(contents.events.map(\.seq) == [1, 4])
        #expect(contents.diagnostics.map(\.line) == [2, 3])
        #expect(contents.diagnostics[0].message.en.contains("1 MiB"))
        #expect(contents.diagnostics[1].message.en.contains("64 KiB"))
    }

    @Test func controlCharactersAreEscapedInTheJournalAndComeBackIntact() throws {
        let text = "a\u{1B}]2;x\u{07}b\u{9B}c\u{202E}d\u{7F}e\u{2066}"
        let event = SessionEvent(seq: 1, at: at, kind: .noteAdded(item: 1, text: text))
        let encoded = JournalCodec.encode(event)
        #expect(!encoded.unicodeScalars.contains(where: ControlCharacters.isControl))
        #expect(encoded.contains("\\u202e"))
        #expect(try JournalCodec.decode(encoded, file: "j", lineNumber: 1) == event)
    }
}

@Suite struct OutputNeutralisationTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1+cmd", "'+1+cmd"), ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\n=1"), ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("70", "70"), ("-3", "-3"), ("2.5", "2.5"), ("+502", "+502"), ("texto normal", "texto normal"), ("", ""),
        ("a\u{1B}[31mb\u{07}", "a[31mb"), ("x\u{202E}y\u{9B}z", "xyz"), ("línea 1\r\nlínea 2", "línea 1\nlínea 2"),
        ("\u{1B}=1", "'=1"),
    ])
    func csvCellsNeverRunAsFormulasNorCarryControls(_ input: String, _ expected: String) {
        #expect(CSV.cell(input) == expected)
    }

    @Test func everyCSVWriterGoesThroughTheCellRule() {
        let text = CSV.write([["a", "=1+1"], ["70", "@x"]])
        #expect(text == "a,'=1+1\r\n70,'@x\r\n")
    }

    @Test func jsonEscapesC1DelAndBidiAndStaysValid() throws {
        let hostile = "x\u{7F}\u{85}\u{202A}\u{2069}y"
        let encoded = String(decoding: try JSONEncoder().encode(["k": hostile]), as: UTF8.self)
        let safe = JSONText.escapingControls(encoded)
        #expect(!safe.unicodeScalars.contains(where: ControlCharacters.isControl))
        let back = try JSONDecoder().decode([String: String].self, from: Data(safe.utf8))
        #expect(back["k"] == hostile)
    }

    @Test func messagesShowFileValuesVisiblyNeverRaw() {
        let d = Diagnostic(file: "plans/x\u{1B}.yaml", line: 2, column: 3,
                           message: LocalizedText(es: "«\u{1B}]2;pwned\u{07}»", en: "“\u{1B}]2;pwned\u{07}”"))
        let text = d.formatted(.es)
        #expect(!text.unicodeScalars.contains(where: ControlCharacters.isControl))
        #expect(text.contains("^[]2;pwned^G"))
    }
}

@Suite struct LoaderLimitsTests {
    @Test func aPlanWithImpossibleHitoDatesOrAHostileIdIsRefusedWhereItIsWritten() {
        let plan = """
        id: p
        name: Plan
        commitments:
          - number: 1
            hitos:
              - {number: 1, start: "2023-02-30", end: "2023-07"}

        """
        #expect(throws: Diagnostics.self) { try PlanLoader.load(plan, file: "p.yaml") }
        do { _ = try PlanLoader.load(plan, file: "p.yaml") } catch {
            #expect(error.items.first?.line == 6)
            #expect(error.items.first?.message.en.contains("2023-02-30") == true)
        }
        for bad in ["../../etc/x", ".hidden", "a/b", "x y"] {
            #expect(!PlanLoader.isPlanID(bad))
        }
        #expect(PlanLoader.isPlanID("gt-pan5-2021-2023"))
        let escaping = agendaText().replacingOccurrences(of: "plan: p", with: "plan: \"../../../etc/passwd\"")
        do { _ = try AgendaLoader.planID(escaping, file: "agenda.yaml"); Issue.record("a plan id with / must be refused") } catch {
            #expect(error.line == 4)
        }
    }

    @Test func aFieldOverTheLimitIsRefusedAtItsPlace() {
        let long = String(repeating: "x", count: InputLimits.fieldBytes + 1)
        let agenda = agendaText().replacingOccurrences(of: "title: Mesa", with: "title: \(long)")
        do { _ = try AgendaLoader.load(agenda, file: "agenda.yaml", plan: nil); Issue.record("must be refused") } catch {
            #expect(error.items.first?.line == 2)
            #expect(error.items.first?.message.en.contains("64 KiB") == true)
        }
    }

    @Test func aControlCharacterInYAMLIsLocatedWhereItIs() {
        let agenda = agendaText().replacingOccurrences(of: "title: Mesa", with: "title: \"M\u{1B}]2;x\u{07}\"")
        do { _ = try AgendaLoader.load(agenda, file: "agenda.yaml", plan: nil); Issue.record("must be refused") } catch {
            let d = error.items.first
            #expect(d?.line == 2)
            #expect(d?.column == 10)
            #expect(d.map { !$0.formatted(.es).unicodeScalars.contains(where: ControlCharacters.isControl) } == true)
        }
    }

    @Test func nulAndInvalidUTF8InAFileAreLocated() {
        let bytes = Array("a: 1\nbé: \u{0}\n".utf8)
        do { _ = try TextDecoding.decode(bytes, file: "f"); Issue.record("NUL must be refused") } catch {
            #expect(error.line == 2 && error.column == 5)
        }
        do { _ = try TextDecoding.decode(Array("a: 1\nbé: ".utf8) + [0xE9, 0x0A], file: "f"); Issue.record("Latin-1 must be refused") } catch {
            #expect(error.line == 2 && error.column == 5)
        }
    }
}
