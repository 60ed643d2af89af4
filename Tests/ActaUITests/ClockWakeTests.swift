import ActaCore
import ActaUI
import Testing

/// How long the record loop may sleep: only as long as nothing shown or owed changes by time.
@Suite struct ClockWakeTests {
    let fixture: RecordFixture
    init() throws { fixture = try RecordFixture() }

    @Test func beforeTheSessionStartsOnlyTheMinuteOfTheClockMatters() {
        var m = fixture.model()
        #expect(m.session.startedAt == nil)
        #expect(m.secondsUntilTimeMatters == 60, "09:00:00 shows 09:00 until 09:01:00")
        _ = m.tick(RecordFixture.start.adding(seconds: 45))
        #expect(m.secondsUntilTimeMatters == 15)
        #expect(!RecordView.render(m).text.split(separator: "\n")[0].contains("sesión"), "no seconds on the top bar yet")
    }

    @Test func aStartedSessionShowsSecondsSoEverySecondMatters() {
        var m = fixture.model()
        m.press(.character(" "))                       // the first item's clock starts
        #expect(m.session.startedAt != nil)
        #expect(m.secondsUntilTimeMatters == 1)
        #expect(RecordView.render(m).text.split(separator: "\n")[0].contains("sesión 00:0"))
    }

    @Test func aDraftToSaveOrAWriteToRetryWakesEverySecond() {
        var m = fixture.model()
        m.press(.character("j"), .character("n"))
        m.type("una nota")                              // typed, not yet saved as a draft
        #expect(m.secondsUntilTimeMatters == 1)
        _ = m.tick(RecordFixture.start.adding(seconds: 2))   // the draft is saved: nothing owed
        #expect(m.secondsUntilTimeMatters == 58)
        _ = m.update(.key(.enter))                      // the note waits to be written…
        #expect(!m.pending.isEmpty)
        m.writeFailed("disco lleno")                    // …and the write failed: retried each second
        #expect(m.secondsUntilTimeMatters == 1)
    }

    @Test func withoutAClockOnlyAKeyMatters() {
        let m = fixture.model(clockless: true)
        #expect(m.secondsUntilTimeMatters == nil)
    }
}
