/// Plain man(7) roff: escaping and the few macros the pages use.
enum Roff {
    /// Escapes text for roff: backslashes, and a line must not start with `.` or `'`.
    static func text(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\e").split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line) }
            .joined(separator: "\n")
    }

    /// An option or command word: hyphens are minus signs, so they can be searched and copied.
    static func literal(_ s: String) -> String { text(s).replacingOccurrences(of: "-", with: "\\-") }

    static func bold(_ s: String) -> String { "\\fB" + literal(s) + "\\fR" }
    static func italic(_ s: String) -> String { "\\fI" + literal(s) + "\\fR" }

    /// A shell example shown as typed, without filling.
    static func example(_ lines: [String]) -> String {
        ".PP\n.RS 4\n.nf\n" + lines.map(literal).joined(separator: "\n") + "\n.fi\n.RE"
    }
}
