import ActaCore

extension Draft {
    /// Whether the draft can go back into this session's screen: a draft is a file anyone could
    /// have edited, and one naming an item, hito, seat or intervention the agenda lacks must
    /// neither crash the screen nor put an event the journal would refuse.
    public func fits(_ session: Session) -> Bool {
        let agenda = session.agenda
        if let a = actionItem {
            guard agenda.item(a.item) != nil else { return false }
            if let n = a.number, session.actionItem(n) == nil { return false }
            return a.text.utf8.count <= InputLimits.fieldBytes
        }
        switch target {
        case nil, .nextSession?:
            return true
        case .times(let item)?:
            return item.map { agenda.item($0) != nil } ?? true
        case .itemNote(let item)?, .speakerName(let item)?:
            return agenda.item(item) != nil
        case .interventionSummary(let item, let index)?:
            return agenda.item(item) != nil && index >= 0 && index < (session.speakers[item]?.interventions.count ?? 0)
        case .delegate(let seat)?:
            return agenda.seat(seat) != nil
        case .percent?, .note?, .evidence?:
            guard let key = target?.milestone else { return false }
            return agenda.items.contains { $0.commitment == key.commitment && $0.milestones.contains(key.milestone) }
        }
    }
}
