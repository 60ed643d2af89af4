import ActaCore

/// A scrolling view over laid-out lines, with search: matches highlighted, n/N move between them.
public struct Pager: Sendable, Hashable {
    public private(set) var lines: [StyledLine]
    public private(set) var top = 0
    public private(set) var query = ""
    /// (line, column range in Characters) of each match.
    public private(set) var matches: [Int] = []
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

    /// Finds lines containing `query` (case and accents ignored) and shows the first from `from`.
    public mutating func search(_ query: String, height: Int, from: Int? = nil) {
        self.query = query
        let q = Folding.fold(query)
        matches = q.isEmpty ? [] : lines.indices.filter { Folding.fold(lines[$0].text).contains(q) }
        let start = from ?? top
        currentMatch = matches.firstIndex { $0 >= start } ?? (matches.isEmpty ? nil : 0)
        if let m = currentMatch { show(line: max(0, matches[m] - 2), height: height) }
    }

    public mutating func nextMatch(height: Int, backwards: Bool = false) {
        guard !matches.isEmpty else { return }
        let c = currentMatch ?? 0
        currentMatch = backwards ? (c - 1 + matches.count) % matches.count : (c + 1) % matches.count
        show(line: max(0, matches[currentMatch!] - 2), height: height)
    }

    /// Draws lines from `top` into rows [row, row+height), highlighting matches.
    public func render(into screen: inout Screen, row: Int, column: Int, width: Int, height: Int) {
        let q = Folding.fold(query)
        for i in 0..<height {
            let index = top + i
            guard index < lines.count else { break }
            let line = lines[index]
            screen.put(line.text, row: row + i, column: column, role: line.role, limit: width)
            guard !q.isEmpty, matches.contains(index) else { continue }
            // Highlight each occurrence, measured in display columns.
            let chars = Array(line.text)
            let folded = chars.map { Folding.fold(String($0)) }
            var x = 0
            var c = 0
            while c < chars.count {
                var joined = ""
                var k = c
                while k < chars.count && joined.count < q.count { joined += folded[k]; k += 1 }
                if joined == q {
                    let w = chars[c..<k].reduce(0) { $0 + DisplayWidth.of($1) }
                    let isCurrent = currentMatch.map { matches[$0] == index } ?? false
                    screen.paint(row: row + i, column: column + x, width: min(w, width - x), role: isCurrent ? .match : .selected)
                }
                x += DisplayWidth.of(chars[c])
                c += 1
            }
        }
    }
}
