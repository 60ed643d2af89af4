import ActaCore
import Foundation

/// One journal line as JSON: a flat object whose `event` names the kind; absent fields are omitted.
struct JournalLine: Codable, Equatable {
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
    var speaker: String?
    var time: String?

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
        case .speakerQueued(let item, let speaker):
            line.item = item; line.seat = speaker.seat; line.speaker = speaker.name
        case .speakerWithdrawn(let item, let position):
            line.item = item; line.number = position
        case .floorGiven(let item), .floorEnded(let item):
            line.item = item
        case .interventionSummarized(let item, let index, let summary):
            line.item = item; line.number = index; line.text = summary
        case .timeCorrected(let item, let boundary, let time):
            line.item = item; line.kind = boundary.rawValue; line.time = time.iso
        case .undone(let seq), .redone(let seq):
            line.target = seq
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        let data = (try? encoder.encode(line)) ?? Data()
        return JSONText.escapingControls(String(decoding: data, as: UTF8.self))
    }

    /// Decodes one line; `file` and `lineNumber` locate any error.
    public static func decode(_ text: String, file: String, lineNumber: Int) throws(Diagnostic) -> SessionEvent {
        func fail(_ es: String, _ en: String) -> Diagnostic {
            Diagnostic(file: file, line: lineNumber, column: 1, message: LocalizedText(es: es, en: en))
        }
        let line: JournalLine
        do {
            // The byte-level parser reads what acta writes; anything else gets JSONDecoder's verdict.
            line = try JournalLineParser.parse(text) ?? JSONDecoder().decode(JournalLine.self, from: Data(text.utf8))
        } catch let DecodingError.keyNotFound(key, _) {
            throw fail("la línea no es un evento: falta «\(key.stringValue)»; la línea se ignora. No edite el diario a mano: grabe los cambios con acta record",
                       "the line is not an event: “\(key.stringValue)” is missing; the line is skipped. Do not edit the journal by hand: record changes with acta record")
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw fail("la línea no es un evento: «\(field)» tiene un tipo equivocado (p. ej. un texto donde va un número); la línea se ignora",
                       "the line is not an event: “\(field)” has the wrong type (e.g. a text where a number goes); the line is skipped")
        } catch {
            throw fail("la línea no es un evento (JSON no válido o un número demasiado grande); la línea se ignora. No edite el diario a mano: grabe los cambios con acta record",
                       "the line is not an event (invalid JSON or a number too large); the line is skipped. Do not edit the journal by hand: record changes with acta record")
        }
        guard let at = Timestamp(iso: line.at) else {
            let shown = ControlCharacters.shown(line.at)
            throw fail("«at»: «\(shown)» no es una hora con zona posible (años 0001–9999), p. ej. 2023-03-29T09:02:11-06:00; la línea se ignora",
                       "“at”: “\(shown)” is not a possible time with offset (years 0001–9999), e.g. 2023-03-29T09:02:11-06:00; the line is skipped")
        }
        func need<T>(_ value: T?, _ name: String) throws(Diagnostic) -> T {
            guard let value else {
                throw fail("el evento «\(line.event)» necesita «\(name)»; la línea se ignora", "event “\(line.event)” needs “\(name)”; the line is skipped")
            }
            return value
        }
        func date(_ text: String?, _ name: String) throws(Diagnostic) -> CalendarDate? {
            guard let text else { return nil }
            guard let d = CalendarDate(iso: text) else {
                let shown = ControlCharacters.shown(text)
                throw fail("«\(name)»: «\(shown)» no es una fecha posible (AAAA-MM-DD, años 0001–9999), p. ej. 2023-08-15; la línea se ignora",
                           "“\(name)”: “\(shown)” is not a possible date (YYYY-MM-DD, years 0001–9999), e.g. 2023-08-15; the line is skipped")
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
                    let shown = ControlCharacters.shown(s)
                    throw fail("«status»: «\(shown)» no es un estado; use: \(keys)", "“status”: “\(shown)” is not a status; use: \(keys)")
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
        case "speaker_queued":
            kind = .speakerQueued(item: try need(line.item, "item"), speaker: Speaker(seat: line.seat, name: try need(line.speaker, "speaker")))
        case "speaker_withdrawn":
            kind = .speakerWithdrawn(item: try need(line.item, "item"), position: try need(line.number, "number"))
        case "floor_given":
            kind = .floorGiven(item: try need(line.item, "item"))
        case "floor_ended":
            kind = .floorEnded(item: try need(line.item, "item"))
        case "intervention_summarized":
            kind = .interventionSummarized(item: try need(line.item, "item"), index: try need(line.number, "number"),
                                           summary: try need(line.text, "text"))
        case "time_corrected":
            let boundaryText = try need(line.kind, "kind")
            guard let boundary = TimeBoundary(rawValue: boundaryText) else {
                let shown = ControlCharacters.shown(boundaryText)
                throw fail("«kind»: «\(shown)» no es válido; use start o end", "“kind”: “\(shown)” is not valid; use start or end")
            }
            let timeText = try need(line.time, "time")
            guard let time = Timestamp(iso: timeText) else {
                let shown = ControlCharacters.shown(timeText)
                throw fail("«time»: «\(shown)» no es una hora con fecha y zona (p. ej. 2023-03-29T09:05:00-06:00); la línea se ignora",
                           "“time”: “\(shown)” is not a time with date and offset (e.g. 2023-03-29T09:05:00-06:00); the line is skipped")
            }
            kind = .timeCorrected(item: line.item, boundary: boundary, time: time)
        case "undone":
            kind = .undone(seq: try need(line.target, "target"))
        case "redone":
            kind = .redone(seq: try need(line.target, "target"))
        default:
            let shown = ControlCharacters.shown(line.event)
            throw fail("«\(shown)» no es un tipo de evento conocido (p. ej. milestone_reported); la línea se ignora",
                       "“\(shown)” is not a known event type (e.g. milestone_reported); the line is skipped")
        }
        return SessionEvent(seq: line.seq, at: at, kind: kind, recorder: line.recorder)
    }

    private static func actionKind(_ text: String, _ fail: (String, String) -> Diagnostic) throws(Diagnostic) -> ActionItemKind {
        guard let kind = ActionItemKind(rawValue: text) else {
            let shown = ControlCharacters.shown(text)
            throw fail("«kind»: «\(shown)» no es válido; use decision o task", "“kind”: “\(shown)” is not valid; use decision or task")
        }
        return kind
    }
}

