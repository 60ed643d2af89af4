/// The "Ejemplos / Examples" block of a command's `--help`. Each example is a `# what it does`
/// line (Spanish, then English) and a `$ acta …` line, so a test can pick the commands out of
/// the help and run them (they cannot go stale). Long commands are continued with ` \` before
/// an option, so no line is wrapped by the 80-column help layout.
enum HelpExamples {
    typealias Example = (command: String, es: String, en: String)

    static func text(_ examples: [Example]) -> String {
        "Ejemplos / Examples:\n" + examples.map { example in
            "  # \(example.es)\n  # \(example.en)\n  $ " + continued(example.command)
        }.joined(separator: "\n\n")
    }

    /// A command's discussion followed by its examples.
    static func discussion(_ text: String, _ examples: [Example]) -> String {
        (text.isEmpty ? "" : text + "\n\n") + Self.text(examples)
    }

    /// Breaks a long command before an option (an option stays with its value), so that no
    /// line of the help is wider than 80 columns.
    static func continued(_ command: String) -> String {
        var segments: [String] = []
        for word in command.split(separator: " ") {
            if word.hasPrefix("--") || segments.isEmpty { segments.append(String(word)) }
            else { segments[segments.count - 1] += " " + word }
        }
        var lines: [String] = []
        for segment in segments {
            if let last = lines.last, last.count + 1 + segment.count <= 70 { lines[lines.count - 1] += " " + segment }
            else { lines.append(segment) }
        }
        return lines.joined(separator: " \\\n      ")
    }
}
