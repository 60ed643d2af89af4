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
    public static let interval = 512

    let environment: [String: String]
    let mayWriteInFolder: Bool

    /// - Parameter mayWriteInFolder: whether the cache may fall back to `<sessions>/.acta-cache/`.
    public init(environment: [String: String], mayWriteInFolder: Bool = true) {
        self.environment = environment
        self.mayWriteInFolder = mayWriteInFolder
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

/// The journal's bytes a snapshot covers, kept to read its events from only if the session
/// needs them (a re-fold, or an early event looked up).
final class JournalPrefix: EarlierEvents, @unchecked Sendable {
    let count: Int
    private let bytes: [UInt8]
    private let covered: Int
    private let file: String
    private var contents: JournalContents?
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init(bytes: [UInt8], covered: Int, count: Int, file: String) {
        self.bytes = bytes
        self.covered = covered
        self.count = count
        self.file = file
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// The covered lines read, once (the bytes were checked against the snapshot's hash on opening).
    func read() -> JournalContents {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if let contents { return contents }
        let read = JournalReader.read(bytes: Array(bytes[..<covered]), file: file)
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
    func fold(journal bytes: [UInt8], path: String, name: String, agenda: Agenda, plan: Plan)
        -> (session: Session, diagnostics: [Diagnostic], restoredBytes: Int?) {
        let snapshotFile = snapshots.flatMap { $0.file(for: name, in: self) }
        let fingerprint = JournalSnapshot.fingerprint(agenda)
        let snapshot = snapshotFile.flatMap { file -> JournalSnapshot? in
            guard let stored = try? FileIO.read(file, limit: InputLimits.journalFileBytes * 2, followLinks: false) else { return nil }
            return JournalSnapshot.decode(stored, matching: bytes, agendaFingerprint: fingerprint)
        }
        let tail = JournalReader.read(bytes: bytes, file: path, from: snapshot?.coveredBytes ?? 0,
                                      lineCount: snapshot?.lineCount ?? 0, lastSeq: snapshot?.lastSeq ?? 0)
        let prefix = snapshot.map { JournalPrefix(bytes: bytes, covered: $0.coveredBytes, count: $0.state.eventCount, file: path) }
        // A new snapshot when enough events lie after the last one: it covers all but the latest `interval`.
        let interval = JournalSnapshots.interval
        let cut = snapshotFile != nil && tail.events.count >= 2 * interval ? tail.events.count - interval : nil

        var session: Session
        var applied = 0
        if let snapshot, let prefix {
            session = Session(agenda: agenda, plan: plan, restoring: snapshot.state, earlier: prefix)
        } else {
            applied = cut ?? tail.events.count
            session = Session(agenda: agenda, plan: plan, events: Array(tail.events[..<applied]))
        }
        func line(of seq: Int) -> Int? {
            tail.lineOfSeq[seq] ?? snapshot?.problemLines[seq] ?? prefix?.read().lineOfSeq[seq]
        }
        var readDiagnostics = (snapshot?.diagnostics ?? []).map { $0.diagnostic(file: path) }
        if let cut, let file = snapshotFile {
            for event in tail.events[applied..<cut] { session.apply(event) }
            applied = cut
            if let state = session.foldState {
                let lineCount = tail.lineOfSeq[tail.events[cut - 1].seq] ?? 0
                let covered = tail.lineEnds[cut - 1]
                let renewed = JournalSnapshot(
                    agendaFingerprint: fingerprint, coveredBytes: covered, lineCount: lineCount, lastSeq: tail.events[cut - 1].seq,
                    prefixHash: bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[..<covered])) },
                    diagnostics: (snapshot?.diagnostics ?? []) + tail.diagnostics.filter { $0.line <= lineCount }.map(JournalSnapshot.StoredDiagnostic.init),
                    problemLines: Dictionary(state.problems.compactMap { p in line(of: p.seq).map { (p.seq, $0) } }, uniquingKeysWith: { a, _ in a }),
                    state: state)
                // A cache: if it cannot be written, the next open reads more of the journal.
                try? FileIO.writeAtomically(bytes: renewed.encode(), to: file)
            }
        }
        for event in tail.events[applied...] { session.apply(event) }
        readDiagnostics += tail.diagnostics
        var diagnostics = readDiagnostics
        for problem in session.problems {
            diagnostics.append(Diagnostic(file: path, line: line(of: problem.seq) ?? 1, column: 1,
                                          message: LocalizedText(es: problem.message.es + "; el evento se ignora",
                                                                 en: problem.message.en + "; the event is skipped")))
        }
        return (session, diagnostics, snapshot?.coveredBytes)
    }
}
