/// A session together with the folder name that identifies it.
public struct NamedSession: Sendable {
    public let name: String
    public let session: Session

    public init(name: String, session: Session) {
        self.name = name
        self.session = session
    }

    public var date: CalendarDate { session.agenda.date }
    public var isDemonstration: Bool { session.agenda.isDemonstration }
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
    public let actaNumber: String

    public init(session: String, date: CalendarDate, report: MilestoneReport, actaNumber: String = "") {
        self.session = session
        self.date = date
        self.report = report
        self.actaNumber = actaNumber
    }
}

/// Every session of the mesa, oldest first: what spans sessions (previous reports,
/// acuerdos carried forward) is answered here.
/// It holds each session's summary, not its journal, so it can come from the session index.
public struct MesaArchive: Sendable {
    public let sessions: [SessionSummary]

    public init(summaries: [SessionSummary]) {
        self.sessions = summaries.sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }

    public init(_ sessions: [NamedSession]) {
        self.init(summaries: sessions.map(SessionSummary.init))
    }

    public func index(of name: String) -> Int? { sessions.firstIndex { $0.name == name } }

    private var demonstrationByName: [String: Bool] {
        Dictionary(sessions.map { ($0.name, $0.isDemonstration) }, uniquingKeysWith: { a, _ in a })
    }

    /// Real sessions only, oldest first: what numbering, comparisons and the OGP cadence count.
    public var realSessions: [SessionSummary] { sessions.filter { !$0.isDemonstration } }

    /// Whether two sessions may draw on each other: a real session never takes anything from a
    /// demonstration (fictitious data), and a demonstration only from demonstrations.
    static func sameKind(_ a: SessionSummary, _ b: SessionSummary) -> Bool { a.isDemonstration == b.isDemonstration }

    /// The latest report of the same hito of the same plan in a session of the same kind before `name`.
    public func previousReport(of key: MilestoneKey, before name: String) -> EarlierReport? {
        guard let i = index(of: name) else { return nil }
        let current = sessions[i]
        for earlier in sessions[..<i].reversed()
        where earlier.planID == current.planID && Self.sameKind(earlier, current) {
            if let report = earlier.report(key) {
                return EarlierReport(session: earlier.name, date: earlier.date, report: report,
                                     actaNumber: earlier.actaNumber)
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
        let demonstration = demonstrationByName
        for s in sessions[...last] {
            // A demonstration can never close a real acuerdo, nor the other way round.
            for (ref, closed) in s.carriedClosures where demonstration[ref.session] == s.isDemonstration {
                closures[ref] = closed
            }
        }
        var result: [CarriedActionItem] = []
        for s in sessions[...last] {
            for var item in s.actionItems {
                let ref = ActionItemRef(session: s.name, number: item.number)
                if let closed = closures[ref] { item.closed = closed }
                result.append(CarriedActionItem(ref: ref, actaNumber: s.actaNumber,
                                                date: s.date, item: item))
            }
        }
        return result
    }

    /// Acuerdos of earlier sessions of the same kind as `name`, as known at that session
    /// (closures made in it counted): what the session follows up.
    public func carried(into name: String) -> [CarriedActionItem] {
        guard let i = index(of: name) else { return [] }
        let kindOf = demonstrationByName
        return actionItems(asOf: name).filter { $0.ref.session != name && kindOf[$0.ref.session] == sessions[i].isDemonstration }
    }

    /// Acuerdos of sessions before `name` (of its kind) still open when it began (closures made in it not counted).
    public func openBefore(_ name: String) -> [CarriedActionItem] {
        guard let i = index(of: name), i > 0 else { return [] }
        let current = sessions[i]
        let kindOf = demonstrationByName
        return actionItems(asOf: sessions[i - 1].name).filter {
            !$0.item.closed && kindOf[$0.ref.session] == current.isDemonstration
        }
    }

    /// How many of each session's own acuerdos are open now, by session name.
    public func openActionItemCounts() -> [String: Int] {
        actionItems().reduce(into: [:]) { counts, c in
            if !c.item.closed { counts[c.ref.session, default: 0] += 1 }
        }
    }

    /// Open acuerdos of earlier sessions of the same kind as `name`, as known at that session.
    public func openCarried(into name: String) -> [CarriedActionItem] {
        carried(into: name).filter { !$0.item.closed }
    }
}
