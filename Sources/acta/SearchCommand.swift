import ActaCore
import ActaFormats
import ActaStore
import ArgumentParser
import Foundation

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Busca palabras en todas las sesiones / Searches every session for words.",
        discussion: HelpExamples.discussion("""
        Busca en títulos, notas, acuerdos y en los hitos informados (su texto en el plan y la nota), sin distinguir \
        mayúsculas ni acentos; cada palabra vale también como comienzo de palabra. La más reciente primero. \
        Sale con 1 si no encuentra nada.
        """, [
            ("acta search capacitaciones", "dónde se habló de capacitaciones", "where training was discussed"),
            ("acta search calendario publicar --format csv", "las dos palabras, como CSV", "both words, as CSV"),
        ]))

    @OptionGroup var common: CommonOptions
    @Argument(help: "Palabras / words (todas deben aparecer / all must occur).") var words: [String]
    @Option(help: "text | csv | json") var format: OutputFormat = .text

    func run() throws {
        let language = common.language
        let location = common.location
        let typed = words.joined(separator: " ")
        // Checked before the folder: what was typed is the first thing to fix.
        let searched: SearchWords
        switch SearchWords.parse(typed) {
        case .success(let w): searched = w
        case .failure(let problem): printError(problem.message(language)); throw ExitCode(64)
        }
        try requireSessionsFolder(location, language)
        let index = SessionIndex(location.directory, environment: processEnvironment)
        let (hits, sessions) = index.search(searched)
        let byName = Dictionary(sessions.compactMap { s in s.summary.map { (s.name, $0) } }, uniquingKeysWith: { a, _ in a })
        // A session that cannot be read was not searched: say so, so that no hit is not taken for "not there".
        let unread = sessions.filter { $0.summary == nil }.map { ControlCharacters.visible($0.name) }
        if !unread.isEmpty {
            printError(language == .es
                       ? "Aviso: no se buscó en " + Plural.count(unread.count, "sesión", "sesiones") + " con errores: "
                         + unread.joined(separator: ", ") + " (acta check dice qué corregir)."
                       : "Note: " + Plural.count(unread.count, "session", "sessions") + " with errors not searched: "
                         + unread.joined(separator: ", ") + " (acta check says what to fix).")
        }
        if hits.isEmpty {
            printError(language == .es ? "Sin resultados para «\(typed)»." : "No results for “\(typed)”.")
            throw ExitCode(1)
        }
        let header = language == .es ? ["Fecha", "Acta", "Sesión", "Dónde", "Texto"] : ["Date", "Minutes", "Session", "Where", "Text"]
        // People read a demonstration's hits marked as such; scripts get the text as it is and a field.
        let rows = hits.map { hit -> [String] in
            let s = byName[hit.session]
            let text = ControlCharacters.visible(s?.labelled(hit.text, language) ?? hit.text)
            return [s?.date.iso ?? "", s?.actaNumber ?? "", ControlCharacters.visible(hit.session), hit.kind.label(language), text]
        }
        let fields = [DataField("session_date", .date, "Fecha de la sesión / session date", required: true),
                      DataField("acta", .string, "Acta / minutes", required: true),
                      DataField("session", .string, "Carpeta de la sesión / session folder", required: true),
                      DataField("kind", .string, "Dónde / where", required: true),
                      DataField("text", .string, "Texto / text", required: true),
                      DataField("demonstration", .boolean, "true: sesión de demostración con datos ficticios / demonstration session with fictitious data",
                                required: true)]
        let data = {
            DataTable(fields: fields, rows: hits.map { hit in
                let s = byName[hit.session]
                return [.text(s?.date.iso ?? ""), .text(s?.actaNumber ?? ""), .text(hit.session), .text(hit.kind.label(language)),
                        .text(hit.text), .boolean(s?.isDemonstration ?? false)]
            })
        }
        printTable(header: header, rows: rows, format: format, data: data())
    }
}
