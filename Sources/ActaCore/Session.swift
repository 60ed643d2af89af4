/// A seat's attendance as marked by the secretary.
public struct Attendance: Sendable, Hashable {
    public var present: Bool
    public var delegate: String?

    public init(present: Bool, delegate: String?) {
        self.present = present
        self.delegate = delegate
    }
}

/// When an agenda item was held; an item may be resumed, so it has spans.
public struct ItemTiming: Sendable, Hashable {
    public struct Span: Sendable, Hashable {
        public var start: Timestamp
        public var end: Timestamp?

        public init(start: Timestamp, end: Timestamp?) {
            self.start = start
            self.end = end
        }
    }

    public var spans: [Span] = []
    /// Start and end typed by the secretary (`time_corrected`); they override the clock's.
    public var correctedStart: Timestamp?
    public var correctedEnd: Timestamp?

    public init() {}

    public var isRunning: Bool { spans.last.map { $0.end == nil } ?? false }
    public var firstStart: Timestamp? { correctedStart ?? spans.first?.start }
    /// When the item ended: the corrected end, else the end of its last span (nil while it runs).
    public var lastEnd: Timestamp? { correctedEnd ?? spans.last?.end }

    /// Seconds held, counting a running span up to `now`. A corrected start or end makes the item
    /// one interval from its (corrected) start to its (corrected) end.
    public func seconds(now: Timestamp?) -> Int {
        if correctedStart != nil || correctedEnd != nil {
            guard let start = firstStart, let end = correctedEnd ?? spans.last.flatMap({ $0.end ?? now }) else { return 0 }
            return max(0, end.epochSeconds - start.epochSeconds)
        }
        return spans.reduce(0) { total, span in
            guard let end = span.end ?? now else { return total }
            return total + max(0, end.epochSeconds - span.start.epochSeconds)
        }
    }
}

/// The date set for the next session.
public struct NextSession: Sendable, Hashable {
    public var date: CalendarDate
    public var note: String?

    public init(date: CalendarDate, note: String?) {
        self.date = date
        self.note = note
    }
}

/// A journal event the session could not apply, and why.
public struct SessionProblem: Sendable, Hashable {
    public let seq: Int
    public let message: LocalizedText

    public init(seq: Int, message: LocalizedText) {
        self.seq = seq
        self.message = message
    }
}

/// A session at a moment: the fold of its journal's events over its agenda and plan.
/// Nothing else is the source of truth.
///
/// The fold is kept incrementally: each standing content event keeps how to take it back
/// (`FoldStep`), so a new event, undoing the latest change and redoing onto the end cost O(1);
/// anything else (an undo of an older change, a redo under a later one, sequence numbers out of
/// order) re-folds, and always gives exactly what folding the whole journal gives.
public struct Session: Sendable {
    public let agenda: Agenda
    public let plan: Plan
    /// Every event of the journal, in order (those a snapshot covers are read only when needed).
    public internal(set) var events = SessionEventLog([])

    public internal(set) var attendance: [String: Attendance] = [:]
    public internal(set) var timings: [Int: ItemTiming] = [:]
    public internal(set) var reports: [MilestoneKey: MilestoneReport] = [:]
    public internal(set) var notes: [Int: [String]] = [:]
    public internal(set) var actionItems: [ActionItem] = []
    /// Acuerdos of earlier sessions closed (true) or reopened (false) in this one, last word wins.
    public internal(set) var carriedClosures: [ActionItemRef: Bool] = [:]
    public internal(set) var nextSession: NextSession?
    /// Each item's list of speakers (only items where someone asked for the floor).
    public internal(set) var speakers: [Int: SpeakersList] = [:]
    /// Undo/redo events that could not apply (journal order), then content events that could not.
    public internal(set) var problems: [SessionProblem] = []
    /// Content events that undo can take back, oldest first.
    public internal(set) var undoStack: [Int] = []
    /// Undone events that redo can bring back, most recent last.
    public internal(set) var redoStack: [Int] = []
    /// The session's start and end typed by the secretary (`time_corrected` without an item).
    public internal(set) var correctedStart: Timestamp?
    public internal(set) var correctedEnd: Timestamp?

    /// The standing content events in journal order, each with how to take it back.
    var steps: [FoldStep] = []
    /// The content events standing, in the order undo and redo left them (the fold's first pass).
    var done: [Int] = []
    /// How many of `problems` are undo/redo events that could not apply (they come first).
    var controlProblemCount = 0
    /// Sequence numbers strictly increase (as every journal acta reads): the incremental paths hold.
    var inOrder = true
    /// Facts about the events themselves, kept so no caller has to walk them.
    var marks = EventMarks()
    /// The latest standing event not in `steps` (restored from a snapshot, whose steps are not
    /// kept): undo reaching below it, or redo under it, re-folds.
    var baseTopSeq = Int.min

    public init(agenda: Agenda, plan: Plan, events: [SessionEvent] = []) {
        self.agenda = agenda
        self.plan = plan
        self.events = SessionEventLog(events)
        inOrder = zip(events, events.dropFirst()).allSatisfy { $0.seq < $1.seq }
        for event in events { marks.note(event) }
        refold()
    }

    /// The mesa's IANA time zone: the agenda's, else the plan's, else Guatemala's.
    public var timeZone: String { agenda.timeZone ?? plan.timeZone ?? Session.defaultTimeZone }
    public static let defaultTimeZone = "America/Guatemala"

    /// Journals are untrusted: readers refuse numbers beyond `JournalLimits`, and this saturates
    /// rather than trap if one slipped through.
    public var nextSeq: Int { (marks.lastSeq ?? 0).saturatingSuccessor }
    public var startedAt: Timestamp? { marks.firstAt }
    public var lastEventAt: Timestamp? { marks.lastAt }
    /// Who wrote the latest line that says (see `SessionEvent.recorder`).
    public var lastRecorder: String? { marks.lastRecorder }

    /// When the session began: as corrected, else its first recorded event (corrections aside,
    /// which may be typed long after).
    public var heldFrom: Timestamp? {
        correctedStart ?? marks.firstHeldAt
    }

    /// When the session ended: as corrected, else its last recorded event (corrections aside).
    public var heldUntil: Timestamp? {
        correctedEnd ?? marks.lastHeldAt
    }
    /// The item being held now, if any.
    public var runningItem: Int? { timings.first { $0.value.isRunning }?.key }

    public func report(_ key: MilestoneKey) -> MilestoneReport? { reports[key] }
    public func actionItem(_ number: Int) -> ActionItem? { actionItems.first { $0.number == number } }
    public var nextActionItemNumber: Int { (actionItems.map(\.number).max() ?? 0).saturatingSuccessor }

    /// The event with that sequence number, if the journal holds one.
    public func event(seq: Int) -> SessionEvent? {
        guard inOrder else { return events.first { $0.seq == seq } }
        // Recent events first: those a snapshot covers are read only when one of them is asked for.
        if let first = events.recent.first, first.seq <= seq { return Self.find(seq, in: events.recent) }
        return Self.find(seq, in: events)
    }

    private static func find<C: RandomAccessCollection>(_ seq: Int, in events: C) -> SessionEvent? where C.Element == SessionEvent, C.Index == Int {
        var low = events.startIndex, high = events.endIndex
        while low < high {
            let mid = (low + high) / 2
            if events[mid].seq < seq { low = mid + 1 } else { high = mid }
        }
        return low < events.endIndex && events[low].seq == seq ? events[low] : nil
    }

    /// Appends an event (already validated or not: invalid ones become problems).
    public mutating func apply(_ event: SessionEvent) {
        let ordered = inOrder && (marks.lastSeq.map { $0 < event.seq } ?? true)
        events.append(event)
        marks.note(event)
        guard ordered else {
            inOrder = false
            refold()
            return
        }
        switch event.kind {
        case .undone(let seq): undo(seq, by: event)
        case .redone(let seq): redo(seq, by: event)
        default:
            done.append(event.seq)
            redoStack.removeAll()
            if applyStep(event) { undoStack.append(event.seq) }
        }
    }

    /// Why an event cannot be applied to the session as it stands, or nil when it can.
    public func problem(with kind: SessionEventKind) -> LocalizedText? {
        switch kind {
        case .attendanceMarked(let seat, _, _):
            if agenda.seat(seat) == nil {
                return LocalizedText(es: "el asiento «\(seat)» no está en la agenda",
                                     en: "seat “\(seat)” is not in the agenda")
            }
        case .itemStarted(let item), .itemEnded(let item), .noteAdded(let item, _):
            if agenda.item(item) == nil { return unknownItem(item) }
        case .milestoneReported(let report):
            guard let item = agenda.item(report.item) else { return unknownItem(report.item) }
            guard item.commitment == report.key.commitment, item.milestones.contains(report.key.milestone) else {
                return LocalizedText(
                    es: "el hito \(report.key) no se informa en el punto \(report.item) de la agenda",
                    en: "milestone \(report.key) is not reported in agenda item \(report.item)")
            }
            if let p = report.percent, !(0...100).contains(p) {
                return LocalizedText(es: "el porcentaje \(p) está fuera de 0–100",
                                     en: "percent \(p) is outside 0–100")
            }
        case .actionItemAdded(let a):
            if agenda.item(a.item) == nil { return unknownItem(a.item) }
            if actionItem(a.number) != nil {
                return LocalizedText(es: "el acuerdo \(a.number) ya existe", en: "action item \(a.number) already exists")
            }
            if a.text.isEmpty {
                return LocalizedText(es: "el acuerdo no tiene texto", en: "the action item has no text")
            }
        case .actionItemEdited(let n, _), .actionItemClosed(let n, nil), .actionItemReopened(let n, nil):
            if actionItem(n) == nil {
                return LocalizedText(es: "no hay acuerdo número \(n) en esta sesión",
                                     en: "there is no action item number \(n) in this session")
            }
        case .actionItemClosed, .actionItemReopened, .nextSessionSet:
            break
        case .speakerQueued(let item, let speaker):
            if agenda.item(item) == nil { return unknownItem(item) }
            if speaker.name.isEmpty { return LocalizedText(es: "el orador no tiene nombre", en: "the speaker has no name") }
            if let seat = speaker.seat, agenda.seat(seat) == nil {
                return LocalizedText(es: "el asiento «\(seat)» no está en la agenda", en: "seat “\(seat)” is not in the agenda")
            }
        case .speakerWithdrawn(let item, let position):
            if agenda.item(item) == nil { return unknownItem(item) }
            let waiting = speakers[item]?.queue.count ?? 0
            if !(1...max(1, waiting)).contains(position) || waiting == 0 {
                return LocalizedText(es: "el punto \(item) no tiene orador en espera número \(position) (hay \(waiting))",
                                     en: "item \(item) has no waiting speaker number \(position) (there are \(waiting))")
            }
        case .floorGiven(let item):
            if agenda.item(item) == nil { return unknownItem(item) }
            if speakers[item]?.queue.isEmpty ?? true {
                return LocalizedText(es: "nadie espera la palabra en el punto \(item)", en: "no one is waiting for the floor in item \(item)")
            }
        case .floorEnded(let item):
            if agenda.item(item) == nil { return unknownItem(item) }
            if speakers[item]?.current == nil {
                return LocalizedText(es: "nadie tiene la palabra en el punto \(item)", en: "no one has the floor in item \(item)")
            }
        case .interventionSummarized(let item, let index, _):
            if agenda.item(item) == nil { return unknownItem(item) }
            let count = speakers[item]?.interventions.count ?? 0
            if !(1...max(1, count)).contains(index) || count == 0 {
                return LocalizedText(es: "el punto \(item) no tiene intervención número \(index) (hay \(count))",
                                     en: "item \(item) has no intervention number \(index) (there are \(count))")
            }
        case .timeCorrected(let item, let boundary, let time):
            if let item, agenda.item(item) == nil { return unknownItem(item) }
            let start = item.map { timings[$0]?.firstStart } ?? heldFrom
            let end = item.map { timings[$0]?.lastEnd } ?? correctedEnd
            let what = item.map { LocalizedText(es: "del punto \($0)", en: "of item \($0)") }
                ?? LocalizedText(es: "de la sesión", en: "of the session")
            if boundary == .end, let start, time < start {
                return LocalizedText(es: "la hora de fin \(what.es) (\(time.clock)) es anterior a su inicio (\(start.clock))",
                                     en: "the end \(what.en) (\(time.clock)) is before its start (\(start.clock))")
            }
            if boundary == .start, let end, end < time {
                return LocalizedText(es: "la hora de inicio \(what.es) (\(time.clock)) es posterior a su fin (\(end.clock))",
                                     en: "the start \(what.en) (\(time.clock)) is after its end (\(end.clock))")
            }
        case .undone(let seq):
            if undoStack.last != seq && !undoStack.contains(seq) {
                return LocalizedText(es: "no se puede deshacer el evento \(seq): no existe o ya está deshecho",
                                     en: "cannot undo event \(seq): it does not exist or is already undone")
            }
        case .redone(let seq):
            if !redoStack.contains(seq) {
                return LocalizedText(es: "no se puede rehacer el evento \(seq): no está deshecho",
                                     en: "cannot redo event \(seq): it is not undone")
            }
        }
        return nil
    }

    private func unknownItem(_ item: Int) -> LocalizedText {
        LocalizedText(es: "la agenda no tiene punto \(item) (tiene \(agenda.items.count))",
                      en: "the agenda has no item \(item) (it has \(agenda.items.count))")
    }

    /// Reported hitos in agenda order.
    public var orderedReports: [MilestoneReport] {
        var result: [MilestoneReport] = []
        for item in agenda.items {
            guard let c = item.commitment else { continue }
            for m in item.milestones {
                if let r = reports[MilestoneKey(commitment: c, milestone: m)], r.item == item.number {
                    result.append(r)
                }
            }
        }
        return result
    }

    public var openActionItemCount: Int { actionItems.filter { !$0.closed }.count }
}

extension Int {
    /// `self + 1`, or `Int.max` instead of a trap.
    public var saturatingSuccessor: Int { self == .max ? .max : self + 1 }
}
