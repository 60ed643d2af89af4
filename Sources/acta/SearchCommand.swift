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
        try requireSessionsFolder(location, language)
        let index = SessionIndex(location.directory, environment: processEnvironment)
        let (hits, sessions) = index.search(words.joined(separator: " "))
        let byName = Dictionary(sessions.compactMap { s in s.summary.map { (s.name, $0) } }, uniquingKeysWith: { a, _ in a })
        let rows = hits.map { hit -> [String] in
            let s = byName[hit.session]
            return [s?.date.iso ?? "", s?.actaNumber ?? "", hit.session, hit.kind.label(language), ControlCharacters.visible(hit.text)]
        }
        let header = language == .es ? ["Fecha", "Acta", "Sesión", "Dónde", "Texto"] : ["Date", "Minutes", "Session", "Where", "Text"]
        if rows.isEmpty {
            printError(language == .es ? "Sin resultados para «\(words.joined(separator: " "))»." : "No results for “\(words.joined(separator: " "))”.")
            throw ExitCode(1)
        }
        let fields = [DataField("session_date", .date, "Fecha de la sesión / session date", required: true),
                      DataField("acta", .string, "Acta / minutes", required: true),
                      DataField("session", .string, "Carpeta de la sesión / session folder", required: true),
                      DataField("kind", .string, "Dónde / where", required: true),
                      DataField("text", .string, "Texto / text", required: true)]
        let data = DataTable(fields: fields, rows: rows.map { $0.map { DataValue.text($0) } })
        printTable(header: header, rows: rows, format: format, data: data)
    }
}
