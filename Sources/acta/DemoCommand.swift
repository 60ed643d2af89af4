import ActaCore
import ActaStore
import ActaUI
import ArgumentParser
import Foundation

/// A safe first try: the real first mesa's agenda and the plans, copied into a new folder,
/// recorded there with a guide on screen. Nothing outside that new folder is written.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Pruebe acta sin riesgo: grabe una copia de la primera mesa / Try acta safely on a copy of the first mesa.",
        discussion: HelpExamples.discussion("""
        Copia la agenda real de la mesa del 29/03/2023 (sin su diario) y los planes a una carpeta nueva y abre acta record en ella, con una guía en pantalla. Al salir dice dónde quedaron el acta y los datos. Nunca toca las sesiones incluidas ni las suyas.
        """, [
            ("acta demo", "en una carpeta nueva bajo /tmp", "in a new folder under /tmp"),
            ("acta demo --into prueba-acta --lang en", "en la carpeta nueva prueba-acta, en inglés", "in the new folder prueba-acta, in English"),
        ]))

    @Option(name: .long, help: "Idioma / language: es | en (por defecto según LANG).", completion: Completion.languages)
    var lang: String?

    @Option(help: "Carpeta nueva para la demostración (por defecto una nueva en $TMPDIR o /tmp) / a new folder for the demo.", completion: .directory)
    var into: String?

    func validate() throws {
        if let lang, Language(rawValue: lang.lowercased()) == nil {
            throw ValidationError("--lang: use es o en / use es or en")
        }
    }

    func run() throws {
        let record = try Record.parse([BundledResources.demoSessionName] + (lang.map { ["--lang", $0] } ?? []))
        let language = record.common.language
        let t = { (es: String, en: String) in language == .es ? es : en }
        // Checked before anything is created, so a failed start leaves nothing behind.
        guard isatty(0) == 1, isatty(1) == 1 else {
            printError(t("acta demo necesita un terminal interactivo.", "acta demo needs an interactive terminal."))
            throw ExitCode(64)
        }
        let resources: BundledResources
        do { resources = try BundledResources.locate() } catch {
            printError(error.message.text(language)); throw Exit.noInput
        }
        let mesa: String
        do { mesa = try DemoMesa.create(from: resources, at: into) } catch {
            printError(error.message.text(language)); throw Exit.cantCreate
        }
        let sessions = mesa + "/sessions"
        var inDemo = record
        inDemo.common.sessions = sessions
        defer { printWhereItIs(sessions: sessions, language: language) }
        try inDemo.run(guide: FirstRunGuide(language: language))
    }

    func printWhereItIs(sessions: String, language: Language) {
        let folder = "\(sessions)/\(BundledResources.demoSessionName)"
        let t = { (es: String, en: String) in language == .es ? es : en }
        print("""

        \(t("Demostración terminada. El acta y los datos están en", "Demo finished. The acta and the data are in"))
          \(folder)/
            minutes.md                        \(t("el acta", "the acta (minutes)"))
            action-items.md                   \(t("los acuerdos", "the action items"))
            milestones.csv, milestones.json   \(t("los hitos, como datos abiertos", "the hitos, as open data"))
            journal.jsonl                     \(t("el diario de cada cambio", "the journal of every change"))
        \(t("Para abrirlos:", "To open them:"))
          acta review --sessions \(shellQuoted(sessions))
          less \(shellQuoted(folder + "/minutes.md"))
        """)
    }
}

/// The demo's scratch mesa folder: `<mesa>/sessions/plans/` and the first mesa's agenda.
enum DemoMesa {
    static func create(from resources: BundledResources, at requested: String?) throws(StoreError) -> String {
        let mesa: String
        if let requested {
            // A folder of the user's is never reused: it might hold sessions.
            try FileIO.createDirectory(requested)
            mesa = SessionsLocator.absolute(requested)
        } else {
            mesa = try temporaryFolder()
        }
        let sessions = mesa + "/sessions"
        try FileIO.createDirectory(sessions)
        try resources.copyPlans(into: sessions)
        let folder = "\(sessions)/\(BundledResources.demoSessionName)"
        try FileIO.createDirectory(folder)
        try FileIO.copyFile(resources.demoAgendaPath, to: "\(folder)/\(SessionsDirectory.agendaFile)")
        return mesa
    }

    static func temporaryFolder() throws(StoreError) -> String {
        var base = processEnvironment["TMPDIR"] ?? "/tmp"
        if base.isEmpty || !FileIO.isDirectory(base) { base = "/tmp" }
        var template = Array(SessionsLocator.absolute(base).utf8CString.dropLast()) + Array("/acta-demo-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else {
            throw StoreError(path: base, code: errno, es: "no se puede crear la carpeta de la demostración", en: "cannot create the demo folder")
        }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
