import ActaCore

/// Writes document blocks as an HTML fragment for pandoc (HTML, DOCX) and weasyprint (PDF): the
/// same blocks as the Markdown, with column widths computed from the contents so that every column
/// fits on the page, typed line breaks kept, web addresses as links, and the closing with the
/// signature block kept together at the end.
public enum HTMLRenderer {
    public static func render(_ blocks: [DocumentBlock]) -> String {
        // The last two sections of an acta (closing, then signatures) are kept together on the last page.
        let sections = blocks.indices.filter { if case .heading(2, _) = blocks[$0] { return true } else { return false } }
        let closingStart = sections.count >= 2 ? sections[sections.count - 2] : nil
        var out: [String] = []
        for (i, block) in blocks.enumerated() {
            if i == closingStart { out.append("<section class=\"closing\">") }
            switch block {
            case .heading(let level, let text):
                out.append("<h\(level)>\(inline(text))</h\(level)>")
            case .fields(let fields):
                out.append("<ul>" + fields.map { "<li><strong>\(escape($0.label)):</strong> \(inline($0.value))</li>" }.joined() + "</ul>")
            case .paragraph(let text):
                out.append(paragraphs(text))
            case .emphasis(let text):
                out.append("<p><em>\(inline(text))</em></p>")
            case .table(let header, let rows):
                out.append(table(header: header, rows: rows, className: nil))
            case .signatureTable(let header, let rows):
                out.append(table(header: header, rows: rows, className: "signatures"))
            case .rule:
                out.append("<hr />")
            }
        }
        if closingStart != nil { out.append("</section>") }
        return out.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in ControlCharacters.stripped(text, keepNewlines: false) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// One line of text with its web addresses as links.
    static func inline(_ text: String) -> String {
        var out = ""
        var plain = ""
        var rest = Substring(ControlCharacters.stripped(text, keepNewlines: false).trimmingSpaces())
        while let c = rest.first {
            if let url = WebAddress.prefix(of: rest, after: plain.last ?? out.last) {
                out += escape(plain) + "<a href=\"\(escape(url))\">\(escape(url))</a>"
                plain = ""
                rest = rest.dropFirst(url.count)
            } else {
                plain.append(c)
                rest = rest.dropFirst()
            }
        }
        return out + escape(plain)
    }

    /// Typed lines kept as lines.
    static func lines(_ text: String) -> String {
        ControlCharacters.stripped(text, keepNewlines: true).split(separator: "\n").map { inline(String($0)) }
            .filter { !$0.isEmpty }.joined(separator: "<br />")
    }

    static func paragraphs(_ text: String) -> String {
        ControlCharacters.stripped(text, keepNewlines: true).components(separatedBy: "\n\n")
            .map(lines).filter { !$0.isEmpty }.map { "<p>\($0)</p>" }.joined(separator: "\n")
    }

    static func table(header: [String], rows: [[String]], className: String?) -> String {
        var widths = ColumnWidths.percentages(header: header, rows: rows)
        if className == "signatures", widths.count > 1 {
            // The blank column is where people sign: a third of the line, the rest in proportion.
            // At the signatures' 9 pt, two thirds of the line hold about 64 characters.
            let rest = ColumnWidths.percentages(header: Array(header.dropLast()), rows: rows.map { Array($0.dropLast()) },
                                                lineCharacters: 64)
            widths = rest.map { $0 * 2 / 3 } + [0]
            widths[widths.count - 1] = 100 - widths.reduce(0, +)
        }
        var out = "<table" + (className.map { " class=\"\($0)\"" } ?? "") + ">\n<colgroup>"
        out += widths.map { "<col style=\"width: \($0)%\" />" }.joined()
        out += "</colgroup>\n<thead>\n<tr>" + header.map { "<th>\(inline($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.map { "<td>\(lines($0))</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>"
    }
}

/// Column widths for a printed table: each column gets at least its longest word (a header word
/// is never split), and the rest of the line goes to the columns with the most text.
public enum ColumnWidths {
    /// Characters of table text across the page (7.5 pt on Letter or A4 with the stylesheet's margins).
    public static let lineCharacters = 115.0
    /// A word longer than this (a web address) may wrap inside its cell.
    static let longestUnbrokenWord = 16.0
    /// Cell padding and borders, in characters.
    static let padding = 2.0

    public static func percentages(header: [String], rows: [[String]], lineCharacters: Double = lineCharacters) -> [Int] {
        let columns = header.count
        guard columns > 0 else { return [] }
        func words(_ s: String) -> [Double] {
            s.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Double(DisplayWidth.of(String($0))) }
        }
        var minimum = [Double](repeating: 0, count: columns)
        var text = [Double](repeating: 0, count: columns)
        for c in 0..<columns {
            let cells = rows.compactMap { c < $0.count ? $0[c] : nil }
            let headerWord = words(header[c]).max() ?? 0
            let cellWord = cells.flatMap(words).map { min($0, longestUnbrokenWord) }.max() ?? 0
            minimum[c] = max(headerWord, cellWord, 2) + padding
            // The longest cell, tempered: a long note should not starve the other columns.
            let longest = cells.map { Double(DisplayWidth.of($0)) }.max() ?? 0
            text[c] = min(longest, 80)
        }
        let spare = max(0, lineCharacters - minimum.reduce(0, +))
        let extra = text.enumerated().map { max(0, $0.element - minimum[$0.offset]) }
        let totalExtra = extra.reduce(0, +)
        var widths = minimum.enumerated().map { c, m in m + (totalExtra > 0 ? spare * extra[c] / totalExtra : spare / Double(columns)) }
        // A table narrower than the page keeps its proportions and fills the width.
        let sum = widths.reduce(0, +)
        widths = widths.map { $0 / sum * 100 }
        var rounded = widths.map { max(1, Int($0.rounded())) }
        rounded[rounded.indices.max { widths[$0] < widths[$1] }!] += 100 - rounded.reduce(0, +)
        return rounded
    }
}
