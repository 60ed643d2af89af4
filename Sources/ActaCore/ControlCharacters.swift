/// Typed and loaded text may carry control characters and terminal escape sequences
/// (a pasted ESC, a hostile note). These keep them from ever reaching a terminal or a file.
public enum ControlCharacters {
    /// True for C0, DEL, C1 and the bidirectional overrides that can disguise text.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// Removes control characters; tabs become spaces and newlines are kept or turned into spaces.
    public static func stripped(_ text: String, keepNewlines: Bool) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\n" { out.append(keepNewlines ? "\n" : " ") }
            else if s == "\t" { out.append(" ") }
            else if !isControl(s) { out.append(s) }
        }
        return String(out)
    }

    /// Shows control characters visibly in caret notation (`ESC` → `^[`), as `cat -v` does.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x20 {
                out.append("^"); out.append(Unicode.Scalar(UInt8(v + 0x40)))
            } else if v == 0x7F {
                out.append(contentsOf: "^?".unicodeScalars)
            } else if isControl(s) {
                let hex = String(v, radix: 16, uppercase: true)
                out.append(contentsOf: "<U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)>".unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// A value from a file as an error message shows it: control characters visible (a crafted
    /// plan cannot set the terminal's title or colours through a message) and cut to a readable length.
    public static func shown(_ text: String, limit: Int = 80) -> String {
        let clipped = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return visible(clipped)
    }
}
