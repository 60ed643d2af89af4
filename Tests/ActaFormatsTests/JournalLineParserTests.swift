import ActaCore
@testable import ActaFormats
import Foundation
import Testing

/// The byte-level parser must read every line exactly as JSONDecoder does, and step aside
/// (nil) for anything JSONDecoder would read differently or refuse.
@Suite struct JournalLineParserTests {
    func viaDecoder(_ line: String) -> JournalLine? {
        try? JSONDecoder().decode(JournalLine.self, from: Data(line.utf8))
    }

    @Test func readsEveryEventKindAsJSONDecoderDoes() throws {
        let at = try #require(Timestamp(iso: "2023-10-18T09:01:15-06:00"))
        let due = try #require(CalendarDate(iso: "2023-11-15"))
        let kinds: [SessionEventKind] = [
            .attendanceMarked(seat: "mingob", present: true, delegate: "Enlace \"MINGOB\" — ñandú \\ 会議 😀"),
            .attendanceMarked(seat: "x", present: false, delegate: nil),
            .itemStarted(item: 3), .itemEnded(item: 12),
            .milestoneReported(MilestoneReport(item: 3, key: MilestoneKey(commitment: 1, milestone: 2), status: .substantial,
                                               percent: 70, validated: true, rescheduled: false,
                                               evidence: "https://datos.example.gt/a/b", note: "línea 1\nlínea 2\ttab\u{1}")),
            .milestoneReported(MilestoneReport(item: 3, key: MilestoneKey(commitment: 1, milestone: 2))),
            .noteAdded(item: 2, text: "Nota con «comillas» y \u{7F} y \u{202E}"),
            .actionItemAdded(ActionItem(number: 1, item: 3, kind: .task, text: "Presentar", responsible: "MINGOB", due: due, closed: true)),
            .actionItemEdited(number: 1, changes: ActionItemChanges(kind: .decision, text: "t", responsible: "r", due: .some(nil))),
            .actionItemEdited(number: 1, changes: ActionItemChanges(due: .some(due))),
            .actionItemClosed(number: 1, session: "2023-08-16-ejemplo-agosto"), .actionItemReopened(number: 2, session: nil),
            .nextSessionSet(date: due, note: "Primera de 2024"), .undone(seq: 5), .redone(seq: 5),
        ]
        for (i, kind) in kinds.enumerated() {
            let line = JournalCodec.encode(SessionEvent(seq: i + 1, at: at, kind: kind))
            let fast = try #require(JournalLineParser.parse(line), "parser stepped aside for \(line)")
            #expect(fast == viaDecoder(line), "\(line)")
            #expect(try JournalCodec.decode(line, file: "j", lineNumber: 1).kind == kind)
        }
    }

    @Test func knowsEveryFieldOfAJournalLine() {
        let fields = Mirror(reflecting: JournalLine(seq: 1, at: "", event: "")).children.compactMap(\.label)
        #expect(fields == JournalLineParser.Field.allCases.map(\.rawValue))
    }

    @Test func readsWhitespaceEscapesAndNullsLikeJSONDecoder() throws {
        let lines = [
            #" { "seq" : 1 , "at":"2023-10-18T09:01:15-06:00","event":"item_started","item":3 } "#,
            #"{"seq":2,"at":"2023-10-18T09:01:15-06:00","event":"note_added","item":1,"text":"\u00f1\ud83d\ude00\/\b\f\r"}"#,
            #"{"seq":3,"at":"2023-10-18T09:01:15-06:00","event":"attendance_marked","seat":"a","present":true,"delegate":null}"#,
            #"{"seq":-4,"at":"x","event":"y"}"#,
        ]
        for line in lines {
            let fast = try #require(JournalLineParser.parse(line), "parser stepped aside for \(line)")
            #expect(fast == viaDecoder(line), "\(line)")
        }
    }

    @Test func stepsAsideForWhatItDoesNotWrite() {
        let lines = [
            "", "{}", "[]", "not json", #"{"seq":1}"#,
            #"{"seq":1.0,"at":"a","event":"e"}"#, #"{"seq":1e3,"at":"a","event":"e"}"#,
            #"{"seq":01,"at":"a","event":"e"}"#, #"{"seq":99999999999999999999,"at":"a","event":"e"}"#,
            #"{"seq":1,"at":"a","event":"e","item":"3"}"#, #"{"seq":1,"at":"a","event":"e","present":1}"#,
            #"{"seq":1,"at":"a","event":"e","seq":2}"#, #"{"seq":1,"at":"a","event":"e","x":{"y":1}}"#,
            #"{"seq":1,"at":"a","event":"e","unknown":"x"}"#, #"{"seq":1,"at":"a","event":"e"} trailing"#, #"{"seq":1,"at":"a","event":"e",}"#,
            "{\"seq\":1,\"at\":\"a\u{1}\",\"event\":\"e\"}", #"{"seq":1,"at":"\x","event":"e"}"#,
            #"{"seq":1,"at":"\ud800","event":"e"}"#, #"{"seq":null,"at":"a","event":"e"}"#,
            #"{"seq":1,"at":"a","event":"e""#,
        ]
        for line in lines {
            #expect(JournalLineParser.parse(line) == nil, "\(line)")
        }
    }
}
