import ActaFormats
import Testing

@Suite struct JournalComparisonTests {
    let a = #"{"at":"2025-03-26T09:00:00-06:00","event":"item_started","item":1,"recorder":"equipo-a","seq":1}"#
    let b = #"{"at":"2025-03-26T09:01:00-06:00","event":"item_started","item":2,"recorder":"equipo-a","seq":2}"#
    let c = #"{"at":"2025-03-26T09:02:00-06:00","event":"item_started","item":3,"recorder":"equipo-b","seq":2}"#

    @Test func oneWriterMeansOneCopyStartsTheOther() {
        #expect(JournalComparison.compare(ours: a + "\n", theirs: a + "\n") == .same)
        #expect(JournalComparison.compare(ours: a + "\n", theirs: a + "\n" + b + "\n") == .oneExtendsTheOther)
        #expect(JournalComparison.compare(ours: a + "\n" + b + "\n", theirs: "") == .oneExtendsTheOther)
    }

    @Test func twoWritersDivergeAndSayWhoWroteWhat() {
        let result = JournalComparison.compare(ours: a + "\n" + c + "\n", theirs: a + "\n" + b + "\n")
        #expect(result == .diverged(commonLines: 1, onlyOurs: [c], onlyTheirs: [b]))
        #expect(JournalComparison.recorder(of: [c]) == "equipo-b")
        #expect(JournalComparison.recorder(of: ["not json"]) == nil)
        #expect(JournalComparison.summary(b).hasPrefix("#2 2025-03-26T09:01:00-06:00 item_started [equipo-a]"))
    }

    @Test func theRecorderRoundTripsThroughTheCodec() throws {
        let event = try JournalCodec.decode(c, file: "j", lineNumber: 1)
        #expect(event.recorder == "equipo-b")
        #expect(JournalCodec.encode(event) == c)
    }
}
