/// A session's fold as it stands after some of its journal's events, without the events: what a
/// snapshot keeps, so a long journal opens by restoring it and applying only the events after it.
public struct SessionFoldState: Sendable, Hashable {
    public var attendance: [String: Attendance]
    public var timings: [Int: ItemTiming]
    public var reports: [MilestoneKey: MilestoneReport]
    public var notes: [Int: [String]]
    public var actionItems: [ActionItem]
    public var carriedClosures: [ActionItemRef: Bool]
    public var nextSession: NextSession?
    public var speakers: [Int: SpeakersList]
    public var correctedStart: Timestamp?
    public var correctedEnd: Timestamp?
    /// Undo/redo problems first (`controlProblemCount` of them), then content problems.
    public var problems: [SessionProblem]
    public var controlProblemCount: Int
    /// The standing content events in the order undo and redo left them.
    public var done: [Int]
    public var undoStack: [Int]
    public var redoStack: [Int]
    /// The latest standing content event (undo of it, and redo onto the end, need no re-fold).
    public var topSeq: Int?
    /// How many events the fold covers, and facts about them.
    public var eventCount: Int
    public var lastSeq: Int?
    public var firstAt: Timestamp?
    public var lastAt: Timestamp?
    public var firstHeldAt: Timestamp?
    public var lastHeldAt: Timestamp?
    public var lastRecorder: String?

    public init(attendance: [String: Attendance], timings: [Int: ItemTiming], reports: [MilestoneKey: MilestoneReport],
                notes: [Int: [String]], actionItems: [ActionItem], carriedClosures: [ActionItemRef: Bool],
                nextSession: NextSession?, speakers: [Int: SpeakersList], correctedStart: Timestamp?, correctedEnd: Timestamp?,
                problems: [SessionProblem], controlProblemCount: Int, done: [Int], undoStack: [Int], redoStack: [Int],
                topSeq: Int?, eventCount: Int, lastSeq: Int?, firstAt: Timestamp?, lastAt: Timestamp?,
                firstHeldAt: Timestamp?, lastHeldAt: Timestamp?, lastRecorder: String?) {
        self.attendance = attendance; self.timings = timings; self.reports = reports; self.notes = notes
        self.actionItems = actionItems; self.carriedClosures = carriedClosures; self.nextSession = nextSession
        self.speakers = speakers; self.correctedStart = correctedStart; self.correctedEnd = correctedEnd
        self.problems = problems; self.controlProblemCount = controlProblemCount; self.done = done
        self.undoStack = undoStack; self.redoStack = redoStack; self.topSeq = topSeq; self.eventCount = eventCount
        self.lastSeq = lastSeq; self.firstAt = firstAt; self.lastAt = lastAt; self.firstHeldAt = firstHeldAt
        self.lastHeldAt = lastHeldAt; self.lastRecorder = lastRecorder
    }
}

extension Session {
    /// The fold as it stands, for a snapshot; nil when sequence numbers are out of order (such a
    /// journal is always folded whole).
    public var foldState: SessionFoldState? {
        guard inOrder else { return nil }
        let top = steps.last?.seq ?? baseTopSeq
        return SessionFoldState(
            attendance: attendance, timings: timings, reports: reports, notes: notes, actionItems: actionItems,
            carriedClosures: carriedClosures, nextSession: nextSession, speakers: speakers, correctedStart: correctedStart,
            correctedEnd: correctedEnd, problems: problems, controlProblemCount: controlProblemCount, done: done,
            undoStack: undoStack, redoStack: redoStack, topSeq: top == Int.min ? nil : top, eventCount: events.count,
            lastSeq: marks.lastSeq, firstAt: marks.firstAt, lastAt: marks.lastAt, firstHeldAt: marks.firstHeldAt,
            lastHeldAt: marks.lastHeldAt, lastRecorder: marks.lastRecorder)
    }

    /// A session restored from a fold state and the events it covers (read only if needed).
    /// Apply the events after them with `apply`, as for any new event.
    public init(agenda: Agenda, plan: Plan, restoring state: SessionFoldState, earlier: any EarlierEvents) {
        self.agenda = agenda
        self.plan = plan
        events = SessionEventLog(earlier: earlier)
        attendance = state.attendance; timings = state.timings; reports = state.reports; notes = state.notes
        actionItems = state.actionItems; carriedClosures = state.carriedClosures; nextSession = state.nextSession
        speakers = state.speakers; correctedStart = state.correctedStart; correctedEnd = state.correctedEnd
        problems = state.problems; controlProblemCount = state.controlProblemCount; done = state.done
        undoStack = state.undoStack; redoStack = state.redoStack
        baseTopSeq = state.topSeq ?? Int.min
        marks = EventMarks(lastSeq: state.lastSeq, firstAt: state.firstAt, lastAt: state.lastAt, firstHeldAt: state.firstHeldAt,
                           lastHeldAt: state.lastHeldAt, lastRecorder: state.lastRecorder)
    }
}
