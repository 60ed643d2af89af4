/// Who asks for the floor: a seat of the mesa, or a person (one of a seat's delegates, or
/// anyone named), shown by `name`.
public struct Speaker: Sendable, Hashable {
    /// The seat's id in the agenda, when the speaker speaks for one.
    public var seat: String?
    public var name: String

    public init(seat: String?, name: String) {
        self.seat = seat
        self.name = name
    }
}

/// One turn at the floor: who, from when to when, and an optional one-line summary.
public struct Intervention: Sendable, Hashable {
    public var speaker: Speaker
    public var start: Timestamp
    public var end: Timestamp?
    public var summary: String = ""

    public init(speaker: Speaker, start: Timestamp, end: Timestamp? = nil, summary: String = "") {
        self.speaker = speaker
        self.start = start
        self.end = end
        self.summary = summary
    }

    public var isRunning: Bool { end == nil }

    /// Seconds spoken, counting a running turn up to `now`.
    public func seconds(now: Timestamp?) -> Int {
        guard let end = end ?? now else { return 0 }
        return max(0, end.epochSeconds - start.epochSeconds)
    }
}

/// An agenda item's list of speakers: who waits for the floor, in order, and who has spoken.
public struct SpeakersList: Sendable, Hashable {
    public var queue: [Speaker] = []
    public var interventions: [Intervention] = []

    public init() {}

    /// The turn in progress, if any.
    public var current: Intervention? { interventions.last.flatMap { $0.isRunning ? $0 : nil } }
    public var isEmpty: Bool { queue.isEmpty && interventions.isEmpty }
}

extension Seat {
    /// The short name a seat goes by: the acronym in its name's parentheses, else its name.
    public var shortName: String {
        if let open = name.lastIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            return String(name[name.index(after: open)..<close])
        }
        return name
    }
}

extension Agenda {
    /// How a speaker is named in the acta and on screen: a seat by its name ("SESAN"), a
    /// delegate with the seat's short name ("Jaime Muñoz Flores (GAE)"), anyone else as typed.
    public func name(of speaker: Speaker, fullSeatName: Bool = false) -> String {
        guard let id = speaker.seat, let seat = seat(id) else { return speaker.name }
        if speaker.name == seat.shortName || speaker.name == seat.name { return fullSeatName ? seat.name : seat.shortName }
        return "\(speaker.name) (\(seat.shortName))"
    }
}
