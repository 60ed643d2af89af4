import ActaCore
import ActaFormats
import ActaStore
import ActaTerminal
import ActaUI
import ArgumentParser
import Foundation

/// The sessions as the reader sees them: every folder, summarised (from the session index,
/// never written into the sessions folder) or with the reason it cannot be read; a session is
/// loaded whole only when its acta is opened.
func reviewEntries(_ dir: SessionsDirectory, _ language: Language) -> [ReviewEntry] {
    IndexedArchive(dir, mayWriteInFolder: false).sessions.map { l in
        ReviewEntry(name: l.name, summary: l.summary, problem: l.problem?.formatted(language), load: { dir.load(l.name).session })
    }
}

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Consulta las sesiones en el terminal / Browse the sessions in the terminal (solo lectura / read-only).",
        discussion: HelpExamples.discussion("""
        Lista de sesiones → acta (Enter), compromisos (c), acuerdos (a), búsqueda en todas las sesiones (s); \
        ? muestra las teclas, q vuelve y sale.
        --follow SESIÓN muestra en vivo una sesión que otro terminal está grabando.
        """, [
            ("acta review", "las sesiones de ./sessions", "the sessions in ./sessions"),
            ("acta review --follow 2023-03-29-primera-mesa", "sigue en vivo la mesa que se graba en otro terminal",
             "follows live the mesa being recorded in another terminal"),
        ]))

    @OptionGroup var common: CommonOptions

    @Argument(help: "Carpeta de sesiones / Sessions folder (default: --sessions).", completion: .directory)
    var sessionsDir: String?

    @Option(help: "Seguir en vivo una sesión que se está grabando / Follow a session being recorded.", completion: Completion.sessions)
    var follow: String?

    @Flag(help: "Traer antes las últimas sesiones (acta sync) / Fetch the latest sessions first (acta sync).")
    var sync = false

    func run() throws {
        let language = common.language
        let location = common.location(argument: sessionsDir, mayWriteInFolder: false)
        let dir = location.directory
        try requireSessionsFolder(location, language)
        if sync {
            // A reader offline still reads what this computer has: a failed sync only says so.
            _ = MesaSharing.sync(dir, language: language)
        }
        var followed: String?
        if let follow {
            followed = try common.session(follow, in: dir) { common.command("review", "--follow", $0) }
        }
        guard isatty(0) == 1, isatty(1) == 1 else {
            NextStep.print(language, es: "acta review necesita un terminal; sin él, las sesiones y los acuerdos abiertos se ven con:",
                           en: "acta review needs a terminal; without one, the sessions and the open acuerdos are shown by:",
                           common.command("list"), common.command("actions", "--open"))
            throw ExitCode(64)
        }
        CursesTerminal.installSignalHandlers()
        let terminal = CursesTerminal(environment: processEnvironment)
        do { try terminal.start() } catch { printError(error.message.text(language)); throw ExitCode(64) }
        let size = terminal.size
        let now = Clock.now()
        let environment = processEnvironment
        var model = ReviewModel(entries: reviewEntries(dir, language), today: now.localDate, language: language,
                                width: size.width, height: size.height, follow: followed,
                                searchSessions: { SessionIndex(dir, environment: environment, mayWriteInFolder: false).search($0).hits })
        let journal = followed.map { "\(dir.folder($0))/\(SessionsDirectory.journalFile)" }
        var signature = journal.flatMap(FileIO.signature)
        var lastCheck = 0.0
        var code: Int32 = 0
        terminal.draw(ReviewView.render(model))
        loop: while true {
            let signal = CursesTerminal.pendingSignal
            if signal != 0 { code = 128 + signal; break }
            var changed = false
            if terminal.handleJobControl() {
                let size = terminal.size
                _ = model.update(.resize(width: size.width, height: size.height))
                changed = true
            }
            // Following checks the journal five times a second; otherwise wait for a key (waking
            // once a second only so that a signal or a closed terminal is noticed).
            terminal.setReadTimeout(journal == nil ? 1000 : 200)
            if let input = terminal.read() {
                if input == .key(.control("c")) { code = 130; break }
                // Ctrl-Z suspends, as in less; Ctrl-L repaints.
                if case .key(let key) = input, let command = KeyMap.review.command(for: key, in: [.global]),
                   command == .suspend || command == .redraw {
                    if command == .suspend {
                        terminal.suspendToShell()
                        let size = terminal.size
                        _ = model.update(.resize(width: size.width, height: size.height))
                    } else {
                        terminal.invalidate()
                    }
                } else if model.update(input) { break loop }
                changed = true
            } else if terminal.inputClosed {
                code = 128 + SIGHUP; break
            }
            // Following: notice each append within a fifth of a second.
            let clock = Date().timeIntervalSince1970
            if let journal, clock - lastCheck >= 0.2 {
                lastCheck = clock
                let current = FileIO.signature(journal)
                if current != signature {
                    signature = current
                    model.reload(reviewEntries(dir, language), at: Clock.now())
                    changed = true
                }
            }
            if changed { terminal.draw(ReviewView.render(model)) }
        }
        terminal.stop()
        if code != 0 { throw ExitCode(code) }
    }
}

/// Output formats of the script commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json
}

/// Text for people (localised words, aligned); CSV and JSON for scripts: the open data's codes and fields.
/// `data` is made only for CSV and JSON: the text table does not need it.
func printTable(header: [String], rows: [[String]], format: OutputFormat, data: @autoclosure () -> DataTable) {
    switch format {
    case .text:
        for line in DocumentLayout.lines([.table(header: header, rows: rows)], width: 200, searchable: false) {
            var text = line.text
            while text.hasSuffix(" ") { text.removeLast() }
            print(text)
        }
    case .csv:
        print(data().csv(), terminator: "")
    case .json:
        print(data().json(), terminator: "")
    }
}

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Cómo se movieron los hitos de un compromiso entre sesiones / How a commitment's hitos moved across sessions.",
        discussion: HelpExamples.discussion("", [
            ("acta history gt-pan5-2021-2023 1", "los hitos del compromiso 1", "commitment 1's hitos"),
            ("acta history gt-pan5-2021-2023 1 --hito 3 --format csv", "solo el hito 1.3, como CSV", "hito 1.3 only, as CSV"),
        ]))

    @OptionGroup var common: CommonOptions
    @Argument(help: "Id del plan / plan id (e.g. gt-pan5-2021-2023).", completion: Completion.plans) var plan: String
    @Argument(help: "Número del compromiso / commitment number.") var commitment: Int
    @Option(help: "Solo este hito / only this milestone.") var hito: Int?
    @Option(help: "text | csv | json") var format: OutputFormat = .text

    func run() throws {
        let language = common.language
        let dir = common.directory
        let planValue: Plan
        do { planValue = try dir.loadPlan(plan) } catch {
            report(error.items, language)
            let plans = dir.planIDs().filter { $0 != plan }
            if !FileIO.exists(dir.planPath(plan)) && !plans.isEmpty {
                NextStep.show(language == .es ? "Con un plan que sí existe:" : "With a plan that does exist:",
                                         plans.map { common.command("history", $0, String(commitment)) })
            }
            throw Exit.noInput
        }
        guard planValue.commitment(commitment) != nil else {
            printError((language == .es ? "el plan \(plan) no tiene compromiso \(commitment)" : "plan \(plan) has no commitment \(commitment)"))
            let numbers = planValue.commitments.filter { !$0.milestones.isEmpty }.map(\.number)
            if let first = numbers.first {
                NextStep.show(language == .es ? "Sus compromisos son \(numbers.map(String.init).joined(separator: ", ")); por ejemplo:"
                                                         : "Its commitments are \(numbers.map(String.init).joined(separator: ", ")); for example:",
                                         [common.command("history", plan, String(first))])
            }
            throw Exit.dataError
        }
        let archive = IndexedArchive(dir).archive
        let yes = language == .es ? "sí" : "yes", no = "no"
        let entries = archive.history(plan: plan, commitment: commitment, milestone: hito)
        let rows = entries.map { e -> [String] in
            [e.date.iso, e.actaNumber, "\(e.report.key)", e.report.status?.label(language) ?? "", e.report.percent.map(String.init) ?? "",
             e.report.validated ? yes : no, e.previous?.percent.map(String.init) ?? "", e.report.note]
        }
        let data = {
            let byName = Dictionary(archive.sessions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            return DataTable(fields: OpenData.milestoneFields(language, previous: true), rows: entries.compactMap { e in
                byName[e.session].map {
                    OpenData.milestoneRow($0, e.report, plan: planValue, language: language) + [.optional(e.previous?.status?.rawValue), .optional(e.previous?.percent)]
                }
            })
        }
        let header = language == .es
            ? ["Fecha", "Acta", "Hito", "Estado", "% avance", "Validado", "% anterior", "Nota"]
            : ["Date", "Minutes", "Milestone", "Status", "% progress", "Validated", "Previous %", "Note"]
        printTable(header: header, rows: rows, format: format, data: data())
    }
}

struct Actions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "Los acuerdos de todas las sesiones / Every session's action items.",
        discussion: HelpExamples.discussion("", [
            ("acta actions --open", "los acuerdos abiertos", "the open acuerdos"),
            ("acta actions --overdue --today 2023-12-15", "los vencidos a esa fecha", "the overdue ones at that date"),
            ("acta actions --responsable MINGOB --format json", "los de una institución, como JSON", "one institution's, as JSON"),
        ]))

    @OptionGroup var common: CommonOptions
    @Flag(help: "Solo abiertos / open only.") var open = false
    @Flag(help: "Solo vencidos: abiertos con la fecha límite pasada / overdue only.") var overdue = false
    @Option(help: "Filtrar por responsable / filter by responsible.") var responsable: String?
    @Option(help: "Fecha de hoy para «vencido» (AAAA-MM-DD) / today's date for overdue.") var today: String?
    @Option(help: "text | csv | json") var format: OutputFormat = .text

    func run() throws {
        let language = common.language
        let day: CalendarDate
        if let today {
            guard let d = CalendarDate(iso: today) else { throw ValidationError("--today: AAAA-MM-DD / YYYY-MM-DD") }
            day = d
        } else {
            day = Clock.now().localDate
        }
        let filter = ActionItemFilter(state: open ? .open : .all, overdueOnly: overdue, responsible: responsable ?? "")
        let archive = IndexedArchive(common.directory).archive
        let items = archive.actionItems().filter { filter.accepts($0.item, today: day) }
        var (header, rows) = ReviewDocuments.actionRows(items, today: day, language: language)
        header.insert(language == .es ? "Sesión" : "Session", at: 0)
        rows = zip(items, rows).map { [$0.ref.session] + $1 }
        printTable(header: header, rows: rows, format: format,
                   data: OpenData.actionItems(items, archive: archive, on: day, language: language))
    }
}
