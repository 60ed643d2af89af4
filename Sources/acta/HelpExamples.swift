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

    static func continued(_ command: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in command.split(separator: " ") {
            if word.hasPrefix("--") && line.count + word.count > 60 {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: " \\\n      ")
    }
}
