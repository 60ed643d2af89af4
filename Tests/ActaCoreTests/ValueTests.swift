import ActaCore
import Testing

@Suite struct CalendarAndTimeTests {
    @Test(arguments: ["2023-02-29", "2023-13-01", "2023-04-31", "23-01-01", "2023-1-01", "2023-01-0x", ""])
    func impossibleDatesAreRejected(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func leapDayAndRoundTrips() {
        #expect(CalendarDate(iso: "2024-02-29")?.iso == "2024-02-29")
        let d = CalendarDate(iso: "2023-03-29")!
        #expect(CalendarDate(daysSinceEpoch: d.daysSinceEpoch) == d)
        #expect(d.adding(days: 14)?.iso == "2023-04-12")
        #expect(d.long(.es) == "29 de marzo de 2023")
        #expect(d.long(.en) == "29 March 2023")
    }

    @Test func timestampsKeepTheirLocalOffset() {
        let t = Timestamp(iso: "2023-03-29T23:30:05-06:00")!
        #expect(t.iso == "2023-03-29T23:30:05-06:00")
        #expect(t.clock == "23:30")
        #expect(t.localDate.iso == "2023-03-29")
        #expect(Timestamp(iso: "2023-03-30T05:30:05Z")!.epochSeconds == t.epochSeconds)
        #expect(Timestamp(iso: "2023-03-29 23:30:05-06:00") == nil)
        #expect(Timestamp(iso: "2023-03-29T24:00:00-06:00") == nil)
    }
}

@Suite struct TextTests {
    @Test func displayWidthCountsColumnsNotCharacters() {
        #expect(DisplayWidth.of("año") == 3)
        #expect(DisplayWidth.of("an\u{0303}o") == 3, "NFD ñ is one column")
        #expect(DisplayWidth.of("会議") == 4)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👩‍💻") == 2)
        #expect(DisplayWidth.of("a\u{1B}b") == 2)
        #expect(DisplayWidth.padded("ñ", to: 3) == "ñ  ")
        #expect(DisplayWidth.truncated("Gobernación", to: 6) == "Gober…")
        #expect(DisplayWidth.of(DisplayWidth.truncated("会議会議", to: 5)) <= 5)
    }

    @Test func controlCharactersAreNeutralised() {
        let hostile = "nota\u{1B}[31mroja\u{07}\u{9B}2J\u{202E}"
        #expect(ControlCharacters.stripped(hostile, keepNewlines: false) == "nota[31mroja2J")
        #expect(ControlCharacters.visible(hostile) == "nota^[[31mroja^G<U+009B>2J<U+202E>")
        #expect(ControlCharacters.stripped("a\nb\tc", keepNewlines: true) == "a\nb c")
    }

    @Test func languageFollowsTheLocale() {
        #expect(Language.fromEnvironment([:]) == .es)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LC_ALL": "es_GT.UTF-8", "LANG": "en_US.UTF-8"]) == .es)
        #expect(Language.fromEnvironment(["LANG": "C.UTF-8"]) == .es)
    }
}
