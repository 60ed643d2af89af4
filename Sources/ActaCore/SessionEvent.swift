/// A change to a session's fields; `nil` leaves a field as it was.
public struct ActionItemChanges: Sendable, Hashable {
    public var kind: ActionItemKind?
    public var text: String?
    public var responsible: String?
    /// `.some(nil)` removes the fecha límite.
    public var due: CalendarDate??

    public init(kind: ActionItemKind? = nil, text: String? = nil, responsible: String? = nil,
                due: CalendarDate?? = nil) {
        self.kind = kind
        self.text = text
        self.responsible = responsible
        self.due = due
    }
}

/// Which end of an item or of the session a time correction moves.
public enum TimeBoundary: String, Sendable, Hashable, CaseIterable {
    case start, end
}

/// What happened in a session, as recorded in its journal.
public enum SessionEventKind: Sendable, Hashable {
    case attendanceMarked(seat: String, present: Bool, delegate: String?)
    case itemStarted(item: Int)
    case itemEnded(item: Int)
    /// The whole report of a hito as it now stands; a later report of the same hito replaces it.
    case milestoneReported(MilestoneReport)
    case noteAdded(item: Int, text: String)
    case actionItemAdded(ActionItem)
    case actionItemEdited(number: Int, changes: ActionItemChanges)
    /// `session` names an earlier session's folder when closing an acuerdo carried from it.
    case actionItemClosed(number: Int, session: String?)
    case actionItemReopened(number: Int, session: String?)
    case nextSessionSet(date: CalendarDate, note: String?)
    /// Someone asks for the floor in an item: last in its list of speakers.
    case speakerQueued(item: Int, speaker: Speaker)
    /// A waiting speaker leaves the list (`position` counts from 1).
    case speakerWithdrawn(item: Int, position: Int)
    /// The first waiting speaker of the item takes the floor; a turn in progress ends.
    case floorGiven(item: Int)
    /// The turn in progress in the item ends, with no one next.
    case floorEnded(item: Int)
    /// The one-line summary of an item's `index`-th intervention (from 1).
    case interventionSummarized(item: Int, index: Int, summary: String)
    /// The start or end of an item (or of the session, `item` nil) is set to `time`, typed by
    /// the secretary: it overrides the clock, which stays in the journal as it was.
    case timeCorrected(item: Int?, boundary: TimeBoundary, time: Timestamp)
    /// Undo the event with that sequence number.
    case undone(seq: Int)
    /// Redo an undone event.
    case redone(seq: Int)

    /// Stable key written to the journal.
    public var name: String {
        switch self {
        case .attendanceMarked: return "attendance_marked"
        case .itemStarted: return "item_started"
        case .itemEnded: return "item_ended"
        case .milestoneReported: return "milestone_reported"
        case .noteAdded: return "note_added"
        case .actionItemAdded: return "action_item_added"
        case .actionItemEdited: return "action_item_edited"
        case .actionItemClosed: return "action_item_closed"
        case .actionItemReopened: return "action_item_reopened"
        case .nextSessionSet: return "next_session_set"
        case .speakerQueued: return "speaker_queued"
        case .speakerWithdrawn: return "speaker_withdrawn"
        case .floorGiven: return "floor_given"
        case .floorEnded: return "floor_ended"
        case .interventionSummarized: return "intervention_summarized"
        case .timeCorrected: return "time_corrected"
        case .undone: return "undone"
        case .redone: return "redone"
        }
    }
}

/// One line of the journal: a sequence number, when, and what.
public struct SessionEvent: Sendable, Hashable {
    public let seq: Int
    public let at: Timestamp
    public let kind: SessionEventKind
    /// Who wrote the line (the recorder's id, see `RecorderIdentity`): one writer per session
    /// across machines is checked by comparing these when journals are shared.
    public var recorder: String?

    public init(seq: Int, at: Timestamp, kind: SessionEventKind, recorder: String? = nil) {
        self.seq = seq
        self.at = at
        self.kind = kind
        self.recorder = recorder
    }
}
