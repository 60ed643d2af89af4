import ActaCore
import ActaFormats

/// One line of a laid-out document.
public struct StyledLine: Sendable, Hashable {
    public var text: String
    public var role: Role
    /// Set on the first line of a heading, for jumping between headings.
    public var isHeading: Bool = false
}

/// Lays document blocks out for a terminal `width` columns wide: wrapped paragraphs, tables
/// with columns aligned by display width and wrapped cells.
public enum DocumentLayout {
    public static func lines(_ blocks: [DocumentBlock], width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        let width = max(20, width)
        for block in blocks {
            if !out.isEmpty { out.append(StyledLine(text: "", role: .normal)) }
            switch block {
            case .heading(let level, let text):
                let wrapped = wrap(clean(text), width: width)
                for (i, line) in wrapped.enumerated() {
                    out.append(StyledLine(text: line, role: level == 1 ? .title : .heading, isHeading: i == 0))
                }
                if level <= 2 {
                    let w = min(width, wrapped.map(DisplayWidth.of).max() ?? 0)
                    out.append(StyledLine(text: String(repeating: level == 1 ? "═" : "─", count: w), role: .heading))
                }
            case .fields(let fields):
                for f in fields {
                    let label = clean(f.label) + ": "
                    let indent = DisplayWidth.of(label)
                    for (i, line) in wrap(clean(f.value), width: max(10, width - indent)).enumerated() {
                        out.append(StyledLine(text: (i == 0 ? label : String(repeating: " ", count: indent)) + line, role: .normal))
                    }
                }
            case .paragraph(let text):
                out += wrap(clean(text, keepNewlines: true), width: width).map { StyledLine(text: $0, role: .normal) }
            case .emphasis(let text):
                out += wrap(clean(text), width: width).map { StyledLine(text: $0, role: .dim) }
            case .table(let header, let rows), .signatureTable(let header, let rows):
                out += table(header: header, rows: rows, width: width)
            case .rule:
                out.append(StyledLine(text: String(repeating: "─", count: width), role: .dim))
            }
        }
        return out
    }

    /// Text from session files is shown safely: control characters become visible (`^[`), never sent.
    static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { ControlCharacters.visible(String($0)) }
            .joined(separator: keepNewlines ? "\n" : " ")
    }

    static func table(header: [String], rows: [[String]], width: Int) -> [StyledLine] {
        let columns = header.count
        let all = [header] + rows
        // Natural width of each column, then shrink the widest until the table fits.
        var widths = (0..<columns).map { c in all.map { DisplayWidth.of(clean($0[c])) }.max() ?? 1 }
        widths = widths.map { max(1, $0) }
        let separators = 3 * (columns - 1)
        let minimum = (0..<columns).map { c in min(widths[c], max(3, DisplayWidth.of(clean(header[c])).clamped(to: 3...8))) }
        while widths.reduce(0, +) + separators > width {
            guard let widest = widths.indices.filter({ widths[$0] > minimum[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        func render(_ cells: [String], role: Role) -> [StyledLine] {
            let wrapped = (0..<columns).map { wrap(clean(cells[$0]), width: widths[$0]) }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { line in
                let text = (0..<columns).map { c in
                    DisplayWidth.padded(line < wrapped[c].count ? wrapped[c][line] : "", to: widths[c])
                }.joined(separator: " │ ")
                return StyledLine(text: text, role: role)
            }
        }
        var out = render(header, role: .heading)
        out.append(StyledLine(text: widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), role: .dim))
        for row in rows { out += render(row, role: .normal) }
        return out
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
