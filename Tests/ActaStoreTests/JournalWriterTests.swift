import ActaCore
import ActaFormats
@testable import ActaStore
import ActaTestSupport
import Foundation
import Testing

@Suite struct JournalWriterTests {
    let at = Timestamp(iso: "2023-03-29T09:00:00-06:00")!

    func event(_ seq: Int) -> SessionEvent { SessionEvent(seq: seq, at: at, kind: .noteAdded(item: 1, text: "nota \(seq) ñ")) }

    @Test func appendsOneLineAnEvent() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        let path = tmp.path("journal.jsonl")
        let writer = try JournalWriter(path: path)
        try writer.append(event(1))
        try writer.append(event(2))
        let contents = JournalReader.read(try tmp.read("journal.jsonl"), file: path)
        #expect(contents.events.map(\.seq) == [1, 2])
        #expect(contents.diagnostics.isEmpty)
    }

    @Test func aTornTailIsSetAsideAndTheNextAppendStartsClean() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        let path = tmp.path("journal.jsonl")
        let torn = String(JournalCodec.encode(event(3)).prefix(25))
        try tmp.write("journal.jsonl", JournalCodec.encode(event(1)) + "\n" + JournalCodec.encode(event(2)) + "\n" + torn)
        #expect(JournalReader.read(try tmp.read("journal.jsonl"), file: path).tornTail)
        let writer = try JournalWriter(path: path)
        try writer.append(event(3))
        let contents = JournalReader.read(try tmp.read("journal.jsonl"), file: path)
        #expect(contents.events.map(\.seq) == [1, 2, 3])
        #expect(contents.diagnostics.isEmpty)
        #expect(try tmp.read("journal.jsonl.torn") == torn + "\n")
    }

    @Test func aCompleteLastLineWithoutNewlineIsKept() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        let path = tmp.path("journal.jsonl")
        try tmp.write("journal.jsonl", JournalCodec.encode(event(1)))
        let writer = try JournalWriter(path: path)
        try writer.append(event(2))
        #expect(JournalReader.read(try tmp.read("journal.jsonl"), file: path).events.map(\.seq) == [1, 2])
    }

    @Test func atomicWriteReplacesWholeAndLeavesNoTemporaryFile() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        try FileIO.writeAtomically("uno", to: tmp.path("x.md"))
        try FileIO.writeAtomically("dos", to: tmp.path("x.md"))
        #expect(try tmp.read("x.md") == "dos")
        #expect(FileIO.listDirectory(tmp.root) == ["x.md"])
    }

    @Test func aFullDiskIsReportedAsSuchAndNothingCounts() throws {
        // /dev/full fails every write with ENOSPC, as a full disk does.
        let writer = try JournalWriter(path: "/dev/full")
        do {
            try writer.append(event(1))
            Issue.record("a write to a full disk must fail")
        } catch {
            #expect(error.isNoSpace)
            #expect(error.message.es.contains("/dev/full"))
        }
    }

    @Test func writingIntoAMissingFolderFailsWithThePath() throws {
        #expect(throws: StoreError.self) { try FileIO.writeAtomically("x", to: "/nonexistent-acta/x.md") }
    }
}

@Suite struct SessionsDirectoryTests {
    @Test func sessionNamesCannotEscapeTheDirectory() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let dir = SessionsDirectory(root: tmp.root)
        #expect(try dir.resolve("2023-03-29-primera-mesa") == "2023-03-29-primera-mesa")
        #expect(try dir.resolve(tmp.root + "/2023-03-29-primera-mesa/") == "2023-03-29-primera-mesa")
        #expect(try dir.resolve(tmp.root + "/2023-03-29-primera-mesa/agenda.yaml") == "2023-03-29-primera-mesa")
        for bad in ["..", "../sessions", "/etc", "2023-03-29-primera-mesa/../..", "plans", ".", "no-existe"] {
            #expect(throws: StoreError.self, "\(bad)") { try dir.resolve(bad) }
        }
    }

    @Test func everyBundledSessionLoadsClean() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let loaded = SessionsDirectory(root: tmp.root).loadAll()
        #expect(loaded.count >= 3)
        for l in loaded {
            #expect(l.diagnostics.isEmpty, "\(l.name): \(l.diagnostics.map { $0.formatted(.en) })")
            #expect(l.session != nil)
        }
    }

    @Test func aBrokenJournalLineIsALocatedErrorAndTheSessionOpensWithoutIt() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let name = "2023-10-18-ejemplo-octubre"
        let journal = try tmp.read("\(name)/journal.jsonl")
        try tmp.write("\(name)/journal.jsonl", journal.replacingOccurrences(of: "\"percent\":70", with: "\"percent\":170"))
        let loaded = SessionsDirectory(root: tmp.root).load(name)
        // Whatever the journal holds, the session opens; the bad line is reported and skipped.
        let session = try #require(loaded.session)
        #expect(session.reports.values.allSatisfy { $0.percent != 170 })
        let d = try #require(loaded.errors.first)
        #expect(d.file.hasSuffix("journal.jsonl"))
        #expect(d.line > 1)
        #expect(d.message.es.contains("170"))
    }
}
