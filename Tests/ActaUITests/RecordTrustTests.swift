import ActaCore
import ActaUI
import Foundation
import Testing

/// What the secretary types can be anything: dates far away, a seat list that is empty. The
/// screen says what is wrong and records nothing it could not read back.
@Suite struct RecordTrustTests {
    let fixture = try! RecordFixture()

    @Test(arguments: ["+2000000000000000000w", "+3000000d", "+9223372036854775807d", "31/02/2024", "1/1/99999"])
    func aDueDateOutOfRangeIsRefusedNotJournaled(_ due: String) {
        var m = fixture.model()
        let before = m.session.events.count
        m.press(.character("a"))
        m.type("Publicar el catálogo")
        m.press(.enter, .enter)
        m.type("MINGOB")
        m.press(.enter)
        m.type(due)
        m.press(.enter)
        #expect(m.message?.isError == true, "\(due): \(m.message?.text ?? "no message")")
        #expect(m.message?.text.contains("0001–9999") == true)
        #expect(m.session.actionItems.isEmpty)
        #expect(m.session.events.count - before <= 1, "at most the item's clock started")
    }

    @Test func aNextSessionFarAwayIsRefused() {
        var m = fixture.model()
        m.press(.character("p"))
        m.press(.control("u"))
        m.type("+3000000d")
        m.press(.enter)
        #expect(m.message?.isError == true)
        #expect(m.session.nextSession == nil)
    }

    @Test func aHugeWordWrapsInOnePassAndAWideCharacterInANarrowLineEnds() {
        let start = Date()
        let lines = wrap(String(repeating: "y", count: 65536), width: 21)
        #expect(Date().timeIntervalSince(start) < 2, "one pass, not one per line")
        #expect(lines.count == 65536 / 21 + 1)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 21 })
        #expect(wrap("会議", width: 1) == ["会", "議"])
    }

    @Test func aFieldNeverHoldsMoreThanTheJournalAccepts() {
        var f = TextField()
        f.insert(String(repeating: "ñ", count: InputLimits.fieldBytes))
        f.insert("más")
        #expect(f.text.utf8.count <= InputLimits.fieldBytes)
        f.set(String(repeating: "y", count: InputLimits.fieldBytes + 10))
        #expect(f.text.utf8.count == InputLimits.fieldBytes)
    }

    @Test func aHugeNoteOnScreenStaysResponsive() {
        var m = fixture.model()
        m.press(.character(" "), .character("n"))
        _ = m.update(.paste(String(repeating: "y", count: 65536)))
        m.press(.enter)
        let start = Date()
        _ = RecordView.render(m)
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func appendingAfterTheLargestSequenceNumberNeverTraps() {
        var session = fixture.session
        session.apply(SessionEvent(seq: Int.max, at: RecordFixture.start, kind: .itemStarted(item: 1)))
        #expect(session.nextSeq == Int.max)
        #expect(session.nextActionItemNumber >= 1)
    }
}
