import ActaCore
import ActaFormats
import ActaStore
import ArgumentParser

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "(Re)escribe minutes.md, action-items.md, milestones.csv y milestones.json / (Re)writes the outputs.",
        discussion: HelpExamples.discussion("", [
            ("acta export 2023-10-18-ejemplo-octubre", "el acta y los datos en español", "the acta and data in Spanish"),
            ("acta export 2023-10-18-ejemplo-octubre --lang en", "en inglés", "in English"),
        ]))

    @OptionGroup var common: CommonOptions

    @Argument(help: "Sesión (carpeta o ruta) / Session (folder or path).", completion: Completion.sessions)
    var session: String

    func run() throws {
        let language = common.language
        let location = common.location
        let dir = location.directory
        try requireSessionsFolder(location, language)
        let name: String
        do { name = try dir.resolve(session) } catch {
            printError(error.message.text(language))
            throw Exit.noInput
        }
        let all = dir.loadAll()
        let loaded = all.first { $0.name == name } ?? dir.load(name)
        report(loaded.diagnostics, language)
        // Publishing an acta that silently leaves out a journal line would be worse than none.
        guard let named = loaded.named, loaded.errors.isEmpty else {
            let journalOnly = loaded.session != nil
            printError(language == .es
                ? "\(loaded.folder): no se exportó nada; corrija los errores (acta check)." + (journalOnly ? " Las líneas del diario que acta no puede leer no se borran: muévalas a otro archivo (p. ej. journal.rechazadas) para exportar sin ellas." : "")
                : "\(loaded.folder): nothing exported; fix the errors (acta check)." + (journalOnly ? " Journal lines acta cannot read are never deleted: move them to another file (e.g. journal.rejected) to export without them." : ""))
            throw Exit.dataError
        }
        do {
            for path in try Exporter.export(named, archive: SessionsDirectory.archive(all), into: loaded.folder,
                                            language: language) {
                print(ControlCharacters.visible(path))
            }
        } catch {
            printError(error.message.text(language))
            throw Exit.cantCreate
        }
    }
}
