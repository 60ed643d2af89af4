import ActaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of reading a whole journal: its events, the problems of lines that could not
/// be read, and a warning when the last line was torn by a crash mid-write.
public struct JournalContents: Sendable {
    public var events: [SessionEvent]
    public var diagnostics: [Diagnostic]
    /// Line number of each event, by sequence number, to locate fold problems.
    public var lineOfSeq: [Int: Int]
    /// The last line had no newline and could not be read: it was being written when the process died.
    public var tornTail: Bool
    /// Where each event's line ends in the bytes read (just after its line feed), so a snapshot
    /// can cover the journal up to any event.
    public var lineEnds: [Int] = []
    /// Lines read in all, blank and skipped ones included.
    public var lineCount = 0
    /// The sequence number of the last event read (0 when none).
    public var lastSeq = 0
}

/// Reads a whole journal. Whatever it holds, this never fails: a line that cannot be an event
/// (too long, not UTF-8, a NUL, not JSON, numbers or dates out of range, out of order) is
/// reported at its line and column and skipped, and the session opens with the rest.
public enum JournalReader {
    public static func read(_ text: String, file: String) -> JournalContents {
        read(bytes: Array(text.utf8), file: file)
    }

    /// Reads from `offset` (the start of a line) on, numbering lines after `lineCount` and checking
    /// order after `lastSeq`: the same as reading the whole journal, for the part after a snapshot.
    public static func read(bytes: [UInt8], file: String, from offset: Int = 0, lineCount: Int = 0, lastSeq: Int = 0) -> JournalContents {
        var contents = JournalContents(events: [], diagnostics: [], lineOfSeq: [:], tornTail: false)
        let endsClean = bytes.isEmpty || bytes.last == 0x0A
        var lastSeq = lastSeq
        var number = lineCount
        var start = offset
        while start < bytes.endIndex {
            let end = nextNewline(in: bytes, from: start)
            number += 1
            var raw = bytes[start..<end]
            let isLast = end == bytes.endIndex
            start = end + 1
            if raw.last == 0x0D { raw = raw.dropLast() }
            // Size first: a 50 MB line is refused without looking at its bytes one by one.
            if raw.count <= InputLimits.journalLineBytes, raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            func skip(_ diagnostic: Diagnostic) {
                if isLast && !endsClean {
                    contents.tornTail = true
                    contents.diagnostics.append(Diagnostic(file: file, line: number, column: 1, severity: .warning,
                        message: LocalizedText(
                            es: "la última línea quedó a medias (el programa se detuvo mientras escribía); se ignora, lo anterior está intacto; la próxima grabación la guarda aparte en journal.jsonl.torn",
                            en: "the last line is incomplete (the program stopped while writing it); it is skipped, everything before it is intact; the next recording keeps it aside in journal.jsonl.torn")))
                } else {
                    contents.diagnostics.append(diagnostic)
                }
            }
            if let problem = JournalLimitsCheck.problem(inLine: raw) {
                let (_, column) = TextDecoding.position(of: problem.offset, in: raw)
                skip(Diagnostic(file: file, line: number, column: column, message: problem.message))
                continue
            }
            do {
                let event = try JournalCodec.decode(String(decoding: raw, as: UTF8.self), file: file, lineNumber: number)
                // Checked here, after whichever decoder read the line.
                if let problem = JournalLimitsCheck.problem(with: event) {
                    skip(Diagnostic(file: file, line: number, column: 1, message: problem))
                    continue
                }
                if event.seq <= lastSeq {
                    skip(Diagnostic(file: file, line: number, column: 1, message: LocalizedText(
                        es: "número de secuencia \(event.seq) fuera de orden (el anterior es \(lastSeq)); la línea se ignora. No edite el diario a mano",
                        en: "sequence number \(event.seq) out of order (the previous one is \(lastSeq)); the line is skipped. Do not edit the journal by hand")))
                    continue
                }
                lastSeq = event.seq
                contents.events.append(event)
                contents.lineOfSeq[event.seq] = number
                contents.lineEnds.append(min(start, bytes.endIndex))
            } catch {
                skip(error)
            }
        }
        contents.lineCount = number
        contents.lastSeq = lastSeq
        return contents
    }
}

/// The index of the next line feed at or after `start`, or the end: memchr, so that even a
/// huge journal is split at memory speed.
func nextNewline(in bytes: [UInt8], from start: Int) -> Int {
    bytes.withUnsafeBufferPointer { buffer -> Int in
        guard let base = buffer.baseAddress, start < buffer.count else { return bytes.endIndex }
        guard let hit = memchr(base + start, 0x0A, buffer.count - start) else { return bytes.endIndex }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}

/// The limits every journal line and event must keep, whichever decoder read it.
public enum JournalLimitsCheck {
    /// Bytes that cannot be a journal line: over the size limit, not UTF-8, or holding a NUL.
    public static func problem(inLine raw: ArraySlice<UInt8>) -> (offset: Int, message: LocalizedText)? {
        if raw.count > InputLimits.journalLineBytes {
            let limit = InputLimits.describe(bytes: InputLimits.journalLineBytes)
            return (raw.startIndex + InputLimits.journalLineBytes, LocalizedText(
                es: "la línea mide \(raw.count) bytes, más que el límite de \(limit) por evento; la línea se ignora (acta no escribe líneas así)",
                en: "the line is \(raw.count) bytes, over the \(limit) limit per event; the line is skipped (acta never writes such lines)"))
        }
        if let p = TextDecoding.problem(in: raw) {
            return (p.offset, LocalizedText(es: p.message.es + "; la línea se ignora", en: p.message.en + "; the line is skipped"))
        }
        return nil
    }

    /// Numbers out of range (arithmetic on them must never trap) and texts over the field limit.
    public static func problem(with event: SessionEvent) -> LocalizedText? {
        func outside(_ name: String, _ value: Int, _ range: ClosedRange<Int>) -> LocalizedText? {
            range.contains(value) ? nil : LocalizedText(
                es: "«\(name)» vale \(value), fuera de \(range.lowerBound)–\(range.upperBound); la línea se ignora",
                en: "“\(name)” is \(value), outside \(range.lowerBound)–\(range.upperBound); the line is skipped")
        }
        var checks: [LocalizedText?] = [outside("seq", event.seq, InputLimits.sequenceRange)]
        var texts: [(String, String?)] = []
        let numbers = InputLimits.numberRange, milestones = InputLimits.milestoneNumberRange
        switch event.kind {
        case .attendanceMarked(let seat, _, let delegate):
            texts = [("seat", seat), ("delegate", delegate)]
        case .itemStarted(let item), .itemEnded(let item):
            checks.append(outside("item", item, numbers))
        case .milestoneReported(let r):
            checks += [outside("item", r.item, numbers), outside("commitment", r.key.commitment, milestones),
                       outside("hito", r.key.milestone, milestones), r.percent.flatMap { outside("percent", $0, 0...100) }]
            texts = [("evidence", r.evidence), ("note", r.note)]
        case .noteAdded(let item, let text):
            checks.append(outside("item", item, numbers))
            texts = [("text", text)]
        case .actionItemAdded(let a):
            checks += [outside("number", a.number, numbers), outside("item", a.item, numbers)]
            texts = [("text", a.text), ("responsable", a.responsible)]
        case .actionItemEdited(let n, let changes):
            checks.append(outside("number", n, numbers))
            texts = [("text", changes.text), ("responsable", changes.responsible)]
        case .actionItemClosed(let n, let session), .actionItemReopened(let n, let session):
            checks.append(outside("number", n, numbers))
            texts = [("session", session)]
        case .nextSessionSet(_, let note):
            texts = [("note", note)]
        case .speakerQueued(let item, let speaker):
            checks.append(outside("item", item, numbers))
            texts = [("seat", speaker.seat), ("speaker", speaker.name)]
        case .speakerWithdrawn(let item, let position):
            checks += [outside("item", item, numbers), outside("number", position, numbers)]
        case .floorGiven(let item), .floorEnded(let item):
            checks.append(outside("item", item, numbers))
        case .interventionSummarized(let item, let index, let summary):
            checks += [outside("item", item, numbers), outside("number", index, numbers)]
            texts = [("text", summary)]
        case .timeCorrected(let item, _, _):
            checks.append(item.flatMap { outside("item", $0, numbers) })
        case .undone(let target), .redone(let target):
            checks.append(outside("target", target, InputLimits.sequenceRange))
        }
        if let first = checks.compactMap({ $0 }).first { return first }
        texts.append(("recorder", event.recorder))
        let limit = InputLimits.describe(bytes: InputLimits.fieldBytes)
        for case let (name, text?) in texts where text.utf8.count > InputLimits.fieldBytes {
            return LocalizedText(es: "«\(name)» mide \(text.utf8.count) bytes, más que el límite de \(limit); la línea se ignora",
                                 en: "“\(name)” is \(text.utf8.count) bytes, over the \(limit) limit; the line is skipped")
        }
        return nil
    }
}
