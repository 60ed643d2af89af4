import ActaCore

/// Makes typed text safe inside GitHub-flavoured Markdown: it can never open a heading,
/// a list, a table row, a link or HTML, and no control character is written.
public enum MarkdownText {
    /// ASCII punctuation that Markdown or GFM may read as syntax; a backslash makes any of it literal.
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#", "&", "!", "{", "}", "$"]

    /// Inline text on one line (newlines become spaces).
    public static func inline(_ text: String) -> String {
        escapeLine(ControlCharacters.stripped(text, keepNewlines: false).trimmingSpaces())
    }

    /// A table cell: `|` stays inside, newlines become `<br>` line breaks, never a new row.
    public static func cell(_ text: String) -> String {
        let lines = ControlCharacters.stripped(text, keepNewlines: true)
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { escapeLine(String($0).trimmingSpaces(), lineStart: false) }
            .filter { !$0.isEmpty }
        return lines.joined(separator: "<br>")
    }

    /// One or more paragraphs; each typed line is kept as a line (hard break), blank lines separate paragraphs.
    public static func paragraphs(_ text: String) -> String {
        let lines = ControlCharacters.stripped(text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false)
        var blocks: [[String]] = [[]]
        for raw in lines {
            let line = String(raw).trimmingSpaces()
            if line.isEmpty {
                if !(blocks.last?.isEmpty ?? true) { blocks.append([]) }
            } else {
                blocks[blocks.count - 1].append(escapeLine(line))
            }
        }
        return blocks.filter { !$0.isEmpty }.map { $0.joined(separator: "\\\n") }.joined(separator: "\n\n")
    }

    /// `lineStart` also escapes what would open a block at the start of a line (table cells need not).
    static func escapeLine(_ line: String, lineStart: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(line.utf8.count + 8)
        var rest = Substring(line)
        while let c = rest.first {
            // A web address becomes an autolink, whose text is taken literally: escaping its
            // `&`, `#` or `_` would change the address cmark-gfm and pandoc link to.
            if let url = WebAddress.prefix(of: rest, after: out.last) {
                out += "<" + url + ">"
                rest = rest.dropFirst(url.count)
                continue
            }
            if special.contains(c) { out.append("\\") }
            out.append(c)
            rest = rest.dropFirst()
        }
        guard lineStart else { return out }
        // At the start of a line these begin a list, a setext heading, a block quote or an ordered list.
        if let first = out.first, ["-", "+", "=", ">"].contains(first) {
            out.insert("\\", at: out.startIndex)
        } else if let dot = out.firstIndex(where: { !$0.isNumber }), dot != out.startIndex,
                  out[out.startIndex..<dot].allSatisfy({ $0.isASCII && $0.isNumber }), out[dot] == "." || out[dot] == ")" {
            out.insert("\\", at: dot)
        }
        return out
    }
}

/// A GFM table built row by row, every cell escaped.
struct MarkdownTable {
    let header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func add(_ cells: [String]) { rows.append(cells) }

    var text: String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.isEmpty ? " " : MarkdownText.cell($0) }.joined(separator: " | ") + " |"
        }
        var out = [line(header), "|" + header.map { _ in " --- " }.joined(separator: "|") + "|"]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}

/// Web addresses inside typed text, as the acta links them.
public enum WebAddress {
    /// Characters that end an address: they cannot appear in a Markdown autolink (space, `<`, `>`),
    /// split a table cell (`|`), or are quotes around it.
    static let terminators: Set<Character> = [" ", "\t", "<", ">", "|", "\"", "`"]
    /// Punctuation that ends a sentence rather than the address.
    static let trailing: Set<Character> = [".", ",", ";", ":", "!", "?", "'", "*"]

    /// The `http://` or `https://` address at the start of `text`, when it starts a word.
    public static func prefix(of text: Substring, after previous: Character?) -> String? {
        guard text.hasPrefix("http://") || text.hasPrefix("https://") else { return nil }
        if let previous, !(previous.isWhitespace || previous == "(" || previous == "[" || previous == "\\") { return nil }
        var url = String(text.prefix { !terminators.contains($0) && !$0.isWhitespace && !($0.asciiValue.map { $0 < 0x20 } ?? false) })
        while let last = url.last, trailing.contains(last) || (last == ")" && url.filter({ $0 == "(" }).count < url.filter({ $0 == ")" }).count) {
            url.removeLast()
        }
        return url.hasSuffix("://") ? nil : url
    }

    /// Every address in a text, in order.
    public static func all(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        var previous: Character?
        while let c = rest.first {
            if let url = prefix(of: rest, after: previous) {
                found.append(url)
                previous = url.last
                rest = rest.dropFirst(url.count)
            } else {
                previous = c
                rest = rest.dropFirst()
            }
        }
        return found
    }
}
