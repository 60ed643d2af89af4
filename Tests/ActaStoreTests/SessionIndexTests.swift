import ActaCore
import ActaFormats
@testable import ActaStore
import ActaTestSupport
import Foundation
import Testing

/// The session index is a cache: whatever state it is in, its answers are those of a full load.
@Suite struct SessionIndexTests {
    struct Fixture {
        let tmp: TemporarySessions
        let cacheHome: String
        var dir: SessionsDirectory { SessionsDirectory(root: tmp.root) }
        var environment: [String: String] { ["XDG_CACHE_HOME": cacheHome] }

        init() throws {
            tmp = try TemporarySessions()
            cacheHome = tmp.base.appendingPathComponent("cache").path
        }

        func index(mayWriteInFolder: Bool = true, environment: [String: String]? = nil) -> SessionIndex {
            SessionIndex(dir, environment: environment ?? self.environment, mayWriteInFolder: mayWriteInFolder)
        }

        /// What a full load answers: every session folded from its files.
        func fullLoad() -> [String] {
            dir.loadAll().map { l in
                describe(name: l.name, summary: l.session.map { SessionSummary(name: l.name, session: $0) }, problem: l.errors.first)
            }
        }

        func describe(_ indexed: [IndexedSession]) -> [String] {
            indexed.map { describe(name: $0.name, summary: $0.summary, problem: $0.problem) }
        }

        func describe(name: String, summary: SessionSummary?, problem: Diagnostic?) -> String {
            "\(name) \(summary.map { "\($0)" } ?? "nil") \(problem?.formatted(.en) ?? "")"
        }

        func appendNote(_ session: String, seq: Int, text: String) throws {
            let line = JournalCodec.encode(SessionEvent(seq: seq, at: Timestamp(iso: "2023-10-18T11:00:00-06:00")!,
                                                        kind: .noteAdded(item: 1, text: text)))
            let path = tmp.path("\(session)/journal.jsonl")
            let handle = try #require(FileHandle(forWritingAtPath: path))
            handle.seekToEndOfFile()
            handle.write(Data((line + "\n").utf8))
            try handle.close()
        }
    }

    @Test func aFreshAndACachedIndexAnswerAsAFullLoad() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        let first = f.index()
        #expect(f.describe(first.sessions()) == f.fullLoad())
        let path = try #require(first.path)
        #expect(path.hasPrefix(f.cacheHome + "/acta/"))
        #expect(FileManager.default.fileExists(atPath: path))
        // Nothing is written into the sessions folder when the user's cache folder can be used.
        #expect(!FileManager.default.fileExists(atPath: f.tmp.path(".acta-cache")))
        #expect(f.describe(f.index().sessions()) == f.fullLoad())
    }

    @Test func aChangedJournalIsReadAgain() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        _ = f.index().sessions()
        try f.appendNote("2023-10-18-ejemplo-octubre", seq: 29, text: "Nota añadida después")
        let after = f.describe(f.index().sessions())
        #expect(after == f.fullLoad())
        #expect(after.joined().contains("EJEMPLO-2"))
    }

    @Test func aRewriteKeepingSizeAndTimeIsNoticedByTheTailHash() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        let path = f.tmp.path("2023-10-18-ejemplo-octubre/journal.jsonl")
        let stamp = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        _ = f.index().sessions()
        // Same length, one percent changed (70 → 90), and the old modification time put back.
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let range = try #require(text.range(of: "\"percent\":70"))
        text.replaceSubrange(range, with: "\"percent\":90")
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as! UInt64
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data(text.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as! UInt64 == inode)
        let after = f.index().sessions()
        #expect(f.describe(after) == f.fullLoad())
        let report = after.first { $0.name == "2023-10-18-ejemplo-octubre" }?.summary?.report(MilestoneKey(commitment: 1, milestone: 2))
        #expect(report?.percent == 90)
    }

    @Test func aTruncatedCacheIsRebuilt() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        let path = try #require(f.index().path)
        _ = f.index().sessions()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(truncate(path, off_t(size / 3)) == 0)
        #expect(f.describe(f.index().sessions()) == f.fullLoad())
        #expect(f.describe(f.index().sessions()) == f.fullLoad())
    }

    @Test func aCorruptedCacheIsRebuilt() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        let path = try #require(f.index().path)
        _ = f.index().sessions()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for i in stride(from: 100, to: bytes.count, by: 7) { bytes[i] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(f.describe(f.index().sessions()) == f.fullLoad())
        // Not a database at all.
        try Data("not a cache".utf8).write(to: URL(fileURLWithPath: path))
        #expect(f.describe(f.index().sessions()) == f.fullLoad())
    }

    @Test func aSummaryThatDoesNotDecodeIsRebuilt() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        let path = try #require(f.index().path)
        _ = f.index().sessions()
        let db = try SQLiteDatabase(path: path)
        try db.execute("UPDATE sessions SET summary = x'0102030405'")
        #expect(f.describe(f.index().sessions()) == f.fullLoad())
    }

    @Test func aReadOnlyPlaceKeepsTheIndexInMemoryOrInTheFolder() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        // No user cache folder can be made under /proc: review (which never writes into the
        // sessions folder) keeps the index in memory; other commands use <sessions>/.acta-cache.
        let unwritable = ["XDG_CACHE_HOME": "/proc/acta-cache-test"]
        let memory = f.index(mayWriteInFolder: false, environment: unwritable)
        #expect(memory.path == nil)
        #expect(f.describe(memory.sessions()) == f.fullLoad())
        #expect(!FileManager.default.fileExists(atPath: f.tmp.path(".acta-cache")))
        let inFolder = f.index(environment: unwritable)
        #expect(inFolder.path == f.tmp.path(".acta-cache/index.sqlite"))
        #expect(f.describe(inFolder.sessions()) == f.fullLoad())
        #expect(try f.tmp.read(".acta-cache/.gitignore") == "*\n")
        // The folder is not a session.
        #expect(!f.dir.sessionNames().contains(".acta-cache"))
    }

    @Test func removedAndBrokenSessionsAreAnsweredAsAFullLoad() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        let before = f.index().sessions().count
        try FileManager.default.removeItem(atPath: f.tmp.path("2023-03-29-primera-mesa"))
        try f.tmp.write("2023-08-16-ejemplo-agosto/agenda.yaml", "acta: [\n")
        let after = f.describe(f.index().sessions())
        #expect(after == f.fullLoad())
        #expect(after.count == before - 1)
        #expect(after.contains { $0.hasPrefix("2023-08-16-ejemplo-agosto nil ") && $0.contains("agenda.yaml:") })
    }

    @Test func searchFindsWordsAcrossSessionsIgnoringAccents() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        try f.appendNote("2023-10-18-ejemplo-octubre", seq: 29, text: "Revisión del fideicomiso de capacitación")
        let index = f.index()
        let hits = index.search("FIDEICOMISO capacitacion").hits
        #expect(hits == [SearchHit(session: "2023-10-18-ejemplo-octubre", kind: .note, text: "Revisión del fideicomiso de capacitación")])
        // A prefix matches too, and titles are searched.
        #expect(index.search("demostrac").hits.contains { $0.kind == .title && $0.session == "2023-08-16-ejemplo-agosto" })
        #expect(index.search("palabraquenoexiste").hits.isEmpty)
        // Quotes in the words cannot break the query.
        #expect(index.search("\"fideicomiso").hits.count == 1)
        // Any white space separates words (a pasted line break, a no-break space), as a space does.
        for separator in ["\n", "\r\n", "\u{00A0}", "\u{2003}", "\u{3000}"] {
            #expect(index.search("fideicomiso" + separator + "capacitacion").hits.count == 1, "U+\(String(separator.unicodeScalars.first!.value, radix: 16))")
        }
    }

    // MARK: - Racily clean: what `lstat` alone may prove

    /// Rewrites bytes of a journal in place (same size, same inode), then puts its old
    /// modification time back, as an editor or a careless copy could.
    func rewriteInPlace(_ path: String, _ from: String, _ to: String) throws {
        let stamp = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let range = try #require(text.range(of: from))
        text.replaceSubrange(range, with: to)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data(text.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: path)
    }

    @Test func aJournalAppendedToAfterIndexingIsFoundByTheNextSearch() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        #expect(f.index().search("fideicomiso").hits.isEmpty)
        try f.appendNote("2023-10-18-ejemplo-octubre", seq: 29, text: "Revisión del fideicomiso")
        #expect(f.index().search("fideicomiso").hits.map(\.session) == ["2023-10-18-ejemplo-octubre"])
    }

    @Test func aJournalEditedInPlaceWithItsTimePutBackIsFoundByTheNextSearch() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        try f.appendNote("2023-10-18-ejemplo-octubre", seq: 29, text: "Revisión del presupuesto")
        #expect(f.index().search("fideicomiso").hits.isEmpty)
        let path = f.tmp.path("2023-10-18-ejemplo-octubre/journal.jsonl")
        try rewriteInPlace(path, "presupuesto", "fideicomis")
        #expect(f.index().search("fideicomis").hits.map(\.session) == ["2023-10-18-ejemplo-octubre"])
        #expect(f.describe(f.index().sessions()) == f.fullLoad())
    }

    /// Two writes in the same clock tick leave size and every time equal: here the entry is made
    /// to carry the rewritten file's `lstat`, as if indexing had happened between them. The
    /// journal changed too recently to be trusted by `lstat`, so its tail is read and differs.
    @Test func anEditWithinTheSameTickIsFoundByTheTailHash() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        let name = "2023-10-18-ejemplo-octubre"
        try f.appendNote(name, seq: 29, text: "Revisión del presupuesto")
        let index = f.index()
        #expect(index.search("fideicomiso").hits.isEmpty)
        let path = f.tmp.path("\(name)/journal.jsonl")
        try rewriteInPlace(path, "presupuesto", "fideicomis")
        let db = try SQLiteDatabase(path: try #require(index.path))
        let update = try db.prepare("UPDATE sessions SET identity = ?1 WHERE name = ?2")
        update.bind(1, SessionIndex(f.dir, environment: f.environment).identity(name, plan: "gt-pan5-2021-2023").text)
        update.bind(2, name)
        try update.run()
        #expect(f.index().search("fideicomis").hits.map(\.session) == [name])
        #expect(f.describe(f.index().sessions()) == f.fullLoad())
    }

    /// The other side of the rule: a journal last changed well before its entry was made is
    /// trusted on its `lstat` (its tail is not read, so a wrong stored hash goes unseen).
    @Test func aJournalChangedLongBeforeIndexingIsTrustedOnItsStat() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        let index = f.index()
        let before = f.describe(index.sessions())
        let db = try SQLiteDatabase(path: try #require(index.path))
        try db.execute("UPDATE sessions SET tail = 'not-the-hash', taken = taken + 3600000000000")
        #expect(f.describe(f.index().sessions()) == before)
        // Within the margin, the same wrong hash makes the entry stale (and it is rebuilt).
        try db.execute("UPDATE sessions SET tail = 'not-the-hash', taken = taken - 3600000000000")
        #expect(f.describe(f.index().sessions()) == f.fullLoad())
        let tails = try db.prepare("SELECT count(*) FROM sessions WHERE tail = 'not-the-hash'")
        #expect(try tails.step() && tails.int(0) == 0)
    }

    @Test func theRacyRuleComparesTheLaterOfModificationAndChangeTimes() {
        var st = stat()
        st.st_mtim.tv_sec = 1_000; st.st_ctim.tv_sec = 2_000
        let file = SessionIndex.FileIdentity(st)
        let second = 1_000_000_000
        #expect(SessionIndex.isRacy(file, taken: 2_000 * second))
        #expect(SessionIndex.isRacy(file, taken: 2_002 * second))
        #expect(!SessionIndex.isRacy(file, taken: 2_004 * second))
        // A modification time set in the future is never older than the entry.
        st.st_mtim.tv_sec = 9_000
        #expect(SessionIndex.isRacy(SessionIndex.FileIdentity(st), taken: 5_000 * second))
    }

    // MARK: - A cache that cannot be written

    @Test func aCacheBusyWithAnotherWriterStillFindsWhatChanged() throws {
        let f = try Fixture()
        defer { f.tmp.remove() }
        let path = try #require(f.index().path)
        _ = f.index().sessions()
        try f.appendNote("2023-10-18-ejemplo-octubre", seq: 29, text: "Revisión del fideicomiso")
        // Another acta holds the write lock for longer than the index waits: it reads, but
        // cannot write the changed session's entry.
        let other = try SQLiteDatabase(path: path)
        try other.execute("BEGIN IMMEDIATE")
        defer { try? other.execute("ROLLBACK") }
        let index = f.index()
        #expect(index.search("fideicomiso").hits == [SearchHit(session: "2023-10-18-ejemplo-octubre", kind: .note, text: "Revisión del fideicomiso")])
        // A word in written entries and in the unwritten one: every hit, newest session first.
        let all = index.search("ejemplo").hits.map(\.session)
        #expect(all.first == "2023-10-18-ejemplo-octubre")
        #expect(Set(all).count > 1)
        #expect(all == all.sorted(by: >))
        #expect(f.describe(index.sessions()) == f.fullLoad())
    }
}

