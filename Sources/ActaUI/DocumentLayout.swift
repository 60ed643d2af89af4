import ActaCore
import ActaFormats

/// A run of a line drawn in its own role (a bar's segment in its status's colour).
public struct StyleRun: Sendable, Hashable {
    public var column: Int
    public var width: Int
    public var role: Role

    public init(column: Int, width: Int, role: Role) {
        self.column = column
        self.width = width
        self.role = role
    }
}

/// Where a piece of one logical text (a paragraph, a table cell) sits on a line: search joins
/// a text's pieces back together, so a match wrapped across lines of a cell is still found.
public struct TextPiece: Sendable, Hashable {
    /// Display column of the piece in the line.
    public var column: Int
    public var text: String { didSet { if folded != nil { folded = Self.searchFold(text) } } }
    /// Which logical text the piece belongs to.
    public var unit: Int
    /// `text` folded for search, once per layout (so per width): a search then only compares.
    /// Nil for a layout made only to be printed (`acta history`), where folding would be wasted.
    public private(set) var folded: String?

    public init(column: Int, text: String, unit: Int, searchable: Bool = true) {
        self.column = column
        self.text = text
        self.unit = unit
        self.folded = searchable ? Self.searchFold(text) : nil
    }

    /// Case and accents folded; a no-break space matches a typed space.
    static func searchFold(_ s: String) -> String { Folding.fold(s).replacing("\u{00A0}", with: " ") }
}

/// One line of a laid-out document.
public struct StyledLine: Sendable, Hashable {
    public var text: String { didSet { if folded != nil { folded = TextPiece.searchFold(text) } } }
    public var role: Role
    /// `text` folded for search, for a line searched as one text (it has no pieces); nil when
    /// the layout was made only to be printed.
    public private(set) var folded: String?
    /// Set on the first line of a heading, for jumping between headings.
    public var isHeading: Bool = false
    public var runs: [StyleRun] = []
    /// The searchable pieces of the line; a line without pieces is searched as one text.
    public var pieces: [TextPiece] = []

    public init(text: String, role: Role, isHeading: Bool = false, runs: [StyleRun] = [], pieces: [TextPiece] = [],
                searchable: Bool = true) {
        self.text = text
        self.folded = searchable ? TextPiece.searchFold(text) : nil
        self.role = role
        self.isHeading = isHeading
        self.runs = runs
        self.pieces = pieces
    }
}

/// Lays document blocks out for a terminal `width` columns wide: wrapped paragraphs, tables
/// with columns aligned by display width and wrapped cells, or — when a table cannot fit
/// readably — each row as a block of labelled fields.
public struct DocumentLayout {
    private var out: [StyledLine] = []
    private var nextUnit = 0
    private let width: Int
    private let searchable: Bool

    /// A column narrower than this (or than its content, if shorter) makes a table unreadable.
    static let readableColumn = 12

    /// - Parameter searchable: false for text only printed, never searched (no fold is made).
    public static func lines(_ blocks: [DocumentBlock], width: Int, searchable: Bool = true) -> [StyledLine] {
        var layout = DocumentLayout(width: max(20, width), searchable: searchable)
        for block in blocks { layout.add(block) }
        return layout.out
    }

    private init(width: Int, searchable: Bool) {
        self.width = width
        self.searchable = searchable
    }

    private func line(_ text: String, role: Role, isHeading: Bool = false, pieces: [TextPiece] = []) -> StyledLine {
        StyledLine(text: text, role: role, isHeading: isHeading, pieces: pieces, searchable: searchable)
    }

    private func piece(column: Int, text: String, unit: Int) -> TextPiece {
        TextPiece(column: column, text: text, unit: unit, searchable: searchable)
    }

    private mutating func newUnit() -> Int {
        nextUnit += 1
        return nextUnit
    }

    /// Wrapped text as lines at `indent`, each line a piece of one unit; `prefix` goes before the first line.
    private mutating func text(_ text: String, role: Role, indent: Int = 0, prefix: String = "", prefixRole: Role? = nil,
                               isHeading: Bool = false) {
        let unit = newUnit()
        let prefixWidth = DisplayWidth.of(prefix)
        let pad = String(repeating: " ", count: indent)
        for (i, line) in wrap(text, width: max(10, width - indent - prefixWidth)).enumerated() {
            let lead = pad + (i == 0 ? prefix : String(repeating: " ", count: prefixWidth))
            var styled = self.line(lead + line, role: role, isHeading: isHeading && i == 0,
                                   pieces: [piece(column: DisplayWidth.of(lead), text: line, unit: unit)])
            if i == 0, let prefixRole { styled.runs = [StyleRun(column: indent, width: prefixWidth, role: prefixRole)] }
            out.append(styled)
        }
    }

    private mutating func add(_ block: DocumentBlock) {
        if !out.isEmpty { out.append(line("", role: .normal)) }
        switch block {
        case .heading(let level, let heading):
            let start = out.count
            text(Self.clean(heading), role: level == 1 ? .title : .heading, isHeading: true)
            if level <= 2 {
                let w = min(width, out[start...].map { DisplayWidth.of($0.text) }.max() ?? 0)
                out.append(line(String(repeating: level == 1 ? "═" : "─", count: w), role: .heading))
            }
        case .fields(let fields):
            for f in fields { text(Self.clean(f.value), role: .normal, prefix: Self.clean(f.label) + ": ") }
        case .paragraph(let paragraph):
            for p in Self.clean(paragraph, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false) {
                text(String(p), role: .normal)
            }
        case .emphasis(let emphasis):
            text(Self.clean(emphasis), role: .dim)
        case .table(let header, let rows), .signatureTable(let header, let rows):
            table(header: header, rows: rows)
        case .rule:
            out.append(line(String(repeating: "─", count: width), role: .dim))
        }
    }

    /// Text from session files is shown safely: control characters become visible (`^[`), never sent.
    static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: ControlCharacters.isControl) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { ControlCharacters.visible(String($0)) }
            .joined(separator: keepNewlines ? "\n" : " ")
    }

    /// Column widths that fit `width`, or nil when some column would be too narrow to read.
    static func fittedWidths(header: [String], rows: [[String]], width: Int) -> [Int]? {
        let columns = header.count
        var natural = [Int](repeating: 1, count: columns)
        for row in CollectionOfOne(header) + rows {
            for c in 0..<columns { natural[c] = max(natural[c], DisplayWidth.of(clean(row[c]))) }
        }
        var widths = natural
        let separators = 3 * (columns - 1)
        let minimum = (0..<columns).map { c in min(natural[c], readableColumn) }
        while widths.reduce(0, +) + separators > width {
            guard let widest = widths.indices.filter({ widths[$0] > minimum[$0] }).max(by: { widths[$0] < widths[$1] }) else {
                return nil
            }
            widths[widest] -= 1
        }
        return widths
    }

    private mutating func table(header: [String], rows: [[String]]) {
        guard let widths = Self.fittedWidths(header: header, rows: rows, width: width) else {
            blocks(header: header, rows: rows)
            return
        }
        let columns = header.count
        func render(_ cells: [String], role: Role) {
            let units = (0..<columns).map { _ in newUnit() }
            let wrapped = (0..<columns).map { wrap(Self.clean(cells[$0]), width: widths[$0]) }
            let height = wrapped.map(\.count).max() ?? 1
            for line in 0..<height {
                var text = ""
                var x = 0
                var pieces: [TextPiece] = []
                for c in 0..<columns {
                    if c > 0 { text += " │ "; x += 3 }
                    let cell = line < wrapped[c].count ? wrapped[c][line] : ""
                    if !cell.isEmpty { pieces.append(piece(column: x, text: cell, unit: units[c])) }
                    // Padded to the column (a wider cell is left as is), counting columns as it goes.
                    let w = DisplayWidth.of(cell)
                    text += cell
                    if w < widths[c] { text += String(repeating: " ", count: widths[c] - w) }
                    x += max(w, widths[c])
                }
                out.append(self.line(text, role: role, pieces: pieces))
            }
        }
        render(header, role: .heading)
        out.append(line(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), role: .dim))
        for row in rows { render(row, role: .normal) }
    }

    /// A table too wide for the terminal: each row as a block of "Label: value" lines, the
    /// first field as the block's title, values wrapped under themselves.
    private mutating func blocks(header: [String], rows: [[String]]) {
        let labels = header.map { Self.clean($0) }
        // Labels up to a third of the width align in a column; a longer one gets its own line.
        let labelWidth = labels.dropFirst().map(DisplayWidth.of).filter { $0 <= width / 3 }.max() ?? 0
        for (r, row) in rows.enumerated() {
            if r > 0 { out.append(line("", role: .normal)) }
            for (c, cell) in row.enumerated() {
                let value = Self.clean(cell)
                if c == 0 {
                    text(value, role: .heading, prefix: "▸ " + labels[0] + ": ")
                    continue
                }
                guard !value.isEmpty else { continue }
                if DisplayWidth.of(labels[c]) > labelWidth {
                    // A long label (what a change compares with) is kept whole on its own line.
                    text(labels[c], role: .dim, indent: 2)
                    text(value, role: .normal, indent: 2 + min(labelWidth, 4) + 2)
                } else {
                    text(value, role: .normal, indent: 2, prefix: DisplayWidth.padded(labels[c], to: labelWidth) + "  ", prefixRole: .dim)
                }
            }
        }
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
