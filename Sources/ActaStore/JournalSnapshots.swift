#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ActaCore
import ActaFormats

/// Where journal snapshots are kept, and when one is made: beside the session index (the user's
/// cache folder, else `<sessions>/.acta-cache/`), one file per session. A journal of fewer than
/// `2 × interval` events is always read whole; a longer one gets a snapshot covering all but its
/// last `interval` events, renewed once `2 × interval` events lie after it. The events after the
/// snapshot are read and applied on every open, so undoing the latest changes never needs the
/// early ones.
public struct JournalSnapshots: Sendable {
    public static let interval = 128
    /// Below this a journal cannot hold `2 × interval` events (a line is at least ~60 bytes).
    static let minimumJournalBytes = 2 * interval * 60

    let environment: [String: String]
    let mayWriteInFolder: Bool

    /// - Parameter mayWriteInFolder: whether the cache may fall back to `<sessions>/.acta-cache/`.
    public init(environment: [String: String], mayWriteInFolder: Bool = true) {
        self.environment = environment
        self.mayWriteInFolder = mayWriteInFolder
    }

    /// A journal changed this close (ns) to when it was hashed may have been written again in the
    /// same timestamp tick: its identity is then not trusted (the session index's racy rule).
    var racyMargin = SessionIndex.racyMargin

    /// Whether the journal still starts with the bytes `snapshot` covers. Hashing them is the
    /// check; a journal whose identity (inode, size, modification and change times) is
    /// the one recorded right after such a hash has not been written since, and is not hashed
    /// again. The identity is kept beside the snapshot (`.verified`), tied to its hash.
    func stillCovers(_ journal: OpenJournal, _ snapshot: JournalSnapshot, file: String) -> Bool {
        let verifiedFile = file + ".verified"
        let identity = journal.identity
        if let stored = try? FileIO.read(verifiedFile, limit: 4096, followLinks: false),
           stored == Self.verification(snapshot, identity) {
            return true
        }
        let n = snapshot.coveredBytes
        guard journal.read(from: n - 1, upTo: n, limit: 1) == [0x0A], journal.hash(upTo: n) == snapshot.prefixHash else {
            return false
        }
        if identity.lastChange + racyMargin <= SessionIndex.now() {
            try? FileIO.writeAtomically(bytes: Self.verification(snapshot, identity), to: verifiedFile)
        }
        return true
    }

    static func verification(_ snapshot: JournalSnapshot, _ identity: SessionIndex.FileIdentity) -> [UInt8] {
        var w = SummaryCoding.Writer()
        w.int(JournalSnapshot.formatVersion); w.uint64(snapshot.prefixHash); w.int(snapshot.coveredBytes)
        w.string(identity.text)
        return w.bytes
    }

    /// The snapshot file of a session, in the first cache folder that can be written; nil when
    /// none can (the journal is then always read whole).
    func file(for name: String, in directory: SessionsDirectory) -> String? {
        for place in SessionIndex.places(directory, environment: environment, mayWriteInFolder: mayWriteInFolder) {
            guard let index = place() else { continue }
            let folder = FileIO.parent(of: index) + "/snapshots"
            if !FileIO.isDirectory(folder) { mkdir(folder, 0o755) }
            guard FileIO.isDirectory(folder), access(folder, W_OK) == 0 else { continue }
            return "\(folder)/\(name).snapshot"
        }
        return nil
    }
}

/// A journal opened to be read in parts: the bytes a snapshot covers are hashed through a small
/// buffer (never held), and only those after it are read. The descriptor stays open, so the
/// covered bytes can be read again later from the same file, even if another replaces it.
final class OpenJournal: Sendable {
    let descriptor: Int32
    let size: Int
    /// What changes whenever the file is written or replaced.
    let identity: SessionIndex.FileIdentity

    /// nil for anything but a regular file within `limit` (the whole-file read then says why).
    init?(path: String, limit: Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) <= limit else {
            close(fd)
            return nil
        }
        descriptor = fd
        size = Int(st.st_size)
        identity = SessionIndex.FileIdentity(st)
    }

    deinit { close(descriptor) }

    /// Reads from `offset` to the end of the file (which may have grown), at most `limit` bytes.
    func read(from offset: Int, upTo end: Int? = nil, limit: Int) -> [UInt8]? {
        var result: [UInt8] = []
        var position = offset
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while end.map({ position < $0 }) ?? true {
            let want = min(buffer.count, (end ?? Int.max) - position)
            let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, want, off_t(position)) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            result.append(contentsOf: buffer[0..<n])
            position += n
            if result.count > limit { return nil }
        }
        return result
    }

    /// The hash of the first `count` bytes, read through a reused buffer; nil if they cannot be read.
    func hash(upTo count: Int) -> UInt64? {
        var hash = ContentHash()
        let chunk = 1 << 18  // a multiple of 32, as the hash wants its pieces
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 32)
        defer { buffer.deallocate() }
        var position = 0
        while position < count {
            let want = min(chunk, count - position)
            var got = 0
            while got < want {
                let n = pread(descriptor, buffer.baseAddress! + got, want - got, off_t(position + got))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return nil }
                got += n
            }
            hash.update(UnsafeRawBufferPointer(rebasing: buffer[..<want]))
            position += want
        }
        return hash.finish()
    }
}

/// The events a snapshot covers, read from the journal only if the session needs them (a
/// re-fold, or an early event looked up), once.
final class JournalPrefix: EarlierEvents, @unchecked Sendable {
    private let journal: OpenJournal
    private let covered: Int
    private let expected: Int
    private let file: String
    private var contents: JournalContents?
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init(journal: OpenJournal, covered: Int, count: Int, file: String) {
        self.journal = journal
        self.covered = covered
        expected = count
        self.file = file
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    var count: Int {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return contents?.events.count ?? expected
    }

    /// The covered lines, read once. They were checked against the snapshot's hash on opening; a
    /// journal rewritten in place since gives what it now holds (the journal is the truth).
    func read() -> JournalContents {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if let contents { return contents }
        let bytes = journal.read(from: 0, upTo: covered, limit: InputLimits.journalFileBytes) ?? []
        let read = JournalReader.read(bytes: bytes, file: file)
        contents = read
        return read
    }

    func events() -> [SessionEvent] { read().events }
}

extension SessionsDirectory {
    /// A directory whose loads use (and keep up to date) journal snapshots.
    public func caching(_ snapshots: JournalSnapshots) -> SessionsDirectory {
        var copy = self
        copy.snapshots = snapshots
        return copy
    }

    /// The session folded from its journal, with what reading it reported and the journal line of
    /// each event that could not be applied: from a snapshot and the lines after it when a valid
    /// one exists, else from every line; either way the same session and the same diagnostics.
    /// `restoredBytes` says how much of the journal a snapshot covered (nil: none was used).
    func fold(journalAt path: String, name: String, agenda: Agenda, plan: Plan) throws(Diagnostic)
        -> (session: Session, diagnostics: [Diagnostic], restoredBytes: Int?) {
        let limit = InputLimits.journalFileBytes
        // A journal too short to have a snapshot (an ordinary mesa's is a few dozen events) is read
        // whole: no cache folder is even looked for.
        let long = snapshots != nil && (FileIO.signature(path)?.first ?? 0) >= JournalSnapshots.minimumJournalBytes
        let snapshotFile = long ? snapshots.flatMap { $0.file(for: name, in: self) } : nil
        let fingerprint = JournalSnapshot.fingerprint(agenda)
        var snapshot: JournalSnapshot?
        var journal: OpenJournal?
        // The bytes read: those after the snapshot, or the whole journal.
        var bytes: [UInt8]
        if let file = snapshotFile, let stored = try? FileIO.read(file, limit: limit, followLinks: false),
           let candidate = JournalSnapshot.decode(stored, agendaFingerprint: fingerprint),
           let open = OpenJournal(path: path, limit: limit), open.size >= candidate.coveredBytes,
           snapshots?.stillCovers(open, candidate, file: file) == true,
           let after = open.read(from: candidate.coveredBytes, limit: limit - candidate.coveredBytes) {
            snapshot = candidate
            journal = open
            bytes = after
        } else {
            bytes = try self.bytes(path, limit: limit)
        }
        let base = snapshot?.coveredBytes ?? 0
        let tail = JournalReader.read(bytes: bytes, file: path, lineCount: snapshot?.lineCount ?? 0, lastSeq: snapshot?.lastSeq ?? 0)
        var prefix: JournalPrefix?
        if let snapshot, let journal {
            prefix = JournalPrefix(journal: journal, covered: snapshot.coveredBytes, count: snapshot.state.eventCount, file: path)
        }
        // A new snapshot when enough events lie after the last one: it covers all but the latest `interval`.
        let interval = JournalSnapshots.interval
        let cut = snapshotFile != nil && tail.events.count >= 2 * interval ? tail.events.count - interval : nil

        var session: Session
        var applied = 0
        if let restored = snapshot, let prefix {
            session = Session(agenda: agenda, plan: plan, restoring: restored.state, earlier: prefix)
            // Only the session holds the state now: its first changes copy nothing.
            snapshot?.state = .empty
        } else {
            applied = cut ?? tail.events.count
            session = Session(agenda: agenda, plan: plan, events: Array(tail.events[..<applied]))
        }
        func line(of seq: Int) -> Int? {
            tail.lineOfSeq[seq] ?? snapshot?.problemLines[seq] ?? prefix?.read().lineOfSeq[seq]
        }
        if let cut, let file = snapshotFile {
            for event in tail.events[applied..<cut] { session.apply(event) }
            applied = cut
            let lineCount = tail.lineOfSeq[tail.events[cut - 1].seq] ?? 0
            let end = tail.lineEnds[cut - 1]
            let hash = journal.map { $0.hash(upTo: base + end) }
                ?? bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[..<end])) }
            if let state = session.foldState, let hash {
                let renewed = JournalSnapshot(
                    agendaFingerprint: fingerprint, coveredBytes: base + end, lineCount: lineCount, lastSeq: tail.events[cut - 1].seq,
                    prefixHash: hash,
                    diagnostics: (snapshot?.diagnostics ?? []) + tail.diagnostics.filter { $0.line <= lineCount }.map(JournalSnapshot.StoredDiagnostic.init),
                    problemLines: Dictionary(state.problems.compactMap { p in line(of: p.seq).map { (p.seq, $0) } }, uniquingKeysWith: { a, _ in a }),
                    state: state)
                // A cache: if it cannot be written, the next open reads more of the journal.
                try? FileIO.writeAtomically(bytes: renewed.encode(), to: file)
            }
        }
        for event in tail.events[applied...] { session.apply(event) }
        var diagnostics = (snapshot?.diagnostics ?? []).map { $0.diagnostic(file: path) } + tail.diagnostics
        for problem in session.problems {
            diagnostics.append(Diagnostic(file: path, line: line(of: problem.seq) ?? 1, column: 1,
                                          message: LocalizedText(es: problem.message.es + "; el evento se ignora",
                                                                 en: problem.message.en + "; the event is skipped")))
        }
        return (session, diagnostics, snapshot?.coveredBytes)
    }
}
