import ActaCore

extension CSV {
    /// What starts a formula in a spreadsheet (OWASP, "CSV Injection").
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text cell as every CSV acta writes it: control characters removed (TAB and line breaks
    /// kept, CR read as a line break), and a cell that a spreadsheet would run as a formula
    /// (starting with = + - @ TAB or CR) prefixed with `'`, OWASP's rule. Numbers stay numbers.
    public static func cell(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            defer { previousCR = s == "\r" }
            if s == "\r" { out.append("\n"); continue }
            if s == "\n" { if !previousCR { out.append(s) }; continue }
            if s == "\t" || !ControlCharacters.isControl(s) { out.append(s) }
        }
        let cleaned = String(out)
        if isNumber(cleaned) { return cleaned }
        let first = [text.unicodeScalars.first, out.first].compactMap { $0 }
        return first.contains(where: formulaStarts.contains) ? "'" + cleaned : cleaned
    }

    /// A plain decimal number (`70`, `-3`, `2.5`): spreadsheets read it as a number, never a formula.
    static func isNumber(_ text: String) -> Bool {
        var digits = Substring(text)
        if let f = digits.first, f == "-" || f == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
