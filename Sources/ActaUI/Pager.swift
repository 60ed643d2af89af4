import ActaCore

/// One occurrence of the query: the line it starts on, and every run to highlight (a match
/// wrapped across lines of a paragraph or a table cell has one run per line).
public struct PagerMatch: Sendable, Hashable {
    public var line: Int
    public var runs: [Highlight]

    public struct Highlight: Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var width: Int
    }
}

/// A scrolling view over laid-out lines, with search: every match found, also across the lines a
/// wrapped text takes, highlighted whole; n/N move between them.
public struct Pager: Sendable, Hashable {
    public private(set) var lines: [StyledLine]
    public private(set) var top = 0
    public private(set) var query = ""
    public private(set) var matches: [PagerMatch] = []
    public private(set) var currentMatch: Int?

    public init(lines: [StyledLine]) { self.lines = lines }

    /// Replaces the content (a live session changed, the width changed), keeping the place.
    public mutating func replace(_ lines: [StyledLine], height: Int, followEnd: Bool = false) {
        let wasAtEnd = top >= max(0, self.lines.count - height)
        self.lines = lines
        if followEnd && wasAtEnd { top = max(0, lines.count - height) }
        clamp(height)
        if !query.isEmpty { search(query, height: height, from: top) }
    }

    mutating func clamp(_ height: Int) { top = max(0, min(top, lines.count - height)) }

    public mutating func scroll(by n: Int, height: Int) { top += n; clamp(height) }
    public mutating func toTop() { top = 0 }
    public mutating func toEnd(height: Int) { top = max(0, lines.count - height) }

    public mutating func nextHeading(height: Int, backwards: Bool = false) {
        let order = backwards ? Array((0..<top).reversed()) : Array((top + 1)..<max(top + 1, lines.count))
        if let i = order.first(where: { lines[$0].isHeading }) { top = i; clamp(height) }
    }

    public mutating func show(line: Int, height: Int) { top = line; clamp(height) }

    /// Finds every occurrence of `query` (case and accents ignored) and shows the first from `from`.
    public mutating func search(_ query: String, height: Int, from: Int? = nil) {
        self.query = query
        matches = Self.find(Folding.fold(query), in: lines)
        let start = from ?? top
        currentMatch = matches.firstIndex { $0.line >= start } ?? (matches.isEmpty ? nil : 0)
        if let m = currentMatch { show(line: max(0, matches[m].line - 2), height: height) }
    }

    /// Each logical text (a paragraph, a cell) is its pieces joined by a space, as wrapping split them.
    static func find(_ q: String, in lines: [StyledLine]) -> [PagerMatch] {
        guard !q.isEmpty else { return [] }
        // (line, piece) in order, per unit; a line without pieces is a unit of its own.
        var units: [Int: [(line: Int, piece: TextPiece)]] = [:]
        var order: [Int] = []
        var candidates: Set<Int> = []
        var own = -1
        for (i, line) in lines.enumerated() {
            if line.pieces.isEmpty {
                // A text of one line: its fold was made with the layout, so most are ruled out here.
                if (line.folded ?? TextPiece.searchFold(line.text)).contains(q) {
                    order.append(own)
                    candidates.insert(own)
                    units[own] = [(i, TextPiece(column: 0, text: line.text, unit: own))]
                }
                own -= 1
                continue
            }
            for piece in line.pieces {
                if units[piece.unit] == nil { order.append(piece.unit) }
                units[piece.unit, default: []].append((i, piece))
            }
        }
        let needle = Array(q)
        var found: [PagerMatch] = []
        for unit in order {
            let parts = units[unit]!
            // Most texts do not hold the query: their pieces' folds (made once per layout) rule
            // them out before the character-by-character pass that places each match.
            if !candidates.contains(unit) {
                let folds = parts.map { $0.piece.folded ?? TextPiece.searchFold($0.piece.text) }
                let whole = folds.count == 1 ? folds[0] : folds.joined(separator: " ")
                guard whole.contains(q) else { continue }
            }
            // The unit's characters, folded one by one, each knowing where it is drawn.
            var folded: [(text: String, line: Int, column: Int, width: Int)] = []
            for (n, part) in parts.enumerated() {
                if n > 0 { folded.append((" ", -1, 0, 0)) }
                var x = part.piece.column
                for c in part.piece.text {
                    let w = DisplayWidth.of(c)
                    folded.append((c == "\u{00A0}" ? " " : Folding.fold(String(c)), part.line, x, w))
                    x += w
                }
            }
            var start = 0
            while start < folded.count {
                var joined: [Character] = []
                var end = start
                while end < folded.count && joined.count < needle.count {
                    joined += Array(folded[end].text)
                    end += 1
                }
                guard joined == needle else { start += 1; continue }
                var runs: [PagerMatch.Highlight] = []
                for f in folded[start..<end] where f.line >= 0 {
                    if let last = runs.last, last.line == f.line, last.column + last.width == f.column {
                        runs[runs.count - 1].width += f.width
                    } else {
                        runs.append(.init(line: f.line, column: f.column, width: f.width))
                    }
                }
                if let first = runs.first { found.append(PagerMatch(line: first.line, runs: runs)) }
                start = end
            }
        }
        return found.sorted { ($0.line, $0.runs.first?.column ?? 0) < ($1.line, $1.runs.first?.column ?? 0) }
    }

    public mutating func nextMatch(height: Int, backwards: Bool = false) {
        guard !matches.isEmpty else { return }
        let c = currentMatch ?? 0
        currentMatch = backwards ? (c - 1 + matches.count) % matches.count : (c + 1) % matches.count
        show(line: max(0, matches[currentMatch!].line - 2), height: height)
    }

    /// Draws lines from `top` into rows [row, row+height), their coloured runs, and the matches.
    public func render(into screen: inout Screen, row: Int, column: Int, width: Int, height: Int) {
        for i in 0..<height {
            let index = top + i
            guard index < lines.count else { break }
            let line = lines[index]
            screen.put(line.text, row: row + i, column: column, role: line.role, limit: width)
            for run in line.runs where run.column < width {
                screen.paint(row: row + i, column: column + run.column, width: min(run.width, width - run.column), role: run.role)
            }
        }
        for (n, match) in matches.enumerated() {
            for run in match.runs where run.line >= top && run.line < top + height && run.column < width {
                screen.paint(row: row + run.line - top, column: column + run.column, width: min(run.width, width - run.column),
                             role: n == currentMatch ? .match : .selected)
            }
        }
    }
}
