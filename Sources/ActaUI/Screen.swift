import ActaCore
import Synchronization

/// What a cell means; the terminal adapter decides how each role looks (with or without colour).
public enum Role: Sendable, Hashable {
    case normal, title, dim, selected, selectedDim, heading, key, hint, warning, error, ok
    case field, fieldActive, overlay, match
    case status(MilestoneStatus?)
    /// A segment of a chart's bar for hitos of a status: a block of its colour, or reverse
    /// video with the status letter inside when there is no colour.
    case bar(MilestoneStatus?)
}

/// One terminal cell: a grapheme and its role. A wide grapheme's second column is a continuation.
/// A plain value with no reference inside (a frame is a flat array of them): copying, comparing
/// and freeing a frame is a memory operation, with no count kept per cell.
public struct Cell: Sendable, Hashable {
    /// The grapheme: see `Glyph`.
    var glyph: UInt64
    public var role: Role
    public var isContinuation: Bool

    public init(character: Character, role: Role, isContinuation: Bool) {
        glyph = Glyph.code(character)
        self.role = role
        self.isContinuation = isContinuation
    }

    public var character: Character {
        get { Glyph.character(glyph) }
        set { glyph = Glyph.code(newValue) }
    }

    /// The grapheme when it is one ASCII character (most cells): no Character need be made.
    public var ascii: UInt8? { glyph >> 56 == 1 && glyph & 0xFF < 0x80 ? UInt8(glyph & 0xFF) : nil }

    public static let blank = Cell(character: " ", role: .normal, isContinuation: false)
}

/// A grapheme as 64 bits: up to 7 bytes of UTF-8 inline, their count in the top byte; a longer
/// one (an emoji sequence, a letter with many marks) is kept once in a table and named by its
/// place there (top byte 0xFF).
enum Glyph {
    private static let table = Mutex<(strings: [String], places: [String: UInt64])>(([], [:]))

    static func code(_ character: Character) -> UInt64 {
        var code: UInt64 = 0
        var count: UInt64 = 0
        for byte in character.utf8 {
            guard count < 7 else { return tableCode(character) }
            code |= UInt64(byte) << (count * 8)
            count += 1
        }
        return code | count << 56
    }

    private static func tableCode(_ character: Character) -> UInt64 {
        let text = String(character)
        return table.withLock { t in
            if let place = t.places[text] { return place }
            let place = 0xFF << 56 | UInt64(t.strings.count)
            t.strings.append(text)
            t.places[text] = place
            return place
        }
    }

    static func character(_ code: UInt64) -> Character {
        let count = Int(code >> 56)
        if count == 0xFF {
            let index = Int(code & 0xFFFF_FFFF)
            return Character(table.withLock { $0.strings[index] })
        }
        var bytes: (UInt64) = code
        return withUnsafeBytes(of: &bytes) { Character(String(decoding: $0.prefix(count), as: UTF8.self)) }
    }
}

/// A frame: a grid of cells that views draw into and the adapter copies to the terminal.
/// Width is counted in display columns, never in Characters.
public struct Screen: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (row, column), if anywhere.
    public var cursor: (row: Int, column: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes text from (row, column), clipped at `limit` columns (default: the right edge).
    /// Control characters are shown visibly; never sent to the terminal. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, role: Role = .normal, limit: Int? = nil) -> Int {
        guard row >= 0, row < height, column >= 0, column < width else { return 0 }
        let end = min(width, column + (limit ?? width))
        var x = column
        for character in ControlCharacters.visible(text) {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A lone combining mark joins the previous cell's grapheme.
                if x > column, var previous = Optional(cells[row * width + x - 1]), !previous.isContinuation {
                    previous.character = Character(String(previous.character) + String(character))
                    cells[row * width + x - 1] = previous
                }
                continue
            }
            if x + w > end { break }
            cells[row * width + x] = Cell(character: character, role: role, isContinuation: false)
            if w == 2 { cells[row * width + x + 1] = Cell(character: " ", role: role, isContinuation: true) }
            x += w
        }
        return x - column
    }

    /// Paints a run of cells with a role (for a selection bar), keeping their characters.
    public mutating func paint(row: Int, column: Int, width w: Int, role: Role) {
        guard row >= 0, row < height else { return }
        for x in max(0, column)..<min(width, column + w) { cells[row * width + x].role = role }
    }

    public mutating func fill(row: Int, column: Int, width w: Int, role: Role) {
        guard row >= 0, row < height else { return }
        for x in max(0, column)..<min(width, column + w) { cells[row * width + x] = Cell(character: " ", role: role, isContinuation: false) }
    }

    /// The cells of one row.
    public func row(_ row: Int) -> ArraySlice<Cell> { cells[(row * width)..<((row + 1) * width)] }

    /// Copies a run of cells (kept from an earlier frame) into `row` from `column`, clipped at the right edge.
    public mutating func place<Run: Collection<Cell>>(_ run: Run, row: Int, column: Int) {
        guard row >= 0, row < height, column >= 0, column < width else { return }
        let n = min(run.count, width - column)
        let start = row * width + column
        cells.replaceSubrange(start..<(start + n), with: run.prefix(n))
    }

    /// The frame as text, rows right-trimmed: what golden files and tests compare.
    public var text: String {
        (0..<height).map { row in
            var line = ""
            for x in 0..<width where !self[row, x].isContinuation { line.append(self[row, x].character) }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

/// Wraps text into lines of at most `width` display columns, breaking at spaces when it can.
public func wrap(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    // A text that fits as it is stays whole (most table cells). Only when the first word has
    // columns and no space leads does the word-by-word pass give back the same text.
    if let first = text.unicodeScalars.first, first != " ", DisplayWidth.of(first) > 0, !text.utf8.contains(0x0A),
       DisplayWidth.of(text) <= width {
        return [text]
    }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = ""
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
            var word = String(word)
            var w = DisplayWidth.of(word)
            if lineWidth > 0 && lineWidth + 1 + w <= width {
                line += " " + word; lineWidth += 1 + w
                continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            if w > width {
                // A word longer than a line is cut, in one pass: a 64 KiB word (a paste, a
                // hostile note) must not cost a pass per line. A character wider than the
                // line still takes a line of its own, so this always ends.
                var head = "", headWidth = 0
                for c in word {
                    let cw = DisplayWidth.of(c)
                    if headWidth + cw > width && !head.isEmpty {
                        lines.append(head)
                        head = ""; headWidth = 0
                    }
                    head.append(c); headWidth += cw
                }
                word = head; w = headWidth
            }
            line = word; lineWidth = w
        }
        lines.append(line)
    }
    return lines
}
