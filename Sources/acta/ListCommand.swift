import ActaCore
import ActaFormats
import ActaStore
import ArgumentParser

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Una línea por sesión, la más reciente primero / One line per session, newest first.",
        discussion: HelpExamples.discussion("", [
            ("acta list", "las sesiones de ./sessions", "the sessions in ./sessions"),
            ("acta list --lang en", "en inglés", "in English"),
        ]))

    @OptionGroup var common: CommonOptions

    @Argument(help: "Carpeta de sesiones / Sessions folder (default: --sessions).", completion: .directory)
    var sessionsDir: String?

    func run() throws {
        let language = common.language
        let location = common.location(argument: sessionsDir)
        let dir = location.directory
        try requireSessionsFolder(location, language)
        let t = { (es: String, en: String) in language == .es ? es : en }
        var rows: [[String]] = [[t("FECHA", "DATE"), t("ACTA", "MINUTES"), t("TÍTULO", "TITLE"), t("HITOS", "MILESTONES"),
                                 t("ACUERDOS ABIERTOS", "OPEN ITEMS")]]
        let indexed = IndexedArchive(dir)
        let openCounts = indexed.archive.openActionItemCounts()
        for l in indexed.sessions.reversed() {
            if let s = l.summary {
                let open = openCounts[l.name] ?? 0
                rows.append([s.date.iso, s.actaNumber, ControlCharacters.visible(s.listedTitle(language)),
                             String(s.reports.count), String(open)])
            } else {
                let reason = l.problem.map { $0.formatted(language) } ?? ""
                rows.append([String(l.name.prefix(10)), "!", ControlCharacters.visible(l.name + " — " + reason), "—", "—"])
            }
        }
        rows = [rows[0]] + rows.dropFirst().sorted { $0[0] > $1[0] }
        let widths = (0..<5).map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { i, cell in
                i == 4 ? cell : DisplayWidth.padded(cell, to: widths[i])
            }
            print(cells.joined(separator: "  "))
        }
        // Which folder this is, after the table so scripts still read the header first.
        print(location.describe(language))
        if let warning = indexed.archive.cadence(today: Clock.now().localDate).warning(language) { print(warning) }
    }
}
