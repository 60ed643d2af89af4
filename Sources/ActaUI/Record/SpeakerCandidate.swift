import ActaCore

/// Someone who can be put on the list of speakers by name: a seat, or one of its delegates.
public struct SpeakerCandidate: Sendable, Hashable {
    /// As typed and shown: "SESAN", "Jaime Muñoz Flores (GAE)".
    public let label: String
    public let speaker: Speaker

    /// The mesa's seats and their delegates (from the agenda and from today's attendance).
    public static func all(_ agenda: Agenda, attendance: [String: Attendance]) -> [SpeakerCandidate] {
        var out: [SpeakerCandidate] = []
        for seat in agenda.seats {
            let short = seat.shortName
            out.append(SpeakerCandidate(label: short, speaker: Speaker(seat: seat.id, name: short)))
            var people = seat.delegates
            if let today = attendance[seat.id]?.delegate, !people.contains(today) { people.insert(today, at: 0) }
            for person in people {
                out.append(SpeakerCandidate(label: "\(person) (\(short))", speaker: Speaker(seat: seat.id, name: person)))
            }
        }
        return out
    }

    /// Candidates whose label, or any word of it, starts with what was typed (accents ignored).
    public static func matches(_ typed: String, in candidates: [SpeakerCandidate]) -> [SpeakerCandidate] {
        let q = Folding.fold(typed.trimmingSpaces())
        guard !q.isEmpty else { return [] }
        let starts = candidates.filter { Folding.fold($0.label).hasPrefix(q) }
        let words = candidates.filter { c in
            !starts.contains(c) && Folding.fold(c.label).split(whereSeparator: { $0 == " " || $0 == "(" }).contains { $0.hasPrefix(q) }
        }
        return starts + words
    }

    /// The speaker a typed name stands for: a candidate's exact label, else a person named freely.
    public static func speaker(for typed: String, in candidates: [SpeakerCandidate]) -> Speaker? {
        let text = typed.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        if let exact = candidates.first(where: { Folding.fold($0.label) == Folding.fold(text) }) { return exact.speaker }
        return Speaker(seat: nil, name: text)
    }
}
