/// A session together with the folder name that identifies it.
public struct NamedSession: Sendable {
    public let name: String
    public let session: Session

    public init(name: String, session: Session) {
        self.name = name
        self.session = session
    }

    public var date: CalendarDate { session.agenda.date }
}

/// An acuerdo of an earlier session as seen from a later one.
public struct CarriedActionItem: Sendable, Hashable {
    public let ref: ActionItemRef
    public let actaNumber: String
    public let date: CalendarDate
    public let item: ActionItem
}

/// A report of a hito in an earlier session.
public struct EarlierReport: Sendable, Hashable {
    public let session: String
    public let date: CalendarDate
    public let report: MilestoneReport
}

/// Every session of the mesa, oldest first: what spans sessions (previous reports,
/// acuerdos carried forward) is answered here.
public struct MesaArchive: Sendable {
    public let sessions: [NamedSession]

    public init(_ sessions: [NamedSession]) {
        self.sessions = sessions.sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }

    public func index(of name: String) -> Int? { sessions.firstIndex { $0.name == name } }

    /// The latest report of the same hito of the same plan in a session before `name`.
    public func previousReport(of key: MilestoneKey, before name: String) -> EarlierReport? {
        guard let i = index(of: name) else { return nil }
        let planID = sessions[i].session.plan.id
        for earlier in sessions[..<i].reversed() where earlier.session.plan.id == planID {
            if let report = earlier.session.report(key) {
                return EarlierReport(session: earlier.name, date: earlier.date, report: report)
            }
        }
        return nil
    }

    /// Every acuerdo of every session with its status as of the session named `asOf`
    /// (closures recorded in later sessions are not yet known then); nil means as of the latest.
    public func actionItems(asOf name: String? = nil) -> [CarriedActionItem] {
        let last = name.flatMap(index(of:)) ?? (sessions.count - 1)
        guard last >= 0 else { return [] }
        var closures: [ActionItemRef: Bool] = [:]
        for s in sessions[...last] {
            for (ref, closed) in s.session.carriedClosures { closures[ref] = closed }
        }
        var result: [CarriedActionItem] = []
        for s in sessions[...last] {
            for var item in s.session.actionItems {
                let ref = ActionItemRef(session: s.name, number: item.number)
                if let closed = closures[ref] { item.closed = closed }
                result.append(CarriedActionItem(ref: ref, actaNumber: s.session.agenda.actaNumber,
                                                date: s.date, item: item))
            }
        }
        return result
    }

    /// Acuerdos of sessions before `name` still open when it began (closures made in it not counted).
    public func openBefore(_ name: String) -> [CarriedActionItem] {
        guard let i = index(of: name), i > 0 else { return [] }
        return actionItems(asOf: sessions[i - 1].name).filter { !$0.item.closed }
    }

    /// How many of each session's own acuerdos are open now, by session name.
    public func openActionItemCounts() -> [String: Int] {
        actionItems().reduce(into: [:]) { counts, c in
            if !c.item.closed { counts[c.ref.session, default: 0] += 1 }
        }
    }

    /// Open acuerdos of sessions before `name`, as known at that session.
    public func openCarried(into name: String) -> [CarriedActionItem] {
        actionItems(asOf: name).filter { $0.ref.session != name && !$0.item.closed }
    }
}
