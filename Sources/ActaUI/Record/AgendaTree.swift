import ActaCore

/// A row of the agenda pane: attendance, an item, or one of an item's hitos.
public enum TreeRow: Sendable, Hashable {
    case attendance
    case item(Int)
    case milestone(item: Int, key: MilestoneKey)

    public var item: Int? {
        switch self {
        case .attendance: return nil
        case .item(let n): return n
        case .milestone(let n, _): return n
        }
    }

    public var milestone: MilestoneKey? {
        if case .milestone(_, let key) = self { return key }
        return nil
    }

    /// Rows of an agenda in order.
    public static func rows(_ agenda: Agenda) -> [TreeRow] {
        var rows: [TreeRow] = [.attendance]
        for item in agenda.items {
            rows.append(.item(item.number))
            if let c = item.commitment {
                rows += item.milestones.map { .milestone(item: item.number, key: MilestoneKey(commitment: c, milestone: $0)) }
            }
        }
        return rows
    }
}

extension MilestoneStatus {
    /// The letter shown in the agenda pane, the same as the key that sets it.
    public var mark: Character {
        switch self {
        case .noEvidence: return "x"
        case .notStarted: return "i"
        case .limited: return "l"
        case .substantial: return "s"
        case .complete: return "c"
        }
    }
}
