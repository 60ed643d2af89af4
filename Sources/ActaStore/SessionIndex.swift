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

/// The session index: a derived, disposable cache of each session's summary and searchable
/// texts, in SQLite (FTS5, accents folded). The journal stays the only truth: an entry is used
/// only while its session's files have the identity it was built from (size, modification and
/// change times and inode of agenda, journal and plan; for a file changed within seconds of the
/// entry, also a hash of its tail — see `isRacy`); otherwise it is rebuilt from the files,
/// silently. A cache that cannot be opened, read or written is deleted or bypassed, never
/// reported: the answers are always those of a full load.
public final class SessionIndex {
    public let directory: SessionsDirectory
    /// Where the cache lives; nil when it is kept in memory only (no writable place).
    public private(set) var path: String?
    private var db: SQLiteDatabase?

    static let schemaVersion = 4
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
                                  identity TEXT NOT NULL, tail TEXT NOT NULL, taken INTEGER NOT NULL, summary BLOB NOT NULL);
            CREATE INDEX sessions_identity ON sessions(name, plan, identity, tail, taken);
            CREATE VIRTUAL TABLE texts USING fts5(kind UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');
            PRAGMA user_version = \(schemaVersion);
            """)
    }

    // MARK: - Identity

    struct FileIdentity: Equatable {
        let size: Int, seconds: Int, nanoseconds: Int, changeSeconds: Int, changeNanoseconds: Int, inode: UInt64, mode: UInt32
        var text: String {
            "\(size):\(seconds).\(nanoseconds):\(changeSeconds).\(changeNanoseconds):\(inode):\(String(mode, radix: 8))"
        }
        var isRegularFile: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
        /// The later of its modification and change times, in nanoseconds since 1970.
        var lastChange: Int { max(seconds * 1_000_000_000 + nanoseconds, changeSeconds * 1_000_000_000 + changeNanoseconds) }

        init(_ st: stat) {
            size = Int(st.st_size)
            seconds = Int(st.st_mtim.tv_sec); nanoseconds = Int(st.st_mtim.tv_nsec)
            changeSeconds = Int(st.st_ctim.tv_sec); changeNanoseconds = Int(st.st_ctim.tv_nsec)
            inode = UInt64(st.st_ino); mode = UInt32(st.st_mode)
        }
    }

    /// The file itself, not where a link leads (the loader refuses links anyway).
    static func identity(of path: String) -> FileIdentity? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return FileIdentity(st)
    }

    /// The sessions folder, open while the index looks at its files: each `lstat` of a
    /// session's file then walks two names, not the whole path.
    private var rootDescriptor: Int32?

    deinit { if let fd = rootDescriptor, fd >= 0 { close(fd) } }

    /// A file of a session folder, as `identity(of:)` would see it.
    func identity(in name: String, _ file: String) -> FileIdentity? {
        if rootDescriptor == nil { rootDescriptor = Glibc.open(directory.root, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard let fd = rootDescriptor, fd >= 0 else { return Self.identity(of: "\(directory.folder(name))/\(file)") }
        var st = stat()
        guard fstatat(fd, "\(name)/\(file)", &st, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileIdentity(st)
    }

    /// FNV-1a of a file's last bytes (all of most agendas): a rewrite that keeps size and times still shows.
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

    /// Nanoseconds since 1970, by the clock the kernel stamps files with.
    static func now() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Int(t.tv_sec) * 1_000_000_000 + Int(t.tv_nsec)
    }

    /// Git's "racily clean" rule. An entry's identity was taken at `taken`; a file last changed
    /// safely before that cannot have changed since without changing its change time (the
    /// kernel sets it on every write, and nobody can set it back), so its `lstat` is proof
    /// enough. A file changed at or near `taken` (within the coarsest timestamp granularity of
    /// a file system, 2 s on FAT, plus the kernel's coarse clock) may have been written again in
    /// the same tick: only its content (the tail hash) can tell.
    static let racyMargin = 3_000_000_000

    static func isRacy(_ file: FileIdentity, taken: Int) -> Bool { file.lastChange + racyMargin > taken }

    /// The `lstat`s an entry's identity is made of: agenda, journal and plan, in that order.
    struct Identity {
        let text: String
        let files: [(path: String, file: FileIdentity?)]
    }

    private var planIdentities: [String: FileIdentity?] = [:]
    private var planTails: [String: String] = [:]

    /// What an entry was built from; any change to agenda, journal or plan changes it.
    /// Each plan is looked at once per run, however many sessions name it.
    func identity(_ name: String, plan: String, agenda: FileIdentity? = nil) -> Identity {
        let folder = directory.folder(name)
        let agendaPath = "\(folder)/\(SessionsDirectory.agendaFile)", journalPath = "\(folder)/\(SessionsDirectory.journalFile)"
        let planPath = directory.planPath(plan)
        let agendaFile = agenda ?? identity(in: name, SessionsDirectory.agendaFile)
        let journal = identity(in: name, SessionsDirectory.journalFile)
        let planFile: FileIdentity?
        if let known = planIdentities[plan] { planFile = known } else {
            planFile = Self.identity(of: planPath)
            planIdentities[plan] = planFile
        }
        let text = "v\(Self.schemaVersion)|a \(agendaFile?.text ?? "-")|j \(journal?.text ?? "-")|p \(plan) \(planFile?.text ?? "-")"
        return Identity(text: text, files: [(agendaPath, agendaFile), (journalPath, journal), (planPath, planFile)])
    }

    /// The tail hash of one of an identity's files ("-" when it is missing or not a regular file).
    /// A plan's (the third file) is read once per run.
    func tail(_ path: String, _ file: FileIdentity?, isPlan: Bool) -> String {
        guard let file, file.isRegularFile else { return "-" }
        if isPlan, let known = planTails[path] { return known }
        let hash = Self.hex(Self.tailHash(path, size: file.size))
        if isPlan { planTails[path] = hash }
        return hash
    }

    /// Every file's tail hash, as stored with the entry.
    func tails(_ identity: Identity) -> String {
        identity.files.enumerated().map { tail($1.path, $1.file, isPlan: $0 == 2) }.joined(separator: " ")
    }

    /// Whether files whose `lstat` matches are unchanged: those changed safely before `taken`
    /// are (see `isRacy`); the others only if their tail hash is the one stored.
    func unchanged(_ identity: Identity, stored: String, taken: Int) -> Bool {
        let hashes = stored.split(separator: " ")
        guard hashes.count == identity.files.count else { return false }
        for (i, f) in identity.files.enumerated() {
            guard let file = f.file, Self.isRacy(file, taken: taken) else { continue }
            if hashes[i] != tail(f.path, file, isPlan: i == 2) { return false }
        }
        return true
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
    public func sessions() -> [IndexedSession] { update(summaries: true).sessions }

    /// The folders holding an agenda, as `SessionsDirectory.sessionNames()`, with the agenda's
    /// `lstat` (one look at each folder serves both).
    func sessionFolders() -> [(name: String, agenda: FileIdentity?)] {
        FileIO.listDirectory(directory.root).compactMap { name in
            guard !name.hasPrefix("."), name != "plans" else { return nil }
            guard let agenda = identity(in: name, SessionsDirectory.agendaFile) else { return nil }
            // A link (or anything not a plain file) counts if what it leads to exists, as there.
            return agenda.isRegularFile || FileIO.exists("\(directory.folder(name))/\(SessionsDirectory.agendaFile)") ? (name, agenda) : nil
        }
    }

    /// Brings the index up to date with the files. With `summaries: false` (search), cached
    /// summaries are not decoded: the result then holds only the sessions loaded afresh.
    /// `current`: the sessions whose entry (summary and texts) now matches their files;
    /// `unindexed`: the texts of sessions loaded afresh whose entry could not be written (the
    /// cache is read-only or busy, or the agenda names its plan in a way not read cheaply).
    func update(summaries: Bool) -> (sessions: [IndexedSession], current: Set<String>,
                                     unindexed: [(name: String, texts: [(SearchHit.Kind, String)])]) {
        let folders = sessionFolders()
        let names = folders.map(\.name)
        let agendas = Dictionary(folders.map { ($0.name, $0.agenda) }, uniquingKeysWith: { a, _ in a })
        var cached: [String: SessionSummary?] = [:]
        var known: [String: Int] = [:]
        if let db {
            do throws(SQLiteError) {
                // Without summaries (a search), the covering index answers: the summaries' pages are not read.
                let rows = try db.prepare(summaries ? "SELECT id, name, plan, identity, tail, taken, summary FROM sessions"
                                                    : "SELECT id, name, plan, identity, tail, taken FROM sessions INDEXED BY sessions_identity")
                while try rows.step() {
                    let name = rows.text(1)
                    known[name] = rows.int(0)
                    guard let agenda = agendas[name] else { continue }
                    let now = identity(name, plan: rows.text(2), agenda: agenda)
                    guard rows.text(3) == now.text, unchanged(now, stored: rows.text(4), taken: rows.int(5)) else { continue }
                    guard summaries else { cached[name] = .some(nil); continue }
                    guard let summary = try? SummaryCoding.decode(rows.blob(6)), summary.name == name else { continue }
                    cached[name] = summary
                }
            } catch {
                // Unreadable (truncated, corrupted): start again from the files.
                reset()
                cached = [:]; known = [:]
            }
        }
        var result: [IndexedSession] = []
        var fresh: [Entry] = []
        var unindexed: [(name: String, texts: [(SearchHit.Kind, String)])] = []
        var plans = PlanCache()
        for name in names {
            if let hit = cached[name] {
                if let summary = hit { result.append(IndexedSession(name: name, summary: summary, problem: nil)) }
                continue
            }
            // Identity first: if a file changes while it is read, the entry is stale next time.
            let planGuess = Self.planID(in: directory.folder(name))
            let taken = Self.now()
            let before = identity(name, plan: planGuess ?? "")
            let tailBefore = tails(before)
            let loaded = directory.load(name, plans: &plans)
            guard let session = loaded.session else {
                result.append(IndexedSession(name: name, summary: nil, problem: loaded.errors.first))
                continue
            }
            let summary = SessionSummary(name: name, session: session)
            result.append(IndexedSession(name: name, summary: summary, problem: nil))
            if planGuess == session.plan.id {
                fresh.append(Entry(name: name, identity: before.text, tail: tailBefore, taken: taken, summary: summary,
                                   texts: Self.texts(of: session)))
            } else {
                unindexed.append((name, Self.texts(of: session)))
            }
        }
        let gone = Set(known.keys).subtracting(names)
        var current = Set(cached.keys)
        if !fresh.isEmpty || !gone.isEmpty || known.count > names.count {
            if store(fresh, known: known, gone: gone) {
                current.formUnion(fresh.map(\.name))
            } else {
                unindexed += fresh.map { ($0.name, $0.texts) }
            }
        }
        return (result, current, unindexed)
    }

    struct Entry {
        let name: String, identity: String, tail: String, taken: Int, summary: SessionSummary
        let texts: [(SearchHit.Kind, String)]
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

    /// Whether the entries were written.
    @discardableResult
    private func store(_ fresh: [Entry], known: [String: Int], gone: Set<String>) -> Bool {
        guard let db else { return false }
        do throws(SQLiteError) {
            try db.execute("BEGIN IMMEDIATE")
            let upsert = try db.prepare("""
                INSERT INTO sessions(name, plan, identity, tail, taken, summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT(name) DO UPDATE SET plan = ?2, identity = ?3, tail = ?4, taken = ?5, summary = ?6 RETURNING id
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
                upsert.bind(4, entry.tail); upsert.bind(5, entry.taken)
                upsert.bind(6, bytes: SummaryCoding.encode(entry.summary))
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
            return true
        } catch {
            try? db.execute("ROLLBACK")
            return false
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

    /// Where all the words occur, as `search(_: SearchWords)`; text that holds no searchable
    /// word (see `SearchWords.parse`) finds nothing.
    public func search(_ text: String) -> (hits: [SearchHit], sessions: [IndexedSession]) {
        switch SearchWords.parse(text) {
        case .success(let words): return search(words)
        case .failure: return ([], [])
        }
    }

    /// Where all the words occur (accents and case ignored; a word also matches as a prefix),
    /// newest session first. The index is brought up to date first.
    public func search(_ words: SearchWords) -> (hits: [SearchHit], sessions: [IndexedSession]) {
        // Cached summaries are not decoded for a search: only the hits' sessions are needed.
        let (updated, current, unindexed) = update(summaries: false)
        // Each word is an FTS5 string (quotes doubled), so nothing typed is query syntax: no
        // column filter, operator or NEAR; the tokenizer splits it as it split the texts.
        let terms = words.words.map { word -> String in
            "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"*"
        }
        guard let db, !terms.isEmpty else { return ([], updated) }
        var hits: [SearchHit] = []
        var sessions = Dictionary(updated.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let match = terms.joined(separator: " ")
        do throws(SQLiteError) {
            let query = try db.prepare("""
                SELECT s.name, t.kind, t.text, s.summary FROM texts t JOIN sessions s ON s.id = (t.rowid >> \(Self.textBits))
                WHERE texts MATCH ?1 ORDER BY s.name DESC, t.rowid
                """)
            query.bind(1, match)
            while try query.step() {
                let name = query.text(0)
                // Only from entries that match their files now (not one of a session gone,
                // unreadable, or loaded but not stored).
                guard current.contains(name) else { continue }
                if sessions[name] == nil {
                    guard let summary = try? SummaryCoding.decode(query.blob(3)), summary.name == name else { continue }
                    sessions[name] = IndexedSession(name: name, summary: summary, problem: nil)
                }
                guard sessions[name]?.summary != nil else { continue }
                hits.append(SearchHit(session: name, kind: SearchHit.Kind(rawValue: query.text(1)) ?? .note, text: query.text(2)))
            }
            hits += try searchUnindexed(unindexed, match)
        } catch {
            return ([], updated)
        }
        if !unindexed.isEmpty {
            // Newest session first, each session's texts in their order, as the index answers.
            hits = hits.enumerated().sorted { ($0.element.session, $1.offset) > ($1.element.session, $0.offset) }.map(\.element)
        }
        return (hits, sessions.keys.sorted().compactMap { sessions[$0] })
    }

    /// Texts that could not be written to the index are searched the same way (FTS5, same
    /// tokenizer) in a temporary table, which needs no write to the cache file.
    private func searchUnindexed(_ unindexed: [(name: String, texts: [(SearchHit.Kind, String)])],
                                 _ match: String) throws(SQLiteError) -> [SearchHit] {
        guard let db, !unindexed.isEmpty else { return [] }
        try db.execute("""
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.unindexed USING fts5(session UNINDEXED, kind UNINDEXED, text,
                                                                         tokenize = 'unicode61 remove_diacritics 2');
            DELETE FROM temp.unindexed;
            """)
        let insert = try db.prepare("INSERT INTO temp.unindexed(session, kind, text) VALUES (?1, ?2, ?3)")
        for (name, texts) in unindexed {
            for (kind, text) in texts {
                insert.bind(1, name); insert.bind(2, kind.rawValue); insert.bind(3, text)
                try insert.run()
            }
        }
        let query = try db.prepare("SELECT session, kind, text FROM temp.unindexed WHERE unindexed MATCH ?1 ORDER BY rowid")
        query.bind(1, match)
        var hits: [SearchHit] = []
        while try query.step() {
            hits.append(SearchHit(session: query.text(0), kind: SearchHit.Kind(rawValue: query.text(1)) ?? .note, text: query.text(2)))
        }
        return hits
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
