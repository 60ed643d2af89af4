import ActaCore
import ActaStore

/// An error's way out, printed as a command the user can paste and run: a lead-in line,
/// then the command alone, indented, so that a triple-click copies exactly it.
enum NextStep {
    /// One line each: printError shows a line break inside a text as a visible control character.
    static func show(_ lead: String, _ commands: [String]) {
        printError(lead)
        for command in commands { printError("    " + command) }
    }

    static func print(_ language: Language, es: String, en: String, _ commands: String...) {
        show(language == .es ? es : en, commands)
    }

    /// Session names that look like what was typed (same start, or containing it), for
    /// "did you mean"; at most three, newest first.
    static func similarSessions(_ typed: String, in directory: SessionsDirectory) -> [String] {
        let key = Folding.fold(FileIO.basename(of: typed.hasSuffix("/") ? String(typed.dropLast()) : typed))
        guard key.count >= 3 else { return [] }
        return directory.sessionNames().reversed().filter { Folding.fold($0).contains(key) }.prefix(3).map { $0 }
    }
}

extension CommonOptions {
    /// `acta words…`, with the user's `--sessions` and `--lang` kept so it runs the same way.
    func command(_ words: String...) -> String { command(words) }

    func command(_ words: [String]) -> String {
        var all = ["acta"] + words
        if let sessions { all += ["--sessions", sessions] }
        if let lang { all += ["--lang", lang] }
        return all.map(shellQuoted).joined(separator: " ")
    }
}

/// Quotes a word for a command the user will copy, only when it needs it.
func shellQuoted(_ text: String) -> String {
    let plain = text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+,:@%=".contains($0)) }
    return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

extension CommonOptions {
    /// The session an argument names; when there is none, prints why and what to run instead
    /// (`retry` builds the same command for a session that looks like what was typed, else
    /// `acta list`), and stops with 66.
    func session(_ argument: String, in dir: SessionsDirectory, retry: (String) -> String) throws -> String {
        do { return try dir.resolve(argument) } catch {
            printError(error.message.text(language))
            let similar = NextStep.similarSessions(argument, in: dir)
            if similar.isEmpty {
                NextStep.print(language, es: "Las sesiones que hay:", en: "The sessions there are:", command("list"))
            } else {
                NextStep.show(language == .es ? "¿Quiso decir…?" : "Did you mean…?", similar.map(retry))
            }
            throw Exit.noInput
        }
    }
}
