import ActaCore
import ActaUI
import Testing

/// Times typed by the secretary: corrections of items and of the session, and recording after the fact.
@Suite struct TimeCorrectionTests {
    let fixture: RecordFixture
    init() throws { fixture = try RecordFixture() }

    static func at(_ clock: String) -> Timestamp { Timestamp(iso: "2023-03-29T\(clock):00-06:00")! }

    func corrections(_ m: RecordModel) -> [SessionEventKind] {
        m.session.events.map(\.kind).filter { if case .timeCorrected = $0 { return true } else { return false } }
    }

    @Test func anItemsTimesAreCorrectedAndTheClockStaysInTheJournal() {
        var m = fixture.model()
        m.press(.character(" "))                       // hito 1.1: item 3's clock starts
        #expect(m.session.runningItem == 3)
        m.press(.character("T"))
        guard case .editing(let editor) = m.mode, editor.target == .times(item: 3) else {
            Issue.record("T opens the times of the item"); return
        }
        #expect(editor.field.text == "09:00-", "opens with the clock's start")
        m.type("09:40-09:58")
        m.press(.enter)
        #expect(m.mode == .browse)
        #expect(corrections(m) == [.timeCorrected(item: 3, boundary: .start, time: Self.at("09:40")),
                                   .timeCorrected(item: 3, boundary: .end, time: Self.at("09:58"))])
        #expect(m.session.timings[3]?.seconds(now: nil) == 18 * 60)
        #expect(m.session.events.contains { $0.kind == .itemStarted(item: 3) }, "the original start stays in the journal")
        m.press(.character("u"))
        #expect(m.session.timings[3]?.correctedEnd == nil, "a correction is undone like any change")
    }

    @Test func theSessionsTimesFromAttendance() {
        var m = fixture.model()
        m.press(.character("g"), .character("T"))
        guard case .editing(let editor) = m.mode, editor.target == .times(item: nil) else {
            Issue.record("on attendance, T corrects the session"); return
        }
        m.type("9:05-11:40")
        m.press(.enter)
        #expect(m.session.heldFrom == Self.at("09:05"))
        #expect(m.session.heldUntil == Self.at("11:40"))
        #expect(m.message?.text.contains("de la sesión") == true)
    }

    @Test func impossibleTimesAreRefusedAndTheEditorStays() {
        var m = fixture.model()
        m.press(.character(" "), .character("T"))
        m.type("10:00-09:00")
        m.press(.enter)
        #expect(m.message?.isError == true)
        #expect(m.message?.text.contains("anterior a su inicio") == true)
        #expect(corrections(m).isEmpty, "nothing is written")
        guard case .editing = m.mode else { Issue.record("stays in the editor"); return }
        m.press(.escape)
        m.press(.character("T"))
        m.type("25:00")
        m.press(.enter)
        #expect(m.message?.text.contains("Hora no válida") == true)
    }

    @Test func afterTheFactNoClockRunsAndEnterTypesTheTimes() {
        var m = fixture.model(clockless: true)
        m.press(.character(" "))                       // on to hito 1.1 without starting item 3
        #expect(m.session.runningItem == nil)
        #expect(!m.session.events.contains { if case .itemStarted = $0.kind { return true } else { return false } })
        #expect(RecordView.render(m).text.contains("sin reloj"))
        m.press(.character("k"))                       // up to item 3 itself
        #expect(m.selectedRow == .item(3))
        m.press(.enter)
        guard case .editing(let editor) = m.mode, editor.target == .times(item: 3) else {
            Issue.record("Enter on an item types its times"); return
        }
        m.type("09:40-09:58")
        m.press(.enter)
        #expect(m.session.timings[3]?.firstStart == Self.at("09:40"))
    }
}
