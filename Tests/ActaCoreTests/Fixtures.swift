import ActaCore

/// A small plan and agenda to fold events over.
enum Fixture {
    static let plan = Plan(id: "p", name: "Plan", commitments: [
        Commitment(number: 1, ogpID: "GT0109", titleES: nil, titleEN: "Open Data", institution: "MINGOB",
                   institutionShort: "MINGOB", support: [],
                   milestones: (1...3).map { Milestone(number: $0, text: nil, start: nil, end: nil) }),
    ])
    static let agenda = Agenda(actaNumber: "1-2023", title: "Mesa", date: CalendarDate(iso: "2023-03-29")!,
                               plannedStart: "09:00", place: nil, convener: nil, planID: "p",
                               seats: [Seat(id: "gae", name: "GAE", kind: .government, delegates: []),
                                       Seat(id: "mingob", name: "MINGOB", kind: .government, delegates: [])],
                               items: [AgendaItem(number: 1, kind: .free(title: "Bienvenida", presenter: nil), plannedMinutes: 5),
                                       AgendaItem(number: 2, kind: .report(institution: "mingob", commitment: 1, milestones: [1, 2]),
                                                  plannedMinutes: 10)])

    static func at(_ minute: Int) -> Timestamp {
        Timestamp(iso: "2023-03-29T09:00:00-06:00")!.adding(seconds: minute * 60)
    }

    static func session(_ kinds: [SessionEventKind]) -> Session {
        Session(agenda: agenda, plan: plan,
                events: kinds.enumerated().map { SessionEvent(seq: $0.offset + 1, at: at($0.offset), kind: $0.element) })
    }

    static func report(_ milestone: Int, _ status: MilestoneStatus, _ percent: Int) -> SessionEventKind {
        .milestoneReported(MilestoneReport(item: 2, key: MilestoneKey(commitment: 1, milestone: milestone),
                                           status: status, percent: percent))
    }
}
