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
        let needle = Array(q.utf8)
        guard !needle.isEmpty else { return [] }
        // Pieces grouped by unit, in order of first appearance, as linked lists over flat arrays
        // (no array per unit); a line without pieces is a unit of its own (piece index -1).
        var slotOf: [Int: Int] = [:]
        var head: [Int] = [], last: [Int] = []
        var entryLine: [Int] = [], entryPiece: [Int] = [], next: [Int] = []
        func add(_ slot: Int?, line: Int, piece: Int) {
            let e = entryLine.count
            entryLine.append(line); entryPiece.append(piece); next.append(-1)
            if let slot { next[last[slot]] = e; last[slot] = e } else { head.append(e); last.append(e) }
        }
        for (i, line) in lines.enumerated() {
            if line.pieces.isEmpty { add(nil, line: i, piece: -1); continue }
            for (p, piece) in line.pieces.enumerated() {
                if let slot = slotOf[piece.unit] { add(slot, line: i, piece: p) } else {
                    slotOf[piece.unit] = head.count
                    add(nil, line: i, piece: p)
                }
            }
        }
        func folded(_ e: Int) -> String {
            let line = lines[entryLine[e]]
            if entryPiece[e] < 0 { return line.folded ?? TextPiece.searchFold(line.text) }
            let piece = line.pieces[entryPiece[e]]
            return piece.folded ?? TextPiece.searchFold(piece.text)
        }
        var found: [PagerMatch] = []
        var joined: [UInt8] = []
        for first in head {
            // Most texts do not hold the query: their folds (made once per layout) rule them out,
            // compared as bytes, before the pass that places each match.
            joined.removeAll(keepingCapacity: true)
            var e = first
            while e >= 0 {
                if e != first { joined.append(0x20) }
                joined.append(contentsOf: folded(e).utf8)
                e = next[e]
            }
            guard Self.contains(joined, needle) else { continue }
            var parts: [(line: Int, column: Int, text: String)] = []
            e = first
            while e >= 0 {
                let line = lines[entryLine[e]]
                parts.append(entryPiece[e] < 0 ? (entryLine[e], 0, line.text)
                                                 : (entryLine[e], line.pieces[entryPiece[e]].column, line.pieces[entryPiece[e]].text))
                e = next[e]
            }
            found += Self.place(needle, in: parts)
        }
        return found.sorted { ($0.line, $0.runs.first?.column ?? 0) < ($1.line, $1.runs.first?.column ?? 0) }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let first = n[0]
                var i = 0
                let end = h.count - n.count
                while i <= end {
                    if h[i] == first {
                        var k = 1
                        while k < n.count && h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Every match of `needle` in a text made of `parts` (joined by a space): its characters
    /// folded one by one, each knowing where it is drawn; a match starts and ends on characters.
    static func place(_ needle: [UInt8], in parts: [(line: Int, column: Int, text: String)]) -> [PagerMatch] {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var cells: [(line: Int, column: Int, width: Int)] = []
        for (n, part) in parts.enumerated() {
            if n > 0 { starts.append(bytes.count); bytes.append(0x20); cells.append((-1, 0, 0)) }
            var x = part.column
            for c in part.text {
                let w = DisplayWidth.of(c)
                starts.append(bytes.count)
                cells.append((part.line, x, w))
                let utf8 = c.utf8
                if utf8.count == 1, let b = utf8.first {
                    bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                } else if c == "\u{00A0}" {
                    bytes.append(0x20)
                } else {
                    bytes.append(contentsOf: Folding.fold(String(c)).utf8)
                }
                x += w
            }
        }
        starts.append(bytes.count)
        var found: [PagerMatch] = []
        var i = 0
        while i < cells.count {
            let from = starts[i], to = starts[i] + needle.count
            guard to <= bytes.count, bytes[from..<to].elementsEqual(needle) else { i += 1; continue }
            var j = i + 1
            while starts[j] < to { j += 1 }
            guard starts[j] == to else { i += 1; continue }
            var runs: [PagerMatch.Highlight] = []
            for f in cells[i..<j] where f.line >= 0 {
                if let last = runs.last, last.line == f.line, last.column + last.width == f.column {
                    runs[runs.count - 1].width += f.width
                } else {
                    runs.append(.init(line: f.line, column: f.column, width: f.width))
                }
            }
            if let first = runs.first { found.append(PagerMatch(line: first.line, runs: runs)) }
            i = j
        }
        return found
    }

    /// Makes a match (by index in `matches`) the current one, and shows it.
    public mutating func select(match: Int, height: Int) {
        guard matches.indices.contains(match) else { return }
        currentMatch = match
        show(line: max(0, matches[match].line - 2), height: height)
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
