import ActaCore
import ActaFormats
@testable import ActaStore
import ActaTestSupport
import Foundation
import Testing

/// Journal snapshots are a cache: whatever state the snapshot or the journal is in, a load gives
/// exactly the session and the diagnostics of reading the whole journal.
@Suite struct JournalSnapshotTests {
    static let name = "2023-10-18-larga"

    struct Fixture {
        let tmp: TemporarySessions
        let cacheHome: String
        var environment: [String: String]
        var mayWriteInFolder = true
        var plain: SessionsDirectory { SessionsDirectory(root: tmp.root) }
        /// Journals written a moment ago are trusted by identity here (the default waits 3 s), so
        /// the tests go through the identity check too.
        var snapshots: JournalSnapshots {
            var snapshots = JournalSnapshots(environment: environment, mayWriteInFolder: mayWriteInFolder)
            snapshots.racyMargin = 0
            return snapshots
        }
        var cached: SessionsDirectory { plain.caching(snapshots) }
        var journalPath: String { tmp.path("\(JournalSnapshotTests.name)/journal.jsonl") }

        init(events: Int = 1_700, seed: UInt64 = 7, badLines: Bool = true) throws {
            tmp = try TemporarySessions()
            cacheHome = tmp.base.appendingPathComponent("cache").path
            environment = ["XDG_CACHE_HOME": cacheHome]
            try FileManager.default.createDirectory(atPath: tmp.path(JournalSnapshotTests.name), withIntermediateDirectories: true)
            try tmp.write("\(JournalSnapshotTests.name)/agenda.yaml", try tmp.read("2023-10-18-ejemplo-octubre/agenda.yaml"))
            let agenda = try #require(plain.load("2023-10-18-ejemplo-octubre").session).agenda
            try tmp.write("\(JournalSnapshotTests.name)/journal.jsonl",
                          JournalSnapshotTests.journal(agenda, count: events, seed: seed, badLines: badLines))
        }

        var snapshotFile: String? { snapshots.file(for: JournalSnapshotTests.name, in: plain) }

        /// Loads with snapshots, checks the result against a full load, and says how many bytes
        /// a snapshot covered (nil when none was used).
        @discardableResult
        func loadAndCompare(_ context: Comment) throws -> Int? {
            let session = try #require(plain.load(JournalSnapshotTests.name).session)
            let folded = try cached.fold(journalAt: journalPath, name: JournalSnapshotTests.name, agenda: session.agenda, plan: session.plan)
            JournalSnapshotTests.expectSame(folded.session, session, context)
            let full = plain.load(JournalSnapshotTests.name).diagnostics.map { $0.formatted(.en) }
            #expect(folded.diagnostics.map { $0.formatted(.en) } == full, context)
            // And through `load`, as the commands use it.
            #expect(cached.load(JournalSnapshotTests.name).diagnostics.map { $0.formatted(.en) } == full, context)
            return folded.restoredBytes
        }
    }

    struct Dice {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
    }

    /// A long, messy journal: reports, notes, clocks, acuerdos, speakers, undo and redo (of the
    /// latest step and of older ones), events that cannot apply, and lines that cannot be read.
    static func journal(_ agenda: Agenda, count: Int, seed: UInt64, badLines: Bool) -> String {
        var dice = Dice(state: seed)
        var lines: [String] = []
        var at = Timestamp(iso: "2023-10-18T09:00:00-06:00")!
        var contents: [Int] = []
        var undone: [Int] = []
        let reportItems = agenda.items.filter { $0.commitment != nil }
        for seq in 1...count {
            at = at.adding(seconds: 7)
            let item = 1 + dice.next(agenda.items.count + 1)
            let kind: SessionEventKind
            switch dice.next(24) {
            case 0, 1: kind = .noteAdded(item: item, text: "nota \(seq) con ñ")
            case 2: kind = .itemStarted(item: item)
            case 3: kind = .itemEnded(item: item)
            case 4: kind = .attendanceMarked(seat: dice.next(9) == 0 ? "nadie" : agenda.seats[dice.next(agenda.seats.count)].id,
                                             present: dice.next(2) == 0, delegate: nil)
            case 5: kind = .actionItemAdded(ActionItem(number: 1 + dice.next(30), item: item, kind: .task, text: "Enviar \(seq)",
                                                       responsible: "GAE", due: nil, closed: false))
            case 6: kind = dice.next(2) == 0 ? .actionItemClosed(number: 1 + dice.next(30), session: nil)
                                             : .actionItemEdited(number: 1 + dice.next(30), changes: ActionItemChanges(text: "cambio \(seq)"))
            case 7: kind = .speakerQueued(item: item, speaker: Speaker(seat: nil, name: "Orador \(seq % 5)"))
            case 8: kind = dice.next(2) == 0 ? .floorGiven(item: item) : .floorEnded(item: item)
            case 9: kind = .timeCorrected(item: dice.next(2) == 0 ? nil : item, boundary: dice.next(2) == 0 ? .start : .end, time: at)
            case 10, 11: kind = contents.last.map { .undone(seq: $0) } ?? .itemStarted(item: 1)
            case 12: kind = contents.isEmpty ? .itemStarted(item: 1) : .undone(seq: contents[dice.next(contents.count)])
            case 13: kind = undone.last.map { .redone(seq: $0) } ?? .itemStarted(item: 2)
            case 14: kind = .undone(seq: seq + 5)
            default:
                let r = reportItems[dice.next(reportItems.count)]
                kind = .milestoneReported(MilestoneReport(item: r.number, key: MilestoneKey(commitment: r.commitment!, milestone: 1 + dice.next(4)),
                                                          status: .limited, percent: dice.next(110), note: "informe \(seq)"))
            }
            switch kind {
            case .undone(let target): undone.append(target); contents.removeAll { $0 == target }
            case .redone(let target): undone.removeAll { $0 == target }; contents.append(target)
            default: contents.append(seq); undone.removeAll()
            }
            lines.append(JournalCodec.encode(SessionEvent(seq: seq, at: at, kind: kind)))
            if badLines && dice.next(300) == 0 { lines.append(dice.next(2) == 0 ? "{esto no es json" : JournalCodec.encode(SessionEvent(seq: 1, at: at, kind: .itemEnded(item: 1)))) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The whole fold (every field, undo and redo lists, problems) and the events.
    static func expectSame(_ a: Session, _ b: Session, _ context: Comment) {
        #expect(a.foldState != nil && a.foldState == b.foldState, context)
        #expect(a.events.count == b.events.count && a.events.last == b.events.last, context)
    }

    func append(_ f: Fixture, _ text: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: f.journalPath))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    @Test func aSnapshotIsMadeThenUsedAndGivesTheFullLoad() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        let fresh = try f.loadAndCompare("no snapshot yet")
        #expect(fresh == nil)
        let file = try #require(f.snapshotFile)
        #expect(FileIO.exists(file), "a journal of 1,700 events gets a snapshot")
        let covered = try #require(try f.loadAndCompare("from the snapshot"))
        let size = try FileIO.read(f.journalPath).count
        #expect(covered > 0 && covered < size, "the latest events are read from the journal")
        // It lives in the user's cache folder, not in the sessions folder.
        #expect(file.hasPrefix(f.cacheHome) && !FileIO.exists(f.tmp.path(".acta-cache")))
    }

    @Test func eventsAppendedAfterTheSnapshotAreApplied() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        try f.loadAndCompare("making the snapshot")
        // The same journal, 1,300 events longer (the generator is deterministic).
        let agenda = try #require(f.plain.load(Self.name).session).agenda
        let longer = Self.journal(agenda, count: 3_000, seed: 7, badLines: true)
        let current = try f.tmp.read("\(Self.name)/journal.jsonl")
        #expect(longer.hasPrefix(current))
        try append(f, String(longer.dropFirst(current.count)))
        let appended = try f.loadAndCompare("appended, snapshot renewed")
        #expect(appended != nil)
        let renewed = try f.loadAndCompare("appended, from the renewed snapshot")
        #expect(renewed != nil)
    }

    @Test func aTornLastLineIsReportedAsInAFullLoad() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        try f.loadAndCompare("making the snapshot")
        try append(f, "{\"at\":\"2023-10-18T12:00:00-06:00\",\"kind\":\"note_added\",\"it")
        let torn = try f.loadAndCompare("torn tail")
        #expect(torn != nil)
    }

    @Test func aJournalRewrittenUnderTheSnapshotIsReadWhole() throws {
        for change in ["truncated", "edited", "replaced", "emptied"] {
            let f = try Fixture()
            defer { f.tmp.remove() }
            try f.loadAndCompare("making the snapshot")
            var bytes = try FileIO.read(f.journalPath)
            switch change {
            case "truncated": bytes = Array(bytes[..<(bytes.count / 3)])
            case "edited":
                // Same length, the first event a second later (when the session began): only the hash can tell.
                let i = try #require(bytes.firstIndex(of: UInt8(ascii: "T")))
                #expect(bytes[i + 8] == UInt8(ascii: "7"))
                bytes[i + 8] = UInt8(ascii: "8")
            case "replaced":
                let agenda = try #require(f.plain.load(Self.name).session).agenda
                bytes = Array(Self.journal(agenda, count: 1_700, seed: 1234, badLines: false).utf8)
            default: bytes = []
            }
            try FileIO.writeAtomically(bytes: bytes, to: f.journalPath)
            let rewritten = try f.loadAndCompare("journal \(change)")
            #expect(rewritten == nil, "journal \(change): the snapshot is not used")
        }
    }

    @Test func aJournalEditedInPlaceAfterItWasVerifiedIsHashedAgain() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        try f.loadAndCompare("making the snapshot")
        try f.loadAndCompare("hashing the journal, keeping its identity")
        let verified = try #require(f.snapshotFile) + ".verified"
        #expect(FileIO.exists(verified))
        let trusted = try f.loadAndCompare("trusted by identity")
        #expect(trusted != nil)
        // Same file, same size, one byte changed (the first event a second later), once the clock
        // has moved past the recorded modification time.
        var st = stat()
        stat(f.journalPath, &st)
        var now = timespec()
        repeat { clock_gettime(CLOCK_REALTIME_COARSE, &now) } while (now.tv_sec, now.tv_nsec) <= (st.st_mtim.tv_sec, st.st_mtim.tv_nsec)
        let bytes = try FileIO.read(f.journalPath)
        let offset = try #require(bytes.firstIndex(of: UInt8(ascii: "T"))) + 8
        let handle = try #require(FileHandle(forUpdatingAtPath: f.journalPath))
        try handle.seek(toOffset: UInt64(offset))
        handle.write(Data([bytes[offset] == UInt8(ascii: "9") ? UInt8(ascii: "8") : UInt8(ascii: "9")]))
        try handle.close()
        let edited = try f.loadAndCompare("edited in place")
        #expect(edited == nil, "the changed identity sends it back to the hash, which refuses it")
    }

    @Test func aBrokenSnapshotIsIgnoredAndRebuilt() throws {
        for damage in ["truncated", "corrupted", "foreign version", "mismatched hash", "empty", "garbage"] {
            let f = try Fixture()
            defer { f.tmp.remove() }
            try f.loadAndCompare("making the snapshot")
            let file = try #require(f.snapshotFile)
            var bytes = try FileIO.read(file)
            switch damage {
            case "truncated": bytes = Array(bytes[..<(bytes.count * 2 / 3)])
            case "corrupted": for i in stride(from: bytes.count / 2, to: bytes.count, by: 97) { bytes[i] ^= 0x5A }
            case "foreign version": bytes[JournalSnapshot.magic.count] = 0x7E
            case "mismatched hash": bytes[JournalSnapshot.magic.count + 20] ^= 0xFF
            case "empty": bytes = []
            default: bytes = Array("not a snapshot at all".utf8)
            }
            try FileIO.writeAtomically(bytes: bytes, to: file)
            try f.loadAndCompare("snapshot \(damage)")
            let rebuilt = try f.loadAndCompare("snapshot \(damage), rebuilt")
            #expect(rebuilt != nil, "snapshot \(damage): rebuilt silently")
        }
    }

    @Test func aChangedAgendaIsNotFoldedFromTheOldSnapshot() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        try f.loadAndCompare("making the snapshot")
        // Without the last item, its events become problems: the snapshot's fold no longer holds.
        let agenda = try f.tmp.read("\(Self.name)/agenda.yaml")
        let cut = try #require(agenda.range(of: "  - report: conadi"))
        try f.tmp.write("\(Self.name)/agenda.yaml", String(agenda[..<cut.lowerBound]))
        let changed = try f.loadAndCompare("agenda changed")
        #expect(changed == nil)
    }

    @Test func noWritableCacheStillLoadsTheSameAndTheFolderIsTheFallback() throws {
        var f = try Fixture()
        defer { f.tmp.remove() }
        // /proc cannot hold folders, even for root: no user cache folder can be written.
        f.environment = ["XDG_CACHE_HOME": "/proc/acta-cache-test"]
        f.mayWriteInFolder = false
        let first = try f.loadAndCompare("no writable cache")
        let second = try f.loadAndCompare("no writable cache, again")
        #expect(first == nil && second == nil, "nothing could be kept, so the journal is read whole")
        #expect(!FileIO.exists(f.tmp.path(".acta-cache")), "review's promise: nothing written into the sessions folder")
        // Allowed to, it keeps the snapshot in the sessions folder's own cache, which git ignores.
        f.mayWriteInFolder = true
        try f.loadAndCompare("cache in the sessions folder")
        let restored = try f.loadAndCompare("from the sessions folder's cache")
        #expect(restored != nil)
        #expect(FileIO.exists(f.tmp.path(".acta-cache/snapshots/\(Self.name).snapshot")))
        #expect(try f.tmp.read(".acta-cache/.gitignore") == "*\n")
    }

    @Test func undoingIntoTheSnapshotReadsTheEarlyEventsAndFoldsAsTheJournal() throws {
        let f = try Fixture(badLines: false)
        defer { f.tmp.remove() }
        try f.loadAndCompare("making the snapshot")
        var fromSnapshot = try #require(f.cached.load(Self.name).session)
        var full = try #require(f.plain.load(Self.name).session)
        // Undo far more than the events after the snapshot, then redo some, then a new change.
        for step in 0..<700 {
            let kind: SessionEventKind
            if step < 600, let last = fromSnapshot.undoStack.last { kind = .undone(seq: last) }
            else if step < 650, let last = fromSnapshot.redoStack.last { kind = .redone(seq: last) }
            else { kind = .noteAdded(item: 1, text: "después \(step)") }
            let event = SessionEvent(seq: fromSnapshot.nextSeq, at: Timestamp(iso: "2023-10-18T18:00:00-06:00")!, kind: kind)
            fromSnapshot.apply(event)
            full.apply(event)
            if step % 100 == 99 { Self.expectSame(fromSnapshot, full, "step \(step)") }
        }
        #expect(Array(fromSnapshot.events) == Array(full.events))
    }
}
