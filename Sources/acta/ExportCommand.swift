import ActaCore
import ActaFormats
import ActaStore
import ArgumentParser
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "(Re)escribe minutes.md, action-items.md, milestones.csv y milestones.json / (Re)writes the outputs.",
        discussion: HelpExamples.discussion("", [
            ("acta export 2023-10-18-ejemplo-octubre", "el acta y los datos en español", "the acta and data in Spanish"),
            ("acta export 2023-10-18-ejemplo-octubre --lang en", "en inglés", "in English"),
            ("acta export 2023-10-18-ejemplo-octubre --format pdf", "también el acta en PDF (con pandoc y weasyprint)",
             "the acta as PDF too (with pandoc and weasyprint)"),
        ]))

    @OptionGroup var common: CommonOptions

    @Argument(help: "Sesión (carpeta o ruta) / Session (folder or path).", completion: Completion.sessions)
    var session: String

    @Option(help: "md | html | docx | pdf | all (o varios separados por comas / or several, comma-separated). Por defecto / default: md.")
    var format: String = "md"

    @Option(help: "Papel / paper: letter | a4 (PDF, DOCX).")
    var paper: String = "letter"

    @Flag(help: "CSV en UTF-8 con BOM, para que Excel lea bien los acentos / CSV as UTF-8 with a BOM, for Excel.")
    var bom = false

    @Option(help: "Licencia de los datos / data licence: CC-BY-4.0 (por defecto / default), CC-BY-SA-4.0, CC0-1.0, ODC-BY-1.0, ODbL-1.0, PDDL-1.0.")
    var license: String = DataLicense.default.id

    func validate() throws {
        _ = try formats()
        guard Paper(rawValue: paper.lowercased()) != nil else {
            throw ValidationError("--paper: use letter o a4 / use letter or a4")
        }
        guard DataLicense.named(license) != nil else {
            throw ValidationError("--license: use / use " + DataLicense.known.map(\.id).joined(separator: ", "))
        }
    }

    /// The formats asked for; Markdown is always written.
    func formats() throws -> [DocumentFormat] {
        var result: [DocumentFormat] = []
        for name in format.lowercased().split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if name == "all" { return DocumentFormat.allCases }
            guard let f = DocumentFormat(rawValue: name) else {
                throw ValidationError("--format: «\(name)» no es un formato; use md, html, docx, pdf o all / “\(name)” is not a format; use md, html, docx, pdf or all")
            }
            if !result.contains(f) { result.append(f) }
        }
        return result
    }

    func run() throws {
        let language = common.language
        let location = common.location
        let dir = location.directory
        try requireSessionsFolder(location, language)
        let name = try common.session(session, in: dir) { common.command("export", $0) }
        let loaded = dir.load(name)
        report(loaded.diagnostics, language)
        // Publishing an acta that silently leaves out a journal line would be worse than none.
        guard let named = loaded.named, loaded.errors.isEmpty else {
            let journalOnly = loaded.session != nil
            printError(language == .es
                ? "\(loaded.folder): no se exportó nada; corrija los errores." + (journalOnly ? " Las líneas del diario que acta no puede leer no se borran: muévalas a otro archivo (p. ej. journal.rechazadas) para exportar sin ellas." : "")
                : "\(loaded.folder): nothing exported; fix the errors." + (journalOnly ? " Journal lines acta cannot read are never deleted: move them to another file (e.g. journal.rejected) to export without them." : ""))
            NextStep.print(language, es: "Para verlos con su archivo y línea:", en: "To see them with their file and line:", common.command("check", name))
            throw Exit.dataError
        }
        let archive = IndexedArchive(dir).archive
        do {
            let options = OpenDataOptions(bom: bom, license: DataLicense.named(license) ?? .default)
            for path in try Exporter.export(named, archive: archive, into: loaded.folder, language: language, options: options) {
                print(ControlCharacters.visible(path))
            }
        } catch {
            printError(error.message.text(language))
            throw Exit.cantCreate
        }
        let documents = try formats().filter { $0 != .md }
        guard !documents.isEmpty else { return }
        let styles: String
        do { styles = try BundledResources.locate().exportFolder } catch {
            printError(error.message.text(language))
            throw Exit.unavailable
        }
        let writer = MinutesWriter(session: named, archive: archive, language: language)
        let exporter = DocumentExporter(stylesFolder: styles, paper: Paper(rawValue: paper.lowercased()) ?? .letter, language: language)
        do {
            let title = "\(language == .es ? "Acta" : "Minutes") \(named.session.agenda.actaNumber) — \(named.session.agenda.title)"
            for path in try exporter.export(writer.document(), title: title, formats: documents, into: loaded.folder) {
                print(ControlCharacters.visible(path))
            }
        } catch {
            switch error {
            case .missing(let missing):
                printError(missing.message.text(language))
                throw Exit.unavailable
            case .failed(let message):
                printError(message.text(language))
                throw Exit.cantCreate
            }
        }
    }
}
