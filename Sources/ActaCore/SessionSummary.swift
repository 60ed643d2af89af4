/// What the views across sessions need of one session (lists, acuerdos, a hito's history,
/// previous reports), without its journal: the session index stores these, so listing a
/// thousand sessions does not fold a thousand journals.
public struct SessionSummary: Sendable, Hashable {
    /// An institution's report slot in the agenda, for the plan summary.
    public struct ReportSlot: Sendable, Hashable {
        /// The agenda item.
        public let item: Int
        public let institution: String
        public let commitment: Int
        public let milestones: [Int]

        public init(item: Int, institution: String, commitment: Int, milestones: [Int]) {
            self.item = item
            self.institution = institution
            self.commitment = commitment
            self.milestones = milestones
        }
    }

    public let name: String
    public let date: CalendarDate
    public let actaNumber: String
    public let title: String
    public let planID: String
    public let isDemonstration: Bool
    /// Reported hitos in agenda order.
    public let reports: [MilestoneReport]
    public let actionItems: [ActionItem]
    /// Acuerdos of earlier sessions closed (true) or reopened (false) in this one.
    public let carriedClosures: [ActionItemRef: Bool]
    public let slots: [ReportSlot]

    public init(name: String, date: CalendarDate, actaNumber: String, title: String, planID: String, isDemonstration: Bool,
                reports: [MilestoneReport], actionItems: [ActionItem], carriedClosures: [ActionItemRef: Bool], slots: [ReportSlot]) {
        self.name = name
        self.date = date
        self.actaNumber = actaNumber
        self.title = title
        self.planID = planID
        self.isDemonstration = isDemonstration
        self.reports = reports
        self.actionItems = actionItems
        self.carriedClosures = carriedClosures
        self.slots = slots
    }

    public init(name: String, session s: Session) {
        let slots = s.agenda.items.compactMap { item -> ReportSlot? in
            guard case .report(let seat, let c, let milestones) = item.kind else { return nil }
            return ReportSlot(item: item.number, institution: s.agenda.seat(seat)?.name ?? seat, commitment: c, milestones: milestones)
        }
        self.init(name: name, date: s.agenda.date, actaNumber: s.agenda.actaNumber, title: s.agenda.title, planID: s.plan.id,
                  isDemonstration: s.agenda.isDemonstration, reports: s.orderedReports, actionItems: s.actionItems,
                  carriedClosures: s.carriedClosures, slots: slots)
    }

    public init(_ named: NamedSession) { self.init(name: named.name, session: named.session) }

    public func report(_ key: MilestoneKey) -> MilestoneReport? { reports.first { $0.key == key } }

    public var openActionItemCount: Int { actionItems.filter { !$0.closed }.count }

    /// The title as lists show it: a demonstration is marked as such.
    public func listedTitle(_ language: Language) -> String { labelled(title, language) }

    /// A text of this session as lists show it: marked when the session is a demonstration (fictitious data).
    public func labelled(_ text: String, _ language: Language) -> String {
        isDemonstration ? (language == .es ? "[ejemplo] " : "[example] ") + text : text
    }
}
