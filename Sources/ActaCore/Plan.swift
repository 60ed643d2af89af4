/// A text as the sources give it, in the reader's language when it exists there.
public struct SourcedText: Sendable, Hashable {
    public let text: String
    /// True when the text exists only in the other language (the acta says so once).
    public let isOtherLanguage: Bool

    public init(text: String, isOtherLanguage: Bool) {
        self.text = text
        self.isOtherLanguage = isOtherLanguage
    }
}

/// One numbered step of a commitment. Its text is nil where no source gives it:
/// acta never invents a hito's text and shows "Hito N" instead.
public struct Milestone: Sendable, Hashable {
    public let number: Int
    public let textES: String?
    public let textEN: String?
    /// As precise as the source: `2023-07` or `2023-07-15`.
    public let start: String?
    public let end: String?

    /// `text` is the Spanish text (the plans' own language).
    public init(number: Int, text: String?, start: String?, end: String?, textEN: String? = nil) {
        self.number = number
        self.textES = text
        self.textEN = textEN
        self.start = start
        self.end = end
    }

    /// Any known text, Spanish first.
    public var text: String? { textES ?? textEN }

    /// The text in the language, else in the other one (marked), else nil.
    public func sourcedText(_ language: Language) -> SourcedText? {
        let (own, other) = language == .es ? (textES, textEN) : (textEN, textES)
        if let own { return SourcedText(text: own, isOtherLanguage: false) }
        return other.map { SourcedText(text: $0, isOtherLanguage: true) }
    }

    public func displayText(_ language: Language) -> String {
        sourcedText(language)?.text ?? (language == .es ? "Hito \(number)" : "Milestone \(number)")
    }
}

/// One numbered goal of an action plan, led by one institution.
public struct Commitment: Sendable, Hashable {
    public let number: Int
    public let ogpID: String?
    public let titleES: String?
    public let titleEN: String?
    public let institution: String?
    public let institutionShort: String?
    public let support: [String]
    public let milestones: [Milestone]

    public init(number: Int, ogpID: String?, titleES: String?, titleEN: String?, institution: String?,
                institutionShort: String?, support: [String], milestones: [Milestone]) {
        self.number = number
        self.ogpID = ogpID
        self.titleES = titleES
        self.titleEN = titleEN
        self.institution = institution
        self.institutionShort = institutionShort
        self.support = support
        self.milestones = milestones
    }

    public func milestone(_ number: Int) -> Milestone? {
        milestones.first { $0.number == number }
    }

    /// Hitos are numbered consecutively: a number up to the highest known one exists even when
    /// no source gave its text (9.2 of the 5th plan is known only by 9.1 and 9.3).
    public func hasMilestone(_ number: Int) -> Bool {
        milestone(number) != nil || (number >= 1 && number < (milestones.map(\.number).max() ?? 0))
    }

    /// The title in the language, else in the other one (marked), else nil.
    public func sourcedTitle(_ language: Language) -> SourcedText? {
        let (own, other) = language == .es ? (titleES, titleEN) : (titleEN, titleES)
        if let own { return SourcedText(text: own, isOtherLanguage: false) }
        return other.map { SourcedText(text: $0, isOtherLanguage: true) }
    }

    /// The title in the reader's language, else the other one, else nil (unknown).
    public func knownTitle(_ language: Language) -> String? {
        language == .es ? (titleES ?? titleEN) : (titleEN ?? titleES)
    }

    public func title(_ language: Language) -> String {
        knownTitle(language) ?? (language == .es ? "Compromiso \(number)" : "Commitment \(number)")
    }
}

/// A national open government action plan.
public struct Plan: Sendable, Hashable {
    public let id: String
    public let name: String
    public let commitments: [Commitment]
    /// IANA time zone of the plan's mesa; nil: `America/Guatemala`.
    public let timeZone: String?
    /// Where the plan's facts come from.
    public let sources: [String]

    public init(id: String, name: String, commitments: [Commitment], timeZone: String? = nil, sources: [String] = []) {
        self.id = id
        self.name = name
        self.commitments = commitments
        self.timeZone = timeZone
        self.sources = sources
    }

    public func commitment(_ number: Int) -> Commitment? {
        commitments.first { $0.number == number }
    }
}
