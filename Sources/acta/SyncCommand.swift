import ActaCore
import ActaFormats
import ActaGit
import ActaStore
import ArgumentParser
import Foundation

extension KeptJournal: ExpressibleByArgument {}

struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Comparte la mesa por git: pull --rebase y push / Shares the mesa through git: pull --rebase, then push.",
        discussion: HelpExamples.discussion("""
        Confirma (commit) los registros de sesiones aún sin confirmar, trae lo del remoto (rebase) y envía lo propio.
        Si dos equipos grabaron la misma sesión, no trae ni envía nada: guarda el otro diario como journal.<id>.jsonl, muestra los eventos que difieren y sale con 65; luego --keep mine|theirs decide cuál se conserva.
        Códigos: 0 bien; 65 dos grabadores o cambios que git no pudo combinar; 69 sin git, sin repositorio, sin remoto o sin red.
        """, [
            ("acta sync", "envía lo grabado y trae lo de los demás", "sends what was recorded and fetches the others'"),
            ("acta sync --keep theirs", "tras un conflicto de grabadores, conserva el diario del remoto",
             "after a two-recorder conflict, keeps the remote's journal"),
        ]))

    @OptionGroup var common: CommonOptions

    @Option(help: "Tras un conflicto de grabadores: mine (este equipo) o theirs (el remoto) / After a two-recorder conflict: which journal to keep.")
    var keep: KeptJournal?

    func run() throws {
        let location = common.location
        try requireSessionsFolder(location, common.language)
        let code = MesaSharing.sync(location.directory, language: common.language, keep: keep)
        if code != 0 { throw ExitCode(code) }
    }
}

/// The git side of the commands: what record commits on quit and what sync reports.
enum MesaSharing {
    static let unavailable: Int32 = 69

    static var recorder: String { RecorderIdentity.current(environment: processEnvironment) }

    /// Runs a sync and prints what happened; returns the exit code.
    static func sync(_ sessions: SessionsDirectory, language: Language, keep: KeptJournal? = nil) -> Int32 {
        let t = { (es: String, en: String) in language == .es ? es : en }
        do {
            let repository = try MesaRepository.open(sessions, recorder: recorder)
            switch try repository.sync(language: language, keep: keep) {
            case .done(let received, let sent, let committed):
                if let committed { print(t("Confirmado lo que faltaba: \(committed)", "Committed what was missing: \(committed)")) }
                print(received.isEmpty ? t("Nada nuevo del remoto.", "Nothing new from the remote.")
                                       : t("Recibido: ", "Received: ") + received.joined(separator: ", "))
                print(sent == 0 ? t("Nada que enviar.", "Nothing to send.") : t("Enviados \(sent) commits.", "Sent \(sent) commits."))
                return 0
            case .conflicts(let conflicts):
                for c in conflicts { report(c, language) }
                printError(t("No se trajo ni envió nada. Compare los dos diarios y decida: acta sync --keep mine (conservar el de este equipo) o --keep theirs (el del remoto); el otro queda en el historial de git y en su copia.",
                             "Nothing was pulled or pushed. Compare both journals and decide: acta sync --keep mine (keep this computer's) or --keep theirs (the remote's); the other stays in git's history and in its copy."))
                return 65
            case .rebaseStopped(let files):
                printError(t("git no pudo combinar estos archivos, cambiados aquí y en el remoto; no se envió nada y el repositorio quedó como estaba: ",
                             "git could not combine these files, changed here and on the remote; nothing was sent and the repository is as it was: ")
                           + files.joined(separator: ", "))
                return 65
            }
        } catch {
            printError("acta sync: " + error.message(language))
            return unavailable
        }
    }

    static func report(_ c: JournalConflict, _ language: Language) {
        let t = { (es: String, en: String) in language == .es ? es : en }
        let mine = c.ourRecorder ?? t("este equipo", "this computer"), theirs = c.theirRecorder ?? t("el remoto", "the remote")
        printError(t("\(c.session): la sesión se grabó en dos equipos (\(mine) y \(theirs)); solo puede haber un grabador por sesión.",
                     "\(c.session): the session was recorded on two computers (\(mine) and \(theirs)); a session has one recorder only."))
        printError(t("  El diario del remoto se guardó en \(c.copy)", "  The remote's journal was kept in \(c.copy)"))
        printError(t("  Solo en este equipo (\(mine)):", "  Only on this computer (\(mine)):"))
        for line in c.onlyOurs { printError("    + " + ControlCharacters.visible(JournalComparison.summary(line))) }
        printError(t("  Solo en el remoto (\(theirs)):", "  Only on the remote (\(theirs)):"))
        for line in c.onlyTheirs { printError("    + " + ControlCharacters.visible(JournalComparison.summary(line))) }
    }

    /// After recording: commits the session when the mesa folder (one `acta init` made, so it has
    /// the marker) is in a repository; otherwise says what was not shared. Never fails the
    /// recording. Without the marker nothing is committed: sessions/ inside some other repository
    /// (acta's own source tree, say) is not a shared mesa until `acta init` makes it one.
    static func commitRecorded(_ session: Session, name: String, in sessions: SessionsDirectory, language: Language) {
        guard FileIO.exists(FileIO.parent(of: SessionsLocator.absolute(sessions.root)) + "/" + SessionsLocator.marker) else { return }
        let t = { (es: String, en: String) in language == .es ? es : en }
        let reports = session.reports.count
        let items = session.actionItems.count
        let message = t("Acta \(session.agenda.actaNumber): \(reports) \(reports == 1 ? "informe" : "informes") de hitos, \(items) \(items == 1 ? "acuerdo" : "acuerdos")",
                        "Acta \(session.agenda.actaNumber): \(reports) milestone \(reports == 1 ? "report" : "reports"), \(items) action \(items == 1 ? "item" : "items")")
        do {
            let repository = try MesaRepository.open(sessions, recorder: recorder)
            if let hash = try repository.commitSession(name, message: message) {
                print(t("Confirmado en git (\(hash)): \(message). «acta sync» lo comparte.",
                        "Committed to git (\(hash)): \(message). “acta sync” shares it."))
            }
        } catch .notARepository {
            // Sharing was never set up for this folder: nothing to say.
        } catch .gitMissing where !insideRepository(sessions.root) {
        } catch {
            printError(t("Sin compartir: ", "Not shared: ") + error.message(language))
        }
    }

    /// Whether a `.git` is at or above the folder (for when git itself cannot be asked).
    static func insideRepository(_ path: String) -> Bool {
        var folder = SessionsLocator.absolute(path)
        while true {
            if FileIO.exists(folder + "/.git") { return true }
            if folder == "/" || folder.isEmpty { return false }
            folder = FileIO.parent(of: folder)
        }
    }
}
