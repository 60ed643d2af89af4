import ActaCore

/// What a field editor is editing.
public enum EditTarget: Sendable, Hashable, Codable {
    case percent(commitment: Int, milestone: Int)
    case note(commitment: Int, milestone: Int)
    case evidence(commitment: Int, milestone: Int)
    case itemNote(item: Int)
    case delegate(seat: String)
    case nextSession
    /// The start and end typed for an item, or for the session (`item` nil).
    case times(item: Int?)
    /// A name being put on an item's list of speakers.
    case speakerName(item: Int)
    /// The summary of an item's intervention (`index` from 0).
    case interventionSummary(item: Int, index: Int)

    /// Typed on the message line at the bottom rather than in the right pane.
    public var isBottomPrompt: Bool {
        switch self {
        case .nextSession, .times: return true
        default: return false
        }
    }

    public var milestone: MilestoneKey? {
        switch self {
        case .percent(let c, let m), .note(let c, let m), .evidence(let c, let m): return MilestoneKey(commitment: c, milestone: m)
        default: return nil
        }
    }
}

/// Text being typed, saved to disk every second so a crash loses at most the last second.
public struct Draft: Sendable, Hashable, Codable {
    public var target: EditTarget?
    public var text: String
    /// For an acuerdo being written: its fields, and the acuerdo number when editing one.
    public var actionItem: ActionItemDraft?

    public init(target: EditTarget?, text: String, actionItem: ActionItemDraft? = nil) {
        self.target = target
        self.text = text
        self.actionItem = actionItem
    }

    /// Whether there is anything to offer back: an empty draft is never offered.
    public var holdsText: Bool {
        if !text.trimmingSpaces().isEmpty { return true }
        guard let a = actionItem else { return false }
        return ![a.text, a.responsible, a.due].allSatisfy { $0.trimmingSpaces().isEmpty }
    }
}

public struct ActionItemDraft: Sendable, Hashable, Codable {
    public var number: Int?
    public var item: Int
    public var text: String
    public var isDecision: Bool
    public var responsible: String
    public var due: String
}
