#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ActaCore
import ActaFormats

/// A session folder as the index knows it: its summary, or why it cannot be read.
public struct IndexedSession: Sendable {
    public let name: String
    public let summary: SessionSummary?
    /// The first error of a session that cannot be read.
    public let problem: Diagnostic?

    public init(name: String, summary: SessionSummary?, problem: Diagnostic?) {
        self.name = name
        self.summary = summary
        self.problem = problem
    }
}

/// A place in a session where searched words occur.
public struct SearchHit: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case title, note, acuerdo, hito }

    public let session: String
    public let kind: Kind
    public let text: String
}

/// The session index: a derived, disposable cache of each session's summary and searchable
/// texts, in SQLite (FTS5, accents folded). The journal stays the only truth: an entry is used
/// only while its session's files have the identity it was built from (size, modification
/// time and inode of agenda, journal and plan, and a hash of the journal's tail); otherwise it
/// is rebuilt from the files, silently. A cache that cannot be opened, read or written is
/// deleted or bypassed, never reported: the answers are always those of a full load.
public final class SessionIndex {
    public let directory: SessionsDirectory
    /// Where the cache lives; nil when it is kept in memory only (no writable place).
    public private(set) var path: String?
    private var db: SQLiteDatabase?

    static let schemaVersion = 2
    static let tailBytes = 4096

    /// - Parameters:
    ///   - mayWriteInFolder: whether the cache may fall back to `<sessions>/.acta-cache/` when
    ///     the user's cache folder cannot be written (`acta review` promises to write nothing there).
    public init(_ directory: SessionsDirectory, environment: [String: String], mayWriteInFolder: Bool = true) {
        self.directory = directory
        // The first place that can hold it; a folder is made only when it is about to be used.
        for place in Self.places(directory, environment: environment, mayWriteInFolder: mayWriteInFolder) {
            if let candidate = place(), let db = Self.open(candidate) {
                self.db = db
                path = candidate
                return
            }
        }
        db = Self.open(":memory:")
        path = nil
    }

    /// The user's cache folder (`$XDG_CACHE_HOME/acta`, else `~/.cache/acta`), one subfolder per
    /// sessions folder; then, when allowed, a self-ignoring `.acta-cache/` inside the sessions folder.
    static func places(_ directory: SessionsDirectory, environment: [String: String],
                       mayWriteInFolder: Bool) -> [() -> String?] {
        let home = environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 + "/.cache" : nil }
        var places: [() -> String?] = []
        if let home {
            places.append {
                let real = canonical(directory.root)
                let folder = "\(home)/acta/\(hex(fnv1a(Array(real.utf8))))"
                guard makeFolders(folder) else { return nil }
                // Which sessions folder this is, for a person looking around.
                if !FileIO.exists("\(folder)/origin") { try? FileIO.writeAtomically(real + "\n", to: "\(folder)/origin") }
                return "\(folder)/index.sqlite"
            }
        }
        if mayWriteInFolder {
            places.append {
                let folder = "\(directory.root)/.acta-cache"
                guard makeFolders(folder) else { return nil }
                if !FileIO.exists("\(folder)/.gitignore") { try? FileIO.writeAtomically("*\n", to: "\(folder)/.gitignore") }
                return "\(folder)/index.sqlite"
            }
        }
        return places
    }

    static func canonical(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return path }
        defer { free(p) }
        return String(cString: p)
    }

    static func makeFolders(_ path: String) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if !FileIO.isDirectory(prefix) { mkdir(prefix, 0o755) }
        }
        return FileIO.isDirectory(path) && access(path, W_OK) == 0
    }

    /// Opens (or creates) the cache; a file that is not a usable index is deleted and made anew.
    static func open(_ path: String) -> SQLiteDatabase? {
        for attempt in 0..<2 {
            do throws(SQLiteError) {
                let db = try SQLiteDatabase(path: path)
                try prepareSchema(db)
                return db
            } catch {
                if attempt == 0 && path != ":memory:" { removeCache(path) } else { return nil }
            }
        }
        return nil
    }

    static func removeCache(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }

    static func prepareSchema(_ db: SQLiteDatabase) throws(SQLiteError) {
        let version = try db.prepare("PRAGMA user_version")
        let current = try version.step() ? version.int(0) : 0
        if current == schemaVersion {
            // Touch the tables, so a file that is not an index fails here rather than later.
            let check = try db.prepare("SELECT count(*) FROM sessions, texts WHERE 0")
            _ = try check.step()
            return
        }
        try db.execute("""
            DROP TABLE IF EXISTS sessions; DROP TABLE IF EXISTS texts;
            CREATE TABLE sessions(id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, plan TEXT NOT NULL,
                                  identity TEXT NOT NULL, summary BLOB NOT NULL);
            CREATE VIRTUAL TABLE texts USING fts5(kind UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');
            PRAGMA user_version = \(schemaVersion);
            """)
    }

    // MARK: - Identity

    struct FileIdentity: Equatable {
        let size: Int, seconds: Int, nanoseconds: Int, inode: UInt64, mode: UInt32
        var text: String { "\(size):\(seconds).\(nanoseconds):\(inode):\(String(mode, radix: 8))" }
        var isRegularFile: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
    }

    /// The file itself, not where a link leads (the loader refuses links anyway).
    static func identity(of path: String) -> FileIdentity? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return FileIdentity(size: Int(st.st_size), seconds: Int(st.st_mtim.tv_sec), nanoseconds: Int(st.st_mtim.tv_nsec),
                            inode: UInt64(st.st_ino), mode: UInt32(st.st_mode))
    }

    /// FNV-1a of the journal's last bytes: a rewrite that keeps size and time still shows.
    /// Only a regular file is opened (a pipe would block), never through a link.
    static func tailHash(_ path: String, size: Int) -> UInt64 {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return 0 }
        let n = min(size, tailBytes)
        var buffer = [UInt8](repeating: 0, count: n)
        let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, n, off_t(size - n)) }
        return got == n ? fnv1a(buffer) : 0
    }

    /// What an entry was built from; any change to agenda, journal or plan changes it.
    func identity(_ name: String, plan: String) -> String {
        let folder = directory.folder(name)
        let agenda = Self.identity(of: "\(folder)/\(SessionsDirectory.agendaFile)")?.text ?? "-"
        var journal = "-"
        let journalPath = "\(folder)/\(SessionsDirectory.journalFile)"
        if let j = Self.identity(of: journalPath) {
            journal = j.text + (j.isRegularFile ? ":\(Self.hex(Self.tailHash(journalPath, size: j.size)))" : "")
        }
        let planFile = Self.identity(of: directory.planPath(plan))?.text ?? "-"
        return "v\(Self.schemaVersion)|a \(agenda)|j \(journal)|p \(plan) \(planFile)"
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    static func hex(_ v: UInt64) -> String { String(v, radix: 16) }

    // MARK: - Reading

    /// Every session folder, oldest name first, each from the cache when its files are
    /// unchanged and loaded from them otherwise (and the cache brought up to date).
    public func sessions() -> [IndexedSession] {
        let names = directory.sessionNames()
        var cached: [String: (id: Int, summary: SessionSummary)] = [:]
        var known: [String: Int] = [:]
        if let db {
            do throws(SQLiteError) {
                let rows = try db.prepare("SELECT id, name, plan, identity, summary FROM sessions")
                while try rows.step() {
                    let name = rows.text(1)
                    known[name] = rows.int(0)
                    guard rows.text(3) == identity(name, plan: rows.text(2)),
                          let summary = try? SummaryCoding.decode(rows.blob(4)), summary.name == name else { continue }
                    cached[name] = (rows.int(0), summary)
                }
            } catch {
                // Unreadable (truncated, corrupted): start again from the files.
                reset()
                cached = [:]; known = [:]
            }
        }
        var result: [IndexedSession] = []
        var fresh: [(name: String, identity: String, summary: SessionSummary, texts: [(SearchHit.Kind, String)])] = []
        var plans = PlanCache()
        for name in names {
            if let hit = cached[name] {
                result.append(IndexedSession(name: name, summary: hit.summary, problem: nil))
                continue
            }
            // Identity first: if a file changes while it is read, the entry is stale next time.
            let planGuess = Self.planID(in: directory.folder(name))
            let before = identity(name, plan: planGuess ?? "")
            let loaded = directory.load(name, plans: &plans)
            guard let session = loaded.session else {
                result.append(IndexedSession(name: name, summary: nil, problem: loaded.errors.first))
                continue
            }
            let summary = SessionSummary(name: name, session: session)
            result.append(IndexedSession(name: name, summary: summary, problem: nil))
            if planGuess == session.plan.id {
                fresh.append((name, before, summary, Self.texts(of: session)))
            }
        }
        let gone = Set(known.keys).subtracting(names)
        if !fresh.isEmpty || !gone.isEmpty || known.count > names.count { store(fresh, known: known, gone: gone) }
        return result
    }

    /// The plan id an agenda names, read cheaply (a `plan:` line) for the entry's identity;
    /// nil when it is not written that simply (the entry is then not cached).
    static func planID(in folder: String) -> String? {
        guard let bytes = try? FileIO.read("\(folder)/\(SessionsDirectory.agendaFile)", limit: InputLimits.definitionFileBytes,
                                           followLinks: false) else { return nil }
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) where line.starts(with: Array("plan:".utf8)) {
            var value = String(decoding: line.dropFirst(5), as: UTF8.self)
            if let hash = value.firstIndex(of: "#") { value = String(value[..<hash]) }
            value = value.trimmingCharacters(in: " \t\r\"'")
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// What search finds in a session: its title, notes, acuerdos, and the hitos reported (their
    /// text in the plan and the note of the report).
    static func texts(of s: Session) -> [(SearchHit.Kind, String)] {
        var out: [(SearchHit.Kind, String)] = [(.title, s.agenda.title)]
        for item in s.agenda.items { for note in s.notes[item.number] ?? [] { out.append((.note, note)) } }
        for a in s.actionItems { out.append((.acuerdo, a.text)) }
        for r in s.orderedReports {
            let text = s.plan.commitment(r.key.commitment)?.milestone(r.key.milestone)?.text
            let parts = ["\(r.key)", text ?? "", r.note].filter { !$0.isEmpty }
            out.append((.hito, parts.joined(separator: " — ")))
        }
        return out
    }

    private func store(_ fresh: [(name: String, identity: String, summary: SessionSummary, texts: [(SearchHit.Kind, String)])],
                       known: [String: Int], gone: Set<String>) {
        guard let db else { return }
        do throws(SQLiteError) {
            try db.execute("BEGIN IMMEDIATE")
            let upsert = try db.prepare("""
                INSERT INTO sessions(name, plan, identity, summary) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT(name) DO UPDATE SET plan = ?2, identity = ?3, summary = ?4 RETURNING id
                """)
            let clearTexts = try db.prepare("DELETE FROM texts WHERE rowid BETWEEN ?1 AND ?2")
            let insertText = try db.prepare("INSERT INTO texts(rowid, kind, text) VALUES (?1, ?2, ?3)")
            let remove = try db.prepare("DELETE FROM sessions WHERE name = ?1")
            for name in gone {
                if let id = known[name] { try clearRange(clearTexts, id) }
                remove.bind(1, name)
                try remove.run()
            }
            for entry in fresh {
                upsert.bind(1, entry.name); upsert.bind(2, entry.summary.planID); upsert.bind(3, entry.identity)
                upsert.bind(4, bytes: SummaryCoding.encode(entry.summary))
                guard try upsert.step() else { throw SQLiteError(code: 0, message: "no id") }
                let id = upsert.int(0)
                upsert.reset()
                try clearRange(clearTexts, id)
                for (k, (kind, text)) in entry.texts.prefix(Self.textsPerSession - 1).enumerated() {
                    insertText.bind(1, id << Self.textBits | k); insertText.bind(2, kind.rawValue); insertText.bind(3, text)
                    try insertText.run()
                }
            }
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
        }
    }

    /// A session's texts have rowids `id << textBits` onwards, so they are replaced by range.
    static let textBits = 20
    static let textsPerSession = 1 << textBits

    private func clearRange(_ statement: SQLiteStatement, _ id: Int) throws(SQLiteError) {
        statement.bind(1, id << Self.textBits)
        statement.bind(2, (id + 1) << Self.textBits - 1)
        try statement.run()
    }

    private func reset() {
        if let path {
            db = nil
            Self.removeCache(path)
            db = Self.open(path) ?? Self.open(":memory:")
            if db == nil { self.path = nil }
        } else {
            db = Self.open(":memory:")
        }
    }

    // MARK: - Search

    /// Where all the words occur (accents and case ignored; a word also matches as a prefix),
    /// newest session first. The index is brought up to date first.
    public func search(_ words: String) -> (hits: [SearchHit], sessions: [IndexedSession]) {
        let sessions = self.sessions()
        let terms = words.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word -> String in
            "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"*"
        }
        guard let db, !terms.isEmpty else { return ([], sessions) }
        var hits: [SearchHit] = []
        do throws(SQLiteError) {
            let query = try db.prepare("""
                SELECT s.name, t.kind, t.text FROM texts t JOIN sessions s ON s.id = (t.rowid >> \(Self.textBits))
                WHERE texts MATCH ?1 ORDER BY s.name DESC, t.rowid
                """)
            query.bind(1, terms.joined(separator: " "))
            while try query.step() {
                hits.append(SearchHit(session: query.text(0), kind: SearchHit.Kind(rawValue: query.text(1)) ?? .note, text: query.text(2)))
            }
        } catch {
            return ([], sessions)
        }
        return (hits, sessions)
    }
}

/// Plans read once per run, by id, however many sessions name them.
public struct PlanCache {
    var plans: [String: Result<Plan, Diagnostics>] = [:]
    public init() {}
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }

    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
