/// How a role looks without colour (NO_COLOR, or a terminal such as vt100 that has none):
/// attributes only. The adapter draws exactly these, and goldens show them, so a selection or
/// a selected value that would be invisible without colour fails a test.
public struct Monochrome: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Monochrome(rawValue: 1)
    public static let reverse = Monochrome(rawValue: 2)
    public static let underline = Monochrome(rawValue: 4)
    public static let dim = Monochrome(rawValue: 8)

    /// One letter per attribute set, for goldens: R reverse (wins), U underline, B bold, D dim, space plain.
    var letter: Character {
        if contains(.reverse) { return contains(.bold) ? "S" : "R" }
        if contains(.underline) { return contains(.bold) ? "F" : "U" }
        if contains(.bold) { return "B" }
        if contains(.dim) { return "D" }
        return " "
    }
}

extension Role {
    public var monochrome: Monochrome {
        switch self {
        case .title: return .reverse
        // The selection bar and a selected value are reverse and bold: they must stand out
        // from an active field, which is underlined and bold.
        case .selected: return [.reverse, .bold]
        case .fieldActive: return [.underline, .bold]
        case .heading, .key, .error, .warning: return .bold
        case .selectedDim, .field: return .underline
        case .match, .bar: return .reverse
        case .dim, .hint: return .dim
        case .status(let s): return s == .complete ? .bold : (s == nil ? .dim : [])
        case .normal, .ok, .overlay: return []
        }
    }
}

extension Screen {
    /// The frame's attributes without colour, one letter a cell (see `Monochrome.letter`), rows
    /// right-trimmed: what a vt100 or NO_COLOR terminal shows besides the text.
    public var monochromeText: String {
        (0..<height).map { row in
            var line = ""
            for x in 0..<width where !self[row, x].isContinuation { line.append(self[row, x].role.monochrome.letter) }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
