import ActaFormats

/// A CSV file as a spreadsheet: any of `,` `;` TAB, UTF-8 with or without BOM, or Windows-1252.
public enum CSVSheet {
    public struct Read: Sendable {
        public let grid: SheetGrid
        public let delimiter: Unicode.Scalar
        public let encoding: String
    }

    public static let delimiters: [Unicode.Scalar] = [",", ";", "\t"]

    public static func read(_ bytes: [UInt8]) -> Read {
        var (text, encoding) = TextDecoding.decodeSpreadsheet(bytes)
        var delimiter = detectDelimiter(text)
        // Excel may start the file with "sep=;" to say which delimiter it used.
        if text.hasPrefix("sep="), let d = text.unicodeScalars.dropFirst(4).first, delimiters.contains(d) {
            delimiter = d
            text = String(text.drop { $0 != "\n" && $0 != "\r\n" }.dropFirst())
        }
        return Read(grid: SheetGrid(rows: CSV.read(text, delimiter: delimiter)), delimiter: delimiter, encoding: encoding)
    }

    /// The delimiter that splits the most rows into the same number of cells (more than one):
    /// a table has a constant width, while a stray comma in a `;` file does not make one.
    static func detectDelimiter(_ text: String) -> Unicode.Scalar {
        let sample = String(text.prefix(16_384))
        var best: (delimiter: Unicode.Scalar, score: Int, width: Int) = (",", 0, 0)
        for d in delimiters {
            let widths = CSV.read(sample, delimiter: d).prefix(50).map(\.count).filter { $0 > 1 }
            var counts: [Int: Int] = [:]
            for w in widths { counts[w, default: 0] += 1 }
            guard let (width, score) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            if score > best.score || (score == best.score && width > best.width) { best = (d, score, width) }
        }
        return best.delimiter
    }

    /// UTF-8 with a BOM (so spreadsheet programs read the accents), comma-separated, CRLF.
    public static func write(_ rows: [[String]]) -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(CSV.write(rows).utf8)
    }
}
