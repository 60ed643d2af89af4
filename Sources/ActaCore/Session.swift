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
}

/// A session at a moment: the fold of its journal's events over its agenda and plan.
/// Nothing else is the source of truth.
public struct Session: Sendable {
    public let agenda: Agenda
    public let plan: Plan
    public private(set) var events: [SessionEvent] = []

    public private(set) var attendance: [String: Attendance] = [:]
    public private(set) var timings: [Int: ItemTiming] = [:]
    public private(set) var reports: [MilestoneKey: MilestoneReport] = [:]
    public private(set) var notes: [Int: [String]] = [:]
    public private(set) var actionItems: [ActionItem] = []
    /// Acuerdos of earlier sessions closed (true) or reopened (false) in this one, last word wins.
    public private(set) var carriedClosures: [ActionItemRef: Bool] = [:]
    public private(set) var nextSession: NextSession?
    /// Each item's list of speakers (only items where someone asked for the floor).
    public private(set) var speakers: [Int: SpeakersList] = [:]
    public private(set) var problems: [SessionProblem] = []
    /// Content events that undo can take back, oldest first.
    public private(set) var undoStack: [Int] = []
    /// Undone events that redo can bring back, most recent last.
    public private(set) var redoStack: [Int] = []

    public init(agenda: Agenda, plan: Plan, events: [SessionEvent] = []) {
        self.agenda = agenda
        self.plan = plan
        self.events = events
        refold()
    }

    /// The mesa's IANA time zone: the agenda's, else the plan's, else Guatemala's.
    public var timeZone: String { agenda.timeZone ?? plan.timeZone ?? Session.defaultTimeZone }
    public static let defaultTimeZone = "America/Guatemala"

    /// Journals are untrusted: readers refuse numbers beyond `JournalLimits`, and this saturates
    /// rather than trap if one slipped through.
    public var nextSeq: Int { (events.last?.seq ?? 0).saturatingSuccessor }
    public var startedAt: Timestamp? { events.first?.at }
    public var lastEventAt: Timestamp? { events.last?.at }
    /// The session's start and end typed by the secretary (`time_corrected` without an item).
    public private(set) var correctedStart: Timestamp?
    public private(set) var correctedEnd: Timestamp?

    /// When the session began: as corrected, else its first recorded event (corrections aside,
    /// which may be typed long after).
    public var heldFrom: Timestamp? {
        correctedStart ?? events.first { if case .timeCorrected = $0.kind { return false } else { return true } }?.at
    }

    /// When the session ended: as corrected, else its last recorded event (corrections aside).
    public var heldUntil: Timestamp? {
        correctedEnd ?? events.last { if case .timeCorrected = $0.kind { return false } else { return true } }?.at
    }
    /// The item being held now, if any.
    public var runningItem: Int? { timings.first { $0.value.isRunning }?.key }

    public func report(_ key: MilestoneKey) -> MilestoneReport? { reports[key] }
    public func actionItem(_ number: Int) -> ActionItem? { actionItems.first { $0.number == number } }
    public var nextActionItemNumber: Int { (actionItems.map(\.number).max() ?? 0).saturatingSuccessor }

    /// Appends an event (already validated or not: invalid ones become problems).
    public mutating func apply(_ event: SessionEvent) {
        events.append(event)
        switch event.kind {
        case .undone, .redone:
            refold()
        default:
            applyContent(event, recordingUndo: true)
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
            if !undoStack.contains(seq) {
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

    /// Recomputes everything from the events, honouring undo and redo.
    private mutating func refold() {
        attendance = [:]; timings = [:]; reports = [:]; notes = [:]; actionItems = []
        carriedClosures = [:]; nextSession = nil; problems = []; speakers = [:]; correctedStart = nil; correctedEnd = nil
        // First pass: which content events stand after every undo/redo.
        var done: [Int] = []
        var redo: [Int] = []
        var inactive = Set<Int>()
        for event in events {
            switch event.kind {
            case .undone(let seq):
                if let i = done.lastIndex(of: seq) {
                    done.remove(at: i); redo.append(seq); inactive.insert(seq)
                } else {
                    problems.append(SessionProblem(seq: event.seq, message: LocalizedText(
                        es: "no se puede deshacer el evento \(seq): no existe o ya está deshecho",
                        en: "cannot undo event \(seq): it does not exist or is already undone")))
                }
            case .redone(let seq):
                if let i = redo.lastIndex(of: seq) {
                    redo.remove(at: i); done.append(seq); inactive.remove(seq)
                } else {
                    problems.append(SessionProblem(seq: event.seq, message: LocalizedText(
                        es: "no se puede rehacer el evento \(seq): no está deshecho",
                        en: "cannot redo event \(seq): it is not undone")))
                }
            default:
                done.append(event.seq)
                redo.removeAll()
            }
        }
        // Second pass: apply the standing events in journal order.
        for event in events where !inactive.contains(event.seq) {
            if case .undone = event.kind { continue }
            if case .redone = event.kind { continue }
            applyContent(event, recordingUndo: false)
        }
        undoStack = done.filter { seq in !problems.contains { $0.seq == seq } }
        redoStack = redo
    }

    private mutating func applyContent(_ event: SessionEvent, recordingUndo: Bool) {
        if let problem = problem(with: event.kind) {
            problems.append(SessionProblem(seq: event.seq, message: problem))
            return
        }
        if recordingUndo {
            undoStack.append(event.seq)
            redoStack.removeAll()
        }
        switch event.kind {
        case .attendanceMarked(let seat, let present, let delegate):
            attendance[seat] = Attendance(present: present, delegate: delegate)
        case .itemStarted(let item):
            // Starting an item ends whichever one was running, and a turn at the floor in it.
            for (number, timing) in timings where timing.isRunning && number != item {
                timings[number]?.spans[timing.spans.count - 1].end = event.at
                endTurn(in: number, at: event.at)
            }
            if timings[item]?.isRunning != true {
                timings[item, default: ItemTiming()].spans.append(.init(start: event.at, end: nil))
            }
        case .itemEnded(let item):
            if let timing = timings[item], timing.isRunning {
                timings[item]?.spans[timing.spans.count - 1].end = event.at
            }
            endTurn(in: item, at: event.at)
        case .milestoneReported(let report):
            reports[report.key] = report
        case .noteAdded(let item, let text):
            notes[item, default: []].append(text)
        case .actionItemAdded(let item):
            actionItems.append(item)
        case .actionItemEdited(let number, let changes):
            guard let i = actionItems.firstIndex(where: { $0.number == number }) else { return }
            if let kind = changes.kind { actionItems[i].kind = kind }
            if let text = changes.text { actionItems[i].text = text }
            if let responsible = changes.responsible { actionItems[i].responsible = responsible }
            if let due = changes.due { actionItems[i].due = due }
        case .actionItemClosed(let number, let session), .actionItemReopened(let number, let session):
            let closed: Bool
            if case .actionItemClosed = event.kind { closed = true } else { closed = false }
            if let session {
                carriedClosures[ActionItemRef(session: session, number: number)] = closed
            } else if let i = actionItems.firstIndex(where: { $0.number == number }) {
                actionItems[i].closed = closed
            }
        case .nextSessionSet(let date, let note):
            nextSession = NextSession(date: date, note: note)
        case .timeCorrected(let item, let boundary, let time):
            switch (item, boundary) {
            case (let n?, .start): timings[n, default: ItemTiming()].correctedStart = time
            case (let n?, .end): timings[n, default: ItemTiming()].correctedEnd = time
            case (nil, .start): correctedStart = time
            case (nil, .end): correctedEnd = time
            }
        case .speakerQueued(let item, let speaker):
            speakers[item, default: SpeakersList()].queue.append(speaker)
        case .speakerWithdrawn(let item, let position):
            speakers[item]?.queue.remove(at: position - 1)
        case .floorGiven(let item):
            // One speaker at a time in the whole mesa.
            for number in speakers.keys { endTurn(in: number, at: event.at) }
            guard let next = speakers[item]?.queue.first else { return }
            speakers[item]?.queue.removeFirst()
            speakers[item]?.interventions.append(Intervention(speaker: next, start: event.at, end: nil))
        case .floorEnded(let item):
            endTurn(in: item, at: event.at)
        case .interventionSummarized(let item, let index, let summary):
            speakers[item]?.interventions[index - 1].summary = summary
        case .undone, .redone:
            break
        }
    }

    private mutating func endTurn(in item: Int, at time: Timestamp) {
        guard let last = speakers[item]?.interventions.indices.last, speakers[item]?.interventions[last].end == nil else { return }
        speakers[item]?.interventions[last].end = time
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
