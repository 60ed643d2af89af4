import ActaCore
import ActaFormats
@testable import ActaStore
import ActaTestSupport
import Foundation
import Testing

/// Links, pipes and other programs' writes inside the sessions folder: nothing leads acta outside it,
/// nothing blocks it, nothing glues onto an acknowledged change.
@Suite struct HostileFilesTests {
    let at = Timestamp(iso: "2023-03-29T09:00:00-06:00")!
    let name = "2023-10-18-ejemplo-octubre"

    func event(_ seq: Int) -> SessionEvent { SessionEvent(seq: seq, at: at, kind: .noteAdded(item: 1, text: "nota \(seq)")) }

    @Test func aTornLineWrittenByAnotherProgramWhileRecordingIsKeptAsideNotGlued() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        let path = tmp.path("journal.jsonl")
        let writer = try JournalWriter(path: path)
        try writer.append(event(1))
        // Another program appends half a line while acta holds the journal open.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"at":"2023-03-29T09:0"#.utf8))
        try handle.close()
        try writer.append(event(2))
        #expect(writer.tornLinesMovedAside == 1)
        let contents = JournalReader.read(try tmp.read("journal.jsonl"), file: path)
        #expect(contents.events.map(\.seq) == [1, 2])
        #expect(contents.diagnostics.isEmpty)
        #expect(try tmp.read("journal.jsonl.torn") == #"{"at":"2023-03-29T09:0"# + "\n")
    }

    @Test func aSessionFolderLinkedOutsideIsRefusedEverywhere() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let outside = tmp.base.appendingPathComponent("outside").path
        try FileManager.default.moveItem(atPath: tmp.path(name), toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: tmp.path(name), withDestinationPath: outside)
        let dir = SessionsDirectory(root: tmp.root)
        #expect(throws: StoreError.self) { try dir.resolve(name) }
        let loaded = dir.load(name)
        #expect(loaded.session == nil)
        #expect(loaded.errors.first?.message.en.contains("symbolic link") == true)
    }

    @Test func aSessionFolderLinkedInsideIsFine() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        try FileManager.default.createSymbolicLink(atPath: tmp.path("2023-10-18-alias"), withDestinationPath: tmp.path(name))
        #expect(SessionsDirectory(root: tmp.root).load("2023-10-18-alias").session != nil)
    }

    @Test func linkedJournalsAgendasAndPlansAreNotFollowed() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let secret = tmp.base.appendingPathComponent("secret.txt").path
        try "secreto".write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: tmp.path("\(name)/journal.jsonl"))
        try FileManager.default.createSymbolicLink(atPath: tmp.path("\(name)/journal.jsonl"), withDestinationPath: secret)
        let loaded = SessionsDirectory(root: tmp.root).load(name)
        #expect(loaded.session == nil)
        #expect(loaded.errors.first?.message.en.contains("symbolic link") == true)
        #expect(throws: StoreError.self) { try JournalWriter(path: tmp.path("\(name)/journal.jsonl")) }
        #expect(try String(contentsOfFile: secret, encoding: .utf8) == "secreto")
    }

    @Test func outputsAndTemporaryFilesAreNeverWrittenThroughLinks() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        let victim = tmp.base.appendingPathComponent("victim.txt").path
        try "intacto".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: tmp.path("minutes.md"), withDestinationPath: victim)
        #expect(throws: StoreError.self) { try FileIO.writeAtomically("x", to: tmp.path("minutes.md")) }
        // A link planted at the temporary name is removed, not followed.
        try FileManager.default.createSymbolicLink(atPath: tmp.path(".other.md.tmp-\(getpid())"), withDestinationPath: victim)
        try FileIO.writeAtomically("y", to: tmp.path("other.md"))
        #expect(try tmp.read("other.md") == "y")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "intacto")
    }

    @Test func aPipeOrADeviceIsNeverReadSoNothingBlocks() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        try FileManager.default.removeItem(atPath: tmp.path("\(name)/journal.jsonl"))
        #expect(mkfifo(tmp.path("\(name)/journal.jsonl"), 0o644) == 0)
        let loaded = SessionsDirectory(root: tmp.root).load(name)
        #expect(loaded.session == nil)
        #expect(throws: StoreError.self) { try JournalWriter(path: tmp.path("\(name)/journal.jsonl")) }
        #expect(throws: StoreError.self) { try FileIO.read("/dev/zero", limit: 10) }
    }

    @Test func oversizedFilesAreRefusedBeforeBeingRead() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let big = String(repeating: "# relleno\n", count: InputLimits.definitionFileBytes / 10 + 1)
        try tmp.write("\(name)/agenda.yaml", big)
        let loaded = SessionsDirectory(root: tmp.root).load(name)
        #expect(loaded.session == nil)
        #expect(loaded.errors.first?.message.en.contains("4 MiB") == true)
    }
}
