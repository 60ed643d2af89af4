/// OGP's Independent Reporting Mechanism completion scale. The raw values are the
/// stable keys written to files; labels are for people.
public enum MilestoneStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case noEvidence = "no_evidence"
    case notStarted = "not_started"
    case limited
    case substantial
    case complete

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.noEvidence, .es): return "Sin evidencia"
        case (.noEvidence, .en): return "No evidence"
        case (.notStarted, .es): return "No iniciado"
        case (.notStarted, .en): return "Not started"
        case (.limited, .es): return "Limitado"
        case (.limited, .en): return "Limited"
        case (.substantial, .es): return "Sustancial"
        case (.substantial, .en): return "Substantial"
        case (.complete, .es): return "Completo"
        case (.complete, .en): return "Complete"
        }
    }
}

/// Identifies a hito within a plan.
public struct MilestoneKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let commitment: Int
    public let milestone: Int

    public init(commitment: Int, milestone: Int) {
        self.commitment = commitment
        self.milestone = milestone
    }

    public static func < (a: MilestoneKey, b: MilestoneKey) -> Bool {
        (a.commitment, a.milestone) < (b.commitment, b.milestone)
    }

    public var description: String { "\(commitment).\(milestone)" }
}

/// What the mesa recorded about one hito in one session.
public struct MilestoneReport: Sendable, Hashable {
    /// The agenda item in which it was reported.
    public var item: Int
    public var key: MilestoneKey
    public var status: MilestoneStatus?
    /// 0–100.
    public var percent: Int?
    /// The mesa (State and civil society jointly) validated the percentage.
    public var validated: Bool
    /// The hito's dates were moved.
    public var rescheduled: Bool
    public var evidence: String
    public var note: String

    public init(item: Int, key: MilestoneKey, status: MilestoneStatus? = nil, percent: Int? = nil,
                validated: Bool = false, rescheduled: Bool = false, evidence: String = "", note: String = "") {
        self.item = item
        self.key = key
        self.status = status
        self.percent = percent
        self.validated = validated
        self.rescheduled = rescheduled
        self.evidence = evidence
        self.note = note
    }
}
