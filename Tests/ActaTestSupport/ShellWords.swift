/// Splits a command line printed for a user the way sh would, for the few forms acta prints:
/// words separated by spaces, grouped by single or double quotes (`'\''` inside single quotes).
public enum ShellWords {
    public static func split(_ line: some StringProtocol) -> [String] {
        var words: [String] = [], word = "", quote: Character?, started = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c; started = true
            } else if c == " " {
                if started { words.append(word) }
                word = ""; started = false
            } else {
                word.append(c); started = true
            }
        }
        if started { words.append(word) }
        return words
    }
}
