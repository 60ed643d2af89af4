import ActaCore
import Foundation

/// One journal line as JSON: a flat object whose `event` names the kind; absent fields are omitted.
struct JournalLine: Codable {
    var seq: Int
    var at: String
    var event: String
    var seat: String?
    var present: Bool?
    var delegate: String?
    var item: Int?
    var commitment: Int?
    var hito: Int?
    var status: String?
    var percent: Int?
    var validated: Bool?
    var rescheduled: Bool?
    var evidence: String?
    var note: String?
    var text: String?
    var number: Int?
    var kind: String?
    var responsable: String?
    var due: String?
    var due_removed: Bool?
    var session: String?
    var date: String?
    var target: Int?
    var recorder: String?

    init(seq: Int, at: String, event: String) {
        self.seq = seq
        self.at = at
        self.event = event
    }
}

/// Encodes and decodes the journal's lines (`journal.jsonl`, one JSON object a line).
public enum JournalCodec {
    /// One line, without its newline. Keys sorted so a line is stable and diffable.
    public static func encode(_ event: SessionEvent) -> String {
        var line = JournalLine(seq: event.seq, at: event.at.iso, event: event.kind.name)
        line.recorder = event.recorder
        switch event.kind {
        case .attendanceMarked(let seat, let present, let delegate):
            line.seat = seat; line.present = present; line.delegate = delegate
        case .itemStarted(let item), .itemEnded(let item):
            line.item = item
        case .milestoneReported(let r):
            line.item = r.item; line.commitment = r.key.commitment; line.hito = r.key.milestone
            line.status = r.status?.rawValue; line.percent = r.percent
            line.validated = r.validated; line.rescheduled = r.rescheduled
            line.evidence = r.evidence; line.note = r.note
        case .noteAdded(let item, let text):
            line.item = item; line.text = text
        case .actionItemAdded(let a):
            line.number = a.number; line.item = a.item; line.kind = a.kind.rawValue; line.text = a.text
            line.responsable = a.responsible; line.due = a.due?.iso
            if a.closed { line.status = "closed" }
        case .actionItemEdited(let number, let changes):
            line.number = number; line.kind = changes.kind?.rawValue; line.text = changes.text
            line.responsable = changes.responsible
            if let due = changes.due {
                if let due { line.due = due.iso } else { line.due_removed = true }
            }
        case .actionItemClosed(let number, let session), .actionItemReopened(let number, let session):
            line.number = number; line.session = session
        case .nextSessionSet(let date, let note):
            line.date = date.iso; line.note = note
        case .undone(let seq), .redone(let seq):
            line.target = seq
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        let data = (try? encoder.encode(line)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Decodes one line; `file` and `lineNumber` locate any error.
    public static func decode(_ text: String, file: String, lineNumber: Int) throws(Diagnostic) -> SessionEvent {
        func fail(_ es: String, _ en: String) -> Diagnostic {
            Diagnostic(file: file, line: lineNumber, column: 1, message: LocalizedText(es: es, en: en))
        }
        let line: JournalLine
        do {
            line = try JSONDecoder().decode(JournalLine.self, from: Data(text.utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw fail("la línea no es un evento: falta «\(key.stringValue)»; no edite el diario a mano",
                       "the line is not an event: “\(key.stringValue)” is missing; do not edit the journal by hand")
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw fail("la línea no es un evento: «\(field)» tiene un tipo equivocado",
                       "the line is not an event: “\(field)” has the wrong type")
        } catch {
            throw fail("la línea no es un evento (JSON no válido); no edite el diario a mano",
                       "the line is not an event (invalid JSON); do not edit the journal by hand")
        }
        guard let at = Timestamp(iso: line.at) else {
            throw fail("«at»: «\(line.at)» no es una hora con zona (AAAA-MM-DDTHH:MM:SS-06:00)",
                       "“at”: “\(line.at)” is not a time with offset (YYYY-MM-DDTHH:MM:SS-06:00)")
        }
        func need<T>(_ value: T?, _ name: String) throws(Diagnostic) -> T {
            guard let value else {
                throw fail("el evento «\(line.event)» necesita «\(name)»", "event “\(line.event)” needs “\(name)”")
            }
            return value
        }
        func date(_ text: String?, _ name: String) throws(Diagnostic) -> CalendarDate? {
            guard let text else { return nil }
            guard let d = CalendarDate(iso: text) else {
                throw fail("«\(name)»: «\(text)» no es una fecha posible (AAAA-MM-DD)",
                           "“\(name)”: “\(text)” is not a possible date (YYYY-MM-DD)")
            }
            return d
        }
        let kind: SessionEventKind
        switch line.event {
        case "attendance_marked":
            kind = .attendanceMarked(seat: try need(line.seat, "seat"), present: try need(line.present, "present"),
                                     delegate: line.delegate)
        case "item_started":
            kind = .itemStarted(item: try need(line.item, "item"))
        case "item_ended":
            kind = .itemEnded(item: try need(line.item, "item"))
        case "milestone_reported":
            var status: MilestoneStatus?
            if let s = line.status {
                guard let parsed = MilestoneStatus(rawValue: s) else {
                    let keys = MilestoneStatus.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail("«status»: «\(s)» no es un estado; use: \(keys)", "“status”: “\(s)” is not a status; use: \(keys)")
                }
                status = parsed
            }
            kind = .milestoneReported(MilestoneReport(
                item: try need(line.item, "item"),
                key: MilestoneKey(commitment: try need(line.commitment, "commitment"), milestone: try need(line.hito, "hito")),
                status: status, percent: line.percent, validated: line.validated ?? false,
                rescheduled: line.rescheduled ?? false, evidence: line.evidence ?? "", note: line.note ?? ""))
        case "note_added":
            kind = .noteAdded(item: try need(line.item, "item"), text: try need(line.text, "text"))
        case "action_item_added":
            kind = .actionItemAdded(ActionItem(
                number: try need(line.number, "number"), item: try need(line.item, "item"),
                kind: try actionKind(try need(line.kind, "kind"), fail), text: try need(line.text, "text"),
                responsible: line.responsable ?? "", due: try date(line.due, "due"), closed: line.status == "closed"))
        case "action_item_edited":
            var changes = ActionItemChanges(kind: try line.kind.map { (k) throws(Diagnostic) in try actionKind(k, fail) },
                                            text: line.text, responsible: line.responsable)
            if line.due_removed == true { changes.due = .some(nil) } else if let d = try date(line.due, "due") { changes.due = d }
            kind = .actionItemEdited(number: try need(line.number, "number"), changes: changes)
        case "action_item_closed":
            kind = .actionItemClosed(number: try need(line.number, "number"), session: line.session)
        case "action_item_reopened":
            kind = .actionItemReopened(number: try need(line.number, "number"), session: line.session)
        case "next_session_set":
            kind = .nextSessionSet(date: try need(try date(line.date, "date"), "date"), note: line.note)
        case "undone":
            kind = .undone(seq: try need(line.target, "target"))
        case "redone":
            kind = .redone(seq: try need(line.target, "target"))
        default:
            throw fail("«\(line.event)» no es un tipo de evento conocido", "“\(line.event)” is not a known event type")
        }
        return SessionEvent(seq: line.seq, at: at, kind: kind, recorder: line.recorder)
    }

    private static func actionKind(_ text: String, _ fail: (String, String) -> Diagnostic) throws(Diagnostic) -> ActionItemKind {
        guard let kind = ActionItemKind(rawValue: text) else {
            throw fail("«kind»: «\(text)» no es válido; use decision o task", "“kind”: “\(text)” is not valid; use decision or task")
        }
        return kind
    }
}

/// The result of reading a whole journal: its events, the problems of lines that could not
/// be read, and a warning when the last line was torn by a crash mid-write.
public struct JournalContents: Sendable {
    public var events: [SessionEvent]
    public var diagnostics: [Diagnostic]
    /// Line number of each event, by sequence number, to locate fold problems.
    public var lineOfSeq: [Int: Int]
    /// The last line had no newline and could not be read: it was being written when the process died.
    public var tornTail: Bool
}

public enum JournalReader {
    public static func read(_ text: String, file: String) -> JournalContents {
        var contents = JournalContents(events: [], diagnostics: [], lineOfSeq: [:], tornTail: false)
        let endsClean = text.isEmpty || text.hasSuffix("\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var lastSeq = 0
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let isLast = index == lines.count - 1
            if raw.allSatisfy(\.isWhitespace) { continue }
            do {
                let event = try JournalCodec.decode(String(raw), file: file, lineNumber: number)
                if event.seq <= lastSeq {
                    contents.diagnostics.append(Diagnostic(file: file, line: number, column: 1, message: LocalizedText(
                        es: "número de secuencia \(event.seq) fuera de orden (el anterior es \(lastSeq))",
                        en: "sequence number \(event.seq) out of order (the previous one is \(lastSeq))")))
                    continue
                }
                lastSeq = event.seq
                contents.events.append(event)
                contents.lineOfSeq[event.seq] = number
            } catch {
                if isLast && !endsClean {
                    contents.tornTail = true
                    contents.diagnostics.append(Diagnostic(file: file, line: number, column: 1, severity: .warning,
                        message: LocalizedText(
                            es: "la última línea quedó a medias (el programa se detuvo mientras escribía); se ignora, lo anterior está intacto",
                            en: "the last line is incomplete (the program stopped while writing it); it is skipped, everything before it is intact")))
                } else {
                    contents.diagnostics.append(error)
                }
            }
        }
        return contents
    }
}
