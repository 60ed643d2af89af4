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

    /// The quick count (ASCII and Latin scalars, no characters formed) agrees with the sum over
    /// characters for every mix of printable, Latin, combining, control, wide and emoji text.
    @Test func displayWidthOfATextIsTheSumOverItsCharacters() {
        let pieces = ["a", "Z", " ", "~", "ñ", "É", "ß", "ǅ", "ʼ", "\u{00A0}", "\u{00AD}", "e\u{0301}", "\u{0303}", "\u{1B}",
                      "\u{7F}", "\u{85}", "\r\n", "\t", "会", "👍", "👩‍💻", "🇬🇹", "\u{200B}", "ᄀ\u{1161}", "Ω", "—", "…"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int(seed % 9) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
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
