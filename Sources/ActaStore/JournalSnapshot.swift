import ActaCore
import ActaFormats

/// A session's fold after the first `coveredBytes` bytes of its journal, with what reading those
/// bytes reported: a derived, disposable cache. It is used only when the journal still starts
/// with exactly the bytes it was made from (their hash) and the agenda still has the items and
/// seats the fold checked events against; the journal after it is read and applied as usual.
struct JournalSnapshot {
    /// Bump when the fold, the journal reader's messages or this format change: older snapshots
    /// are then ignored and rebuilt.
    static let formatVersion = 3
    static let magic = Array("acta journal snapshot\n".utf8)

    var agendaFingerprint: UInt64
    var coveredBytes: Int
    var lineCount: Int
    var lastSeq: Int
    var prefixHash: UInt64
    /// What reading the covered lines reported (without the file: the folder may have moved).
    var diagnostics: [StoredDiagnostic]
    /// The journal line of each event that is a problem in `state`.
    var problemLines: [Int: Int]
    var state: SessionFoldState

    struct StoredDiagnostic: Hashable {
        var line: Int, column: Int, severity: Diagnostic.Severity, message: LocalizedText

        init(_ d: Diagnostic) {
            line = d.line; column = d.column; severity = d.severity; message = d.message
        }

        init(line: Int, column: Int, severity: Diagnostic.Severity, message: LocalizedText) {
            self.line = line; self.column = column; self.severity = severity; self.message = message
        }

        func diagnostic(file: String) -> Diagnostic {
            Diagnostic(file: file, line: line, column: column, severity: severity, message: message)
        }
    }

    /// What of the agenda the fold reads (item numbers, their commitment and hitos, seat ids, and
    /// the number of items, which a message quotes).
    static func fingerprint(_ agenda: Agenda) -> UInt64 {
        var w = SummaryCoding.Writer()
        w.int(agenda.items.count)
        for item in agenda.items {
            w.int(item.number); w.int(item.commitment ?? -1)
            w.int(item.milestones.count)
            for m in item.milestones { w.int(m) }
        }
        w.int(agenda.seats.count)
        for seat in agenda.seats { w.string(seat.id) }
        return w.bytes.withUnsafeBytes { ContentHash.of($0) }
    }

    // MARK: - Encoding

    func encode() -> [UInt8] {
        var w = SummaryCoding.Writer()
        w.bytes = Self.magic
        w.int(Self.formatVersion)
        w.uint64(agendaFingerprint); w.int(coveredBytes); w.int(lineCount); w.int(lastSeq); w.uint64(prefixHash)
        w.int(diagnostics.count)
        for d in diagnostics {
            w.int(d.line); w.int(d.column); w.bool(d.severity == .warning); w.text(d.message)
        }
        let lines = problemLines.sorted { $0.key < $1.key }
        w.int(lines.count)
        for (seq, line) in lines { w.int(seq); w.int(line) }
        w.foldState(state)
        return w.bytes
    }

    /// The snapshot's header, checked against the journal before anything else is decoded.
    struct Header {
        var agendaFingerprint: UInt64, coveredBytes: Int, lineCount: Int, lastSeq: Int, prefixHash: UInt64
    }

    /// Decodes a snapshot made for this agenda; nil for anything else (another version, another
    /// agenda, truncated, corrupted). Whether the journal still holds its bytes is checked apart.
    static func decode(_ bytes: [UInt8], agendaFingerprint: UInt64) -> JournalSnapshot? {
        bytes.withUnsafeBytes { raw -> JournalSnapshot? in
            guard raw.count > magic.count, raw.prefix(magic.count).elementsEqual(magic) else { return nil }
            var r = SummaryCoding.Reader(bytes: raw, i: magic.count)
            do throws(SummaryCoding.Reader.Malformed) {
                guard try r.int() == formatVersion, try r.uint64() == agendaFingerprint else { return nil }
                let coveredBytes = try r.int(), lineCount = try r.int(), lastSeq = try r.int(), prefixHash = try r.uint64()
                guard coveredBytes > 0, lineCount > 0 else { return nil }
                var diagnostics: [StoredDiagnostic] = []
                for _ in 0..<(try r.count()) {
                    let line = try r.int(), column = try r.int(), warning = try r.bool()
                    diagnostics.append(StoredDiagnostic(line: line, column: column, severity: warning ? .warning : .error, message: try r.text()))
                }
                var lines: [Int: Int] = [:]
                for _ in 0..<(try r.count()) { lines[try r.int()] = try r.int() }
                let state = try r.foldState()
                guard r.i == raw.count else { return nil }
                return JournalSnapshot(agendaFingerprint: agendaFingerprint, coveredBytes: coveredBytes, lineCount: lineCount,
                                       lastSeq: lastSeq, prefixHash: prefixHash, diagnostics: diagnostics, problemLines: lines, state: state)
            } catch {
                return nil
            }
        }
    }
}

/// A fast 64-bit hash (four independent multiply–rotate lanes, 32 bytes a round, as xxHash does),
/// to tell at memory speed whether a journal still starts with the bytes a snapshot was made from.
/// Not for adversaries: for edits, truncations and rewrites. Fed in pieces of a multiple of 32
/// bytes (the last one any size), it gives the same as over the whole.
struct ContentHash {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344,
                                                           0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89)
    private var length = 0
    private var rest: UInt64 = 0

    @inline(__always) private static func round(_ acc: UInt64, _ word: UInt64) -> UInt64 {
        let x = acc &+ word &* p2
        return ((x << 31) | (x >> 33)) &* p1
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        var i = 0
        var (a, b, c, d) = lanes
        while i + 32 <= n {
            a = Self.round(a, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            b = Self.round(b, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            c = Self.round(c, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            d = Self.round(d, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        lanes = (a, b, c, d)
        while i < n {
            rest = (rest ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3
            i += 1
        }
        length += n
    }

    func finish() -> UInt64 {
        var h = UInt64(length) &* Self.p1
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { h = Self.round(h ^ lane, lane) }
        h ^= rest
        h ^= h >> 33; h = h &* Self.p2; h ^= h >> 29; h = h &* Self.p1; h ^= h >> 32
        return h
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.finish()
    }
}

// MARK: - The fold state in the index's compact binary form

extension SessionFoldState {
    static let empty = SessionFoldState(
        attendance: [:], timings: [:], reports: [:], notes: [:], actionItems: [], carriedClosures: [:], nextSession: nil,
        speakers: [:], correctedStart: nil, correctedEnd: nil, problems: [], controlProblemCount: 0, done: [], undoStack: [],
        redoStack: [], topSeq: nil, eventCount: 0, lastSeq: nil, firstAt: nil, lastAt: nil, firstHeldAt: nil, lastHeldAt: nil,
        lastRecorder: nil)
}

extension SummaryCoding.Writer {
    mutating func uint64(_ v: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    mutating func text(_ t: LocalizedText) { string(t.es); string(t.en) }

    mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    mutating func timestamp(_ t: Timestamp) { int(t.epochSeconds); int(t.offsetMinutes) }

    mutating func optionalTimestamp(_ t: Timestamp?) {
        bool(t != nil)
        if let t { timestamp(t) }
    }

    /// A list of sequence numbers as runs of consecutive ones (a long journal's standing events
    /// are mostly runs, broken where something was undone): each run's start, as its distance
    /// from the end of the previous run, and its length.
    mutating func ints(_ values: [Int]) {
        int(values.count)
        var end = 0
        var i = 0
        while i < values.count {
            var j = i + 1
            while j < values.count, values[j - 1] != Int.max, values[j] == values[j - 1] + 1 { j += 1 }
            int(values[i] &- end); int(j - i)
            end = values[j - 1] &+ 1
            i = j
        }
    }

    mutating func report(_ r: MilestoneReport) {
        int(r.item); int(r.key.commitment); int(r.key.milestone)
        int(r.status.map { MilestoneStatus.allCases.firstIndex(of: $0)! } ?? -1)
        optionalInt(r.percent); bool(r.validated); bool(r.rescheduled); string(r.evidence); string(r.note)
    }

    mutating func actionItem(_ a: ActionItem) {
        int(a.number); int(a.item); bool(a.kind == .task); string(a.text); string(a.responsible)
        bool(a.due != nil)
        if let due = a.due { date(due) }
        bool(a.closed)
    }

    mutating func speaker(_ s: Speaker) { optionalString(s.seat); string(s.name) }

    mutating func foldState(_ s: SessionFoldState) {
        int(s.attendance.count)
        for (seat, a) in s.attendance.sorted(by: { $0.key < $1.key }) { string(seat); bool(a.present); optionalString(a.delegate) }
        int(s.timings.count)
        for (item, t) in s.timings.sorted(by: { $0.key < $1.key }) {
            int(item)
            int(t.spans.count)
            for span in t.spans { timestamp(span.start); optionalTimestamp(span.end) }
            optionalTimestamp(t.correctedStart); optionalTimestamp(t.correctedEnd)
        }
        int(s.reports.count)
        for (_, r) in s.reports.sorted(by: { ($0.key.commitment, $0.key.milestone) < ($1.key.commitment, $1.key.milestone) }) { report(r) }
        int(s.notes.count)
        for (item, texts) in s.notes.sorted(by: { $0.key < $1.key }) {
            int(item); int(texts.count)
            for t in texts { string(t) }
        }
        int(s.actionItems.count)
        for a in s.actionItems { actionItem(a) }
        int(s.carriedClosures.count)
        for (ref, closed) in s.carriedClosures.sorted(by: { $0.key < $1.key }) { string(ref.session); int(ref.number); bool(closed) }
        bool(s.nextSession != nil)
        if let next = s.nextSession { date(next.date); optionalString(next.note) }
        int(s.speakers.count)
        for (item, list) in s.speakers.sorted(by: { $0.key < $1.key }) {
            int(item)
            int(list.queue.count)
            for sp in list.queue { speaker(sp) }
            int(list.interventions.count)
            for turn in list.interventions {
                speaker(turn.speaker); timestamp(turn.start); optionalTimestamp(turn.end); string(turn.summary)
            }
        }
        optionalTimestamp(s.correctedStart); optionalTimestamp(s.correctedEnd)
        int(s.problems.count)
        for p in s.problems { int(p.seq); text(p.message) }
        int(s.controlProblemCount)
        // Undo's list is the standing events less those that are problems: usually the same list.
        ints(s.done)
        let same = s.undoStack == s.done
        bool(same)
        if !same { ints(s.undoStack) }
        ints(s.redoStack)
        optionalInt(s.topSeq); int(s.eventCount); optionalInt(s.lastSeq)
        optionalTimestamp(s.firstAt); optionalTimestamp(s.lastAt); optionalTimestamp(s.firstHeldAt); optionalTimestamp(s.lastHeldAt)
        optionalString(s.lastRecorder)
    }
}

extension SummaryCoding.Reader {
    mutating func uint64() throws(Malformed) -> UInt64 {
        var v: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) { v |= UInt64(try byte()) << UInt64(shift) }
        return v
    }

    mutating func text() throws(Malformed) -> LocalizedText { LocalizedText(es: try string(), en: try string()) }

    mutating func optionalString() throws(Malformed) -> String? { try bool() ? try string() : nil }

    mutating func timestamp() throws(Malformed) -> Timestamp {
        Timestamp(epochSeconds: try int(), offsetMinutes: try int())
    }

    mutating func optionalTimestamp() throws(Malformed) -> Timestamp? { try bool() ? try timestamp() : nil }

    mutating func ints() throws(Malformed) -> [Int] {
        let n = try count()
        var values: [Int] = []
        values.reserveCapacity(n)
        var end = 0
        while values.count < n {
            let (start, overflow) = end.addingReportingOverflow(try int())
            let length = try int()
            guard !overflow, length > 0, length <= n - values.count, start <= Int.max - length else { throw Malformed() }
            values.append(contentsOf: start..<(start + length))
            end = start + length
        }
        return values
    }

    mutating func report() throws(Malformed) -> MilestoneReport {
        let item = try int(), c = try int(), m = try int(), statusIndex = try int()
        guard statusIndex >= -1, statusIndex < MilestoneStatus.allCases.count else { throw Malformed() }
        let status = statusIndex < 0 ? nil : MilestoneStatus.allCases[statusIndex]
        return MilestoneReport(item: item, key: MilestoneKey(commitment: c, milestone: m), status: status,
                               percent: try optionalInt(), validated: try bool(), rescheduled: try bool(),
                               evidence: try string(), note: try string())
    }

    mutating func actionItem() throws(Malformed) -> ActionItem {
        let number = try int(), item = try int(), task = try bool(), text = try string(), responsible = try string()
        let due = try bool() ? try date() : nil
        return ActionItem(number: number, item: item, kind: task ? .task : .decision, text: text,
                          responsible: responsible, due: due, closed: try bool())
    }

    mutating func speaker() throws(Malformed) -> Speaker { Speaker(seat: try optionalString(), name: try string()) }

    mutating func foldState() throws(Malformed) -> SessionFoldState {
        var attendance: [String: Attendance] = [:]
        for _ in 0..<(try count()) {
            let seat = try string()
            attendance[seat] = Attendance(present: try bool(), delegate: try optionalString())
        }
        var timings: [Int: ItemTiming] = [:]
        for _ in 0..<(try count()) {
            let item = try int()
            var t = ItemTiming()
            for _ in 0..<(try count()) { t.spans.append(ItemTiming.Span(start: try timestamp(), end: try optionalTimestamp())) }
            t.correctedStart = try optionalTimestamp(); t.correctedEnd = try optionalTimestamp()
            timings[item] = t
        }
        var reports: [MilestoneKey: MilestoneReport] = [:]
        for _ in 0..<(try count()) {
            let r = try report()
            reports[r.key] = r
        }
        var notes: [Int: [String]] = [:]
        for _ in 0..<(try count()) {
            let item = try int()
            var texts: [String] = []
            for _ in 0..<(try count()) { texts.append(try string()) }
            notes[item] = texts
        }
        var actionItems: [ActionItem] = []
        for _ in 0..<(try count()) { actionItems.append(try actionItem()) }
        var closures: [ActionItemRef: Bool] = [:]
        for _ in 0..<(try count()) {
            let session = try string(), number = try int()
            closures[ActionItemRef(session: session, number: number)] = try bool()
        }
        let next = try bool() ? NextSession(date: try date(), note: try optionalString()) : nil
        var speakers: [Int: SpeakersList] = [:]
        for _ in 0..<(try count()) {
            let item = try int()
            var list = SpeakersList()
            for _ in 0..<(try count()) { list.queue.append(try speaker()) }
            for _ in 0..<(try count()) {
                list.interventions.append(Intervention(speaker: try speaker(), start: try timestamp(), end: try optionalTimestamp(),
                                                       summary: try string()))
            }
            speakers[item] = list
        }
        let correctedStart = try optionalTimestamp(), correctedEnd = try optionalTimestamp()
        var problems: [SessionProblem] = []
        for _ in 0..<(try count()) { problems.append(SessionProblem(seq: try int(), message: try text())) }
        let controlProblemCount = try int()
        guard (0...problems.count).contains(controlProblemCount) else { throw Malformed() }
        let done = try ints()
        let undoStack = try bool() ? done : try ints()
        let redoStack = try ints()
        let topSeq = try optionalInt(), eventCount = try int(), lastSeq = try optionalInt()
        guard eventCount >= 0 else { throw Malformed() }
        return SessionFoldState(
            attendance: attendance, timings: timings, reports: reports, notes: notes, actionItems: actionItems,
            carriedClosures: closures, nextSession: next, speakers: speakers, correctedStart: correctedStart,
            correctedEnd: correctedEnd, problems: problems, controlProblemCount: controlProblemCount, done: done,
            undoStack: undoStack, redoStack: redoStack, topSeq: topSeq, eventCount: eventCount, lastSeq: lastSeq,
            firstAt: try optionalTimestamp(), lastAt: try optionalTimestamp(), firstHeldAt: try optionalTimestamp(),
            lastHeldAt: try optionalTimestamp(), lastRecorder: try optionalString())
    }
}
