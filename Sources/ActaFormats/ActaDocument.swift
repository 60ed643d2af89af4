import ActaCore

/// A field of a document's heading list: "Fecha: 29 de marzo de 2023".
public struct DocumentField: Sendable, Hashable {
    public let label: String
    public let value: String
}

/// A block of a document with plain (unescaped) text: the acta is built once as blocks, then
/// written as Markdown for files or laid out for the terminal by the reader's pager.
public enum DocumentBlock: Sendable, Hashable {
    case heading(level: Int, text: String)
    case fields([DocumentField])
    /// Text whose own line breaks are kept.
    case paragraph(String)
    case emphasis(String)
    case table(header: [String], rows: [[String]])
    /// The signature block: one row per delegate present, the last column left blank to sign.
    case signatureTable(header: [String], rows: [[String]])
    case rule

    public var headingText: String? {
        if case .heading(_, let text) = self { return text }
        return nil
    }
}

/// Writes blocks as GitHub-flavoured Markdown; typed text can never break the structure.
public enum MarkdownRenderer {
    public static func render(_ blocks: [DocumentBlock]) -> String {
        blocks.map { block in
            switch block {
            case .heading(let level, let text):
                return String(repeating: "#", count: level) + " "
                    + MarkdownText.escapeLine(ControlCharacters.stripped(text, keepNewlines: false).trimmingSpaces(), lineStart: false)
            case .fields(let fields):
                return fields.map { "- **\($0.label):** \(MarkdownText.inline($0.value))" }.joined(separator: "\n")
            case .paragraph(let text):
                return MarkdownText.paragraphs(text)
            case .emphasis(let text):
                return "_" + MarkdownText.inline(text) + "_"
            case .table(let header, let rows), .signatureTable(let header, let rows):
                var table = MarkdownTable(header)
                rows.forEach { table.add($0) }
                return table.text
            case .rule:
                return "---"
            }
        }.joined(separator: "\n\n") + "\n"
    }
}
