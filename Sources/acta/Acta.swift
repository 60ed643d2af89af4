import ActaCore
import ActaFormats
import ActaStore
import ArgumentParser
import Foundation

@main
struct Acta: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acta",
        abstract: "Actas de la Mesa Técnica de Gobierno Abierto / Minutes of the Open Government roundtable.",
        discussion: """
        Sesiones en ./sessions (cámbielo con --sessions). Textos en español; --lang en o una configuración regional inglesa para inglés.
        Códigos de salida: 0 bien, 64 uso incorrecto, 65 datos con errores, 66 no existe la entrada, 73 no se puede crear, 74 error de E/S.
        """,
        version: "acta 0.1.0",
        subcommands: [New.self, Check.self, Export.self, List.self, Record.self, Review.self, History.self, Actions.self])
}

/// Options every subcommand shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Idioma / language: es | en (por defecto según LANG).")
    var lang: String?

    @Option(name: .long, help: "Carpeta de sesiones / sessions folder.")
    var sessions: String = "sessions"

    var language: Language {
        if let lang, let l = Language(rawValue: lang.lowercased()) { return l }
        return Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    func validate() throws {
        if let lang, Language(rawValue: lang.lowercased()) == nil {
            throw ValidationError("--lang: use es o en / use es or en")
        }
    }

    var directory: SessionsDirectory { SessionsDirectory(root: sessions) }
}

/// sysexits(3) codes, as documented in the README.
enum Exit {
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let cantCreate = ExitCode(73)
    static let ioError = ExitCode(74)
}

/// Every message goes through here: values from files (a plan's title, a path) may hold escape
/// sequences, which are shown visibly so they cannot retitle or recolour the terminal.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((ControlCharacters.visible(text) + "\n").utf8))
}

/// Prints diagnostics, errors first; returns whether any was an error.
@discardableResult
func report(_ diagnostics: [Diagnostic], _ language: Language) -> Bool {
    for d in diagnostics { printError(d.formatted(language)) }
    return diagnostics.contains { $0.severity == .error }
}
