import ActaCore
import ActaFormats
import ActaStore
import ArgumentParser
import Foundation

@main
struct Acta: ParsableCommand {
    static let version = "acta 0.1.0"

    /// `acta --version` and plain `acta record` lines skip ArgumentParser's parse (see
    /// QuickStart); everything else goes through it. Errors end the same way either way.
    static func main() {
        switch QuickStart.command(Array(CommandLine.arguments.dropFirst())) {
        case .version?:
            print(version)
        case .record(let record)?:
            do { try record.run() } catch { exit(withError: error) }
        case nil:
            main(nil)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "acta",
        abstract: "Actas de la Mesa Técnica de Gobierno Abierto / Minutes of the Open Government roundtable.",
        discussion: HelpExamples.discussion("""
        Las sesiones se buscan como git busca su repositorio: la carpeta sessions/ (con plans/ dentro) más cercana desde la carpeta actual hacia arriba; ACTA_SESSIONS o --sessions la cambian. Textos en español; --lang en o una configuración regional inglesa para inglés.
        Códigos de salida: 0 bien, 64 uso incorrecto, 65 datos con errores, 66 no existe la entrada, 73 no se puede crear, 74 error de E/S.
        """, [
            ("acta demo", "pruebe acta en una copia de la primera mesa", "try acta on a copy of the first mesa"),
            ("acta list", "las sesiones, la más reciente primero", "the sessions, newest first"),
            ("acta check", "valida todas las sesiones y planes", "validates every session and plan"),
            ("acta record 2023-03-29-primera-mesa", "graba la mesa en vivo", "records the mesa live"),
            ("acta new --help", "ayuda y ejemplos de un subcomando", "a subcommand's help and examples"),
        ]),
        version: version,
        subcommands: [Demo.self, New.self, Check.self, Export.self, List.self, Record.self, Correct.self, Review.self, History.self, Actions.self, Init.self, Sync.self, PlanCommand.self, Search.self])
}

/// Options every subcommand shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Idioma / language: es | en (por defecto según LANG).", completion: Completion.languages)
    var lang: String?

    @Option(name: .long, help: "Carpeta de sesiones (si no, ACTA_SESSIONS o la carpeta sessions/ más cercana hacia arriba) / sessions folder (else ACTA_SESSIONS or the nearest sessions/ upwards).", completion: .directory)
    var sessions: String?

    var language: Language {
        if let lang, let l = Language(rawValue: lang.lowercased()) { return l }
        return Language.fromEnvironment(processEnvironment)
    }

    func validate() throws {
        if let lang, Language(rawValue: lang.lowercased()) == nil {
            throw ValidationError("--lang: use es o en / use es or en")
        }
    }

    /// The sessions folder in use: `--sessions`, `ACTA_SESSIONS`, or found walking up like git.
    var location: SessionsLocator.Location {
        Self.withSnapshots(SessionsLocator.locate(option: sessions, environment: processEnvironment))
    }

    var directory: SessionsDirectory { location.directory }

    /// The folder named on the command line, else the one located.
    /// - Parameter mayWriteInFolder: false for `acta review`, which never writes into the sessions folder.
    func location(argument: String?, mayWriteInFolder: Bool = true) -> SessionsLocator.Location {
        let found = argument.map { SessionsLocator.Location(directory: SessionsDirectory(root: $0), source: .option) }
            ?? SessionsLocator.locate(option: sessions, environment: processEnvironment)
        return Self.withSnapshots(found, mayWriteInFolder: mayWriteInFolder)
    }

    /// Long journals open from snapshots kept beside the session index (see DECISIONS).
    static func withSnapshots(_ location: SessionsLocator.Location, mayWriteInFolder: Bool = true) -> SessionsLocator.Location {
        let snapshots = JournalSnapshots(environment: processEnvironment, mayWriteInFolder: mayWriteInFolder)
        return SessionsLocator.Location(directory: location.directory.caching(snapshots), source: location.source)
    }
}

/// sysexits(3) codes, as documented in the README.
enum Exit {
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    /// A program the command needs is not installed (pandoc, weasyprint).
    static let unavailable = ExitCode(69)
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

/// Stops with exit 66 and a message saying where acta looked when the sessions folder is missing.
func requireSessionsFolder(_ location: SessionsLocator.Location, _ language: Language) throws {
    guard !FileIO.isDirectory(location.directory.root) else { return }
    let root = location.directory.root
    if location.source == .notFound {
        printError(language == .es
            ? "No se encontró la carpeta de sesiones: ni aquí ni en una carpeta superior hay sessions/ con plans/ dentro. Vaya a la carpeta de la mesa, o use --sessions CARPETA o \(SessionsLocator.environmentVariable)."
            : "No sessions folder found: neither here nor in a folder above is there a sessions/ with plans/ inside. Go to the mesa's folder, or use --sessions DIR or \(SessionsLocator.environmentVariable).")
        NextStep.print(language, es: "Para crear aquí la carpeta de una mesa, o probar acta en una copia:",
                       en: "To make a mesa folder here, or to try acta on a copy:", "acta init", "acta demo")
    } else {
        printError(language == .es ? "\(root): no existe la carpeta de sesiones; use --sessions CARPETA"
                                   : "\(root): the sessions folder does not exist; use --sessions DIR")
        if FileIO.basename(of: root) == "sessions" {
            NextStep.print(language, es: "Para crear ahí la carpeta de una mesa:", en: "To make a mesa folder there:",
                           "acta init " + shellQuoted(FileIO.parent(of: root)))
        }
    }
    throw Exit.noInput
}

/// A folder or plan name acta creates: a-z, 0-9 and hyphens, not starting with one.
func isSlug(_ text: String) -> Bool {
    !text.isEmpty && !text.hasPrefix("-") && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
}

/// The process's environment, read once: Foundation builds a new dictionary each time it is
/// asked, and `acta record` asks half a dozen times before its first frame. acta never
/// changes its own environment.
let processEnvironment = ProcessInfo.processInfo.environment
