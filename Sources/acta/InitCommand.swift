import ActaCore
import ActaGit
import ActaStore
import ArgumentParser

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Crea la carpeta de una mesa / Creates a mesa folder (sessions/plans, README, .gitignore).",
        discussion: HelpExamples.discussion("""
        Crea lo que falta y nunca sobrescribe: sessions/plans/ con los planes que acompañan a acta, un README, un .gitignore (borradores, bloqueos y cachés no se comparten) y el marcador .acta-mesa que permite encontrarla desde cualquier subcarpeta.
        Con --git (o dentro de un repositorio existente) la carpeta se comparte por git: acta record confirma cada sesión y acta sync la envía.
        Códigos: 0 bien; 73 no se pudo crear; 69 se creó la carpeta pero git no está disponible.
        """, [
            ("acta init mesa-gobierno-abierto --git", "una carpeta nueva, como repositorio git", "a new folder, as a git repository"),
            ("acta init", "la carpeta actual", "the current folder"),
        ]))

    @OptionGroup var common: CommonOptions

    @Argument(help: "Carpeta de la mesa (por defecto la actual) / Mesa folder (default: the current one).")
    var directory: String = "."

    @Flag(help: "Hacerla un repositorio git / Make it a git repository.")
    var git = false

    func run() throws {
        let language = common.language
        let t = { (es: String, en: String) in language == .es ? es : en }
        let folder = MesaFolder(path: directory)
        let created: [String]
        do {
            created = try folder.create(plansFrom: try BundledResources.locate())
        } catch {
            printError(error.message.text(language))
            throw Exit.cantCreate
        }
        for path in created { print(t("creado: ", "created: ") + path) }
        if created.isEmpty { print(t("\(folder.path): ya es una carpeta de mesa; no se cambió nada.", "\(folder.path): already a mesa folder; nothing changed.")) }
        let sessions = SessionsDirectory(root: folder.sessionsRoot)
        // Inside an existing repository the mesa is shared as it is; --git creates one.
        do {
            if git, try MesaRepository.initialize(folder.path) {
                print(t("repositorio git creado en \(folder.path)", "git repository created in \(folder.path)"))
            }
            let repository = try MesaRepository.open(sessions, recorder: MesaSharing.recorder)
            if let hash = try repository.commitMesa(folder, message: t("Mesa creada con acta init", "Mesa created with acta init")) {
                print(t("Confirmado en git (\(hash)). Añada un remoto (git remote add origin URL) y use acta sync.",
                        "Committed to git (\(hash)). Add a remote (git remote add origin URL) and use acta sync."))
            }
        } catch SharingUnavailable.notARepository where !git {
            // Not asked for git and not inside a repository: a plain folder is fine.
        } catch {
            printError(error.message(language))
            throw ExitCode(MesaSharing.unavailable)
        }
        print(t("Siguiente: acta new AAAA-MM-DD nombre --plan <id> (desde \(folder.path) o cualquier subcarpeta).",
                "Next: acta new YYYY-MM-DD name --plan <id> (from \(folder.path) or any folder below)."))
    }
}
