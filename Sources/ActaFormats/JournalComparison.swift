import ActaCore

/// Two copies of one session's journal, compared line by line. A journal only grows, so with one
/// writer one copy is always the start of the other; anything else means two writers.
public enum JournalComparison: Sendable, Equatable {
    case same
    /// One copy is the other plus later lines: sharing can go ahead.
    case oneExtendsTheOther
    /// Both copies have lines the other lacks after `commonLines` shared ones.
    case diverged(commonLines: Int, onlyOurs: [String], onlyTheirs: [String])

    public static func compare(ours: String, theirs: String) -> JournalComparison {
        let a = lines(ours), b = lines(theirs)
        if a == b { return .same }
        var common = 0
        while common < a.count && common < b.count && a[common] == b[common] { common += 1 }
        if common == a.count || common == b.count { return .oneExtendsTheOther }
        return .diverged(commonLines: common, onlyOurs: Array(a[common...]), onlyTheirs: Array(b[common...]))
    }

    /// The recorder that wrote these lines (the first one that says), for naming its copy.
    public static func recorder(of lines: [String]) -> String? {
        for line in lines {
            if let event = try? JournalCodec.decode(line, file: "", lineNumber: 0), let r = event.recorder { return r }
        }
        return nil
    }

    /// One readable line per event: seq, time, kind and the recorder, else the raw line.
    public static func summary(_ line: String) -> String {
        guard let event = try? JournalCodec.decode(line, file: "", lineNumber: 0) else { return line }
        let by = event.recorder.map { " [\($0)]" } ?? ""
        return "#\(event.seq) \(event.at.iso) \(event.kind.name)\(by): \(line)"
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
