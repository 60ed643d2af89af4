/// Whether a member seat belongs to the State or to civil society.
public enum SeatKind: String, Sendable, Hashable, CaseIterable {
    case government = "gobierno"
    case civilSociety = "sociedad civil"

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.government, .es): return "Gobierno"
        case (.government, .en): return "Government"
        case (.civilSociety, .es): return "Sociedad civil"
        case (.civilSociety, .en): return "Civil society"
        }
    }
}

/// A member seat of the mesa: an institution or an organisation, and who may sit in it.
public struct Seat: Sendable, Hashable {
    public let id: String
    public let name: String
    public let kind: SeatKind
    public let delegates: [String]

    public init(id: String, name: String, kind: SeatKind, delegates: [String]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.delegates = delegates
    }
}

extension Seat {
    /// The seat for a later session: the delegate recorded at attendance joins those listed.
    public func carryingDelegates(recorded: String?) -> Seat {
        guard let recorded, !recorded.isEmpty, !delegates.contains(recorded) else { return self }
        return Seat(id: id, name: name, kind: kind, delegates: [recorded] + delegates)
    }
}

/// What an agenda item is about.
public enum AgendaItemKind: Sendable, Hashable {
    /// Welcome, an overview, any other business…
    case free(title: String, presenter: String?)
    /// An institution (a seat id) reports on the given hitos of one commitment.
    case report(institution: String, commitment: Int, milestones: [Int])
}

/// One item of the order of the day; numbered from 1 in agenda order.
public struct AgendaItem: Sendable, Hashable {
    public let number: Int
    public let kind: AgendaItemKind
    public let plannedMinutes: Int?
    /// The acta read and put to the mesa's approval in this (free) item, e.g. `1-2023`.
    public let approvesActa: String?

    public init(number: Int, kind: AgendaItemKind, plannedMinutes: Int?, approvesActa: String? = nil) {
        self.number = number
        self.kind = kind
        self.plannedMinutes = plannedMinutes
        self.approvesActa = approvesActa
    }

    public var milestones: [Int] {
        if case .report(_, _, let m) = kind { return m }
        return []
    }

    public var commitment: Int? {
        if case .report(_, let c, _) = kind { return c }
        return nil
    }
}

/// Values of an agenda that are the tool's own suggestion, not facts from a source:
/// the acta prints them as suggestions or not at all.
public enum SuggestedField: String, Sendable, Hashable, CaseIterable {
    /// The acta number label (`acta:`).
    case acta
    /// The planned minutes of the items.
    case minutes
}

/// The agenda of one session: what was planned before the mesa met.
public struct Agenda: Sendable, Hashable {
    public let actaNumber: String
    public let title: String
    public let date: CalendarDate
    /// `HH:MM`.
    public let plannedStart: String?
    public let place: String?
    public let convener: String?
    public let planID: String
    public let seats: [Seat]
    public let items: [AgendaItem]
    /// A demonstration session (fictitious data): never numbered, compared with, carried
    /// into or counted as a real session.
    public let isDemonstration: Bool
    /// Fields whose values the tool suggested (see `SuggestedField`).
    public let suggested: Set<SuggestedField>
    /// IANA time zone of the mesa (`America/Guatemala`); nil: the plan's, else the default.
    public let timeZone: String?
    /// The city where the mesa met, for the acta's opening ("Ciudad de Guatemala").
    public let city: String?
    /// Where the facts of this session come from (URLs or references).
    public let sources: [String]

    public init(actaNumber: String, title: String, date: CalendarDate, plannedStart: String?, place: String?,
                convener: String?, planID: String, seats: [Seat], items: [AgendaItem],
                isDemonstration: Bool = false, suggested: Set<SuggestedField> = [], timeZone: String? = nil,
                city: String? = nil, sources: [String] = []) {
        self.actaNumber = actaNumber
        self.title = title
        self.date = date
        self.plannedStart = plannedStart
        self.place = place
        self.convener = convener
        self.planID = planID
        self.seats = seats
        self.items = items
        self.isDemonstration = isDemonstration
        self.suggested = suggested
        self.timeZone = timeZone
        self.city = city
        self.sources = sources
    }

    /// The title as listed: a demonstration is marked as an example.
    public func listedTitle(_ language: Language) -> String {
        isDemonstration ? (language == .es ? "[ejemplo] " : "[example] ") + title : title
    }

    public func seat(_ id: String) -> Seat? { seats.first { $0.id == id } }
    public func item(_ number: Int) -> AgendaItem? {
        number >= 1 && number <= items.count ? items[number - 1] : nil
    }

    /// The title of an item as a reader sees it.
    public func title(of item: AgendaItem, plan: Plan?, language: Language) -> String {
        switch item.kind {
        case .free(let title, _):
            return title
        case .report(let institution, let commitment, _):
            let who = seat(institution)?.name ?? institution
            let what = plan?.commitment(commitment)?.knownTitle(language)
            let label = language == .es ? "Compromiso \(commitment)" : "Commitment \(commitment)"
            return what.map { "\(who) — \(label): \($0)" } ?? "\(who) — \(label)"
        }
    }
}
