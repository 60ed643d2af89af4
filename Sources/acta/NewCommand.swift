import ActaCore
import ActaFormats
import ActaStore
import ArgumentParser

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Crea la carpeta de una sesión con un esqueleto de agenda / Creates a session folder with an agenda skeleton.",
        discussion: HelpExamples.discussion("Nunca sobrescribe una sesión existente / never overwrites a session.", [
            ("acta new 2023-08-23 segunda-mesa --plan gt-pan5-2021-2023 --from 2023-03-29-primera-mesa",
             "la mesa siguiente, con los asientos y acuerdos de la anterior",
             "the next mesa, with the seats and acuerdos of the previous one"),
            ("acta new 2024-02-14 primera-mesa-2024 --plan gt-pan6-2023-2025",
             "una sesión nueva con otro plan", "a new session on another plan"),
        ]))

    @OptionGroup var common: CommonOptions

    @Argument(help: "Fecha / date (AAAA-MM-DD).")
    var date: String

    @Argument(help: "Nombre corto / slug (a-z, 0-9, -).")
    var slug: String

    @Option(help: "Id del plan (archivo en sessions/plans/) / plan id.", completion: Completion.plans)
    var plan: String

    @Option(help: "Sesión anterior: copia asientos e informes y añade el seguimiento de sus acuerdos / previous session.", completion: Completion.sessions)
    var from: String?

    func validate() throws {
        guard CalendarDate(iso: date) != nil else {
            throw ValidationError("«\(date)»: use una fecha posible AAAA-MM-DD / use a possible date YYYY-MM-DD")
        }
        guard isSlug(slug) else {
            throw ValidationError("«\(slug)»: use solo a-z, 0-9 y guiones / use only a-z, 0-9 and hyphens")
        }
    }

    func run() throws {
        let language = common.language
        let t = { (es: String, en: String) in language == .es ? es : en }
        let location = common.location
        let dir = location.directory
        try requireSessionsFolder(location, language)
        guard let day = CalendarDate(iso: date) else { throw Exit.dataError }
        let planValue: Plan
        do { planValue = try dir.loadPlan(plan) } catch {
            report(error.items, language)
            printError(t("No se creó nada: el plan «\(plan)» debe existir en \(dir.planPath(plan)) y ser válido.",
                         "Nothing created: plan “\(plan)” must exist at \(dir.planPath(plan)) and be valid."))
            let plans = dir.planIDs().filter { $0 != plan }
            if !FileIO.exists(dir.planPath(plan)) && !plans.isEmpty {
                NextStep.show(t("Con un plan que sí existe:", "With a plan that does exist:"),
                                         plans.map { common.command(["new", date, slug, "--plan", $0] + (from.map { ["--from", $0] } ?? [])) })
            }
            throw Exit.dataError
        }
        let name = "\(day.iso)-\(slug)"
        let folder = dir.folder(name)
        if FileIO.exists(folder) {
            printError(t("\(folder): ya existe; no se sobrescribe nada. Para otra sesión ese día, elija otro nombre.",
                         "\(folder): already exists; nothing is overwritten. For another session that day, choose another name."))
            NextStep.print(language, es: "Para revisar la que existe y grabarla:", en: "To check the existing one and record it:",
                           common.command("check", name), common.command("record", name))
            throw Exit.cantCreate
        }
        let loaded = dir.loadAll()
        // Numbered among the real sessions of the year before this one: demonstrations never count;
        // a session that cannot be read counts (it may well be real).
        let sameYear = loaded.filter { l in
            l.name < name && l.name.hasPrefix(String(day.year)) && !(l.session?.agenda.isDemonstration ?? false)
        }.count
        var demonstration = false
        var seats: [Seat] = []
        var items: [AgendaItem] = []
        func add(_ kind: AgendaItemKind, _ minutes: Int?, approves: String? = nil) {
            items.append(AgendaItem(number: items.count + 1, kind: kind, plannedMinutes: minutes, approvesActa: approves))
        }
        add(.free(title: t("Bienvenida y verificación de asistencia", "Welcome and attendance"), presenter: "GAE"), 10)
        if let from {
            let previousName: String
            previousName = try common.session(from, in: dir) {
                common.command(["new", date, slug, "--plan", plan, "--from", $0])
            }
            let previous = loaded.first { $0.name == previousName } ?? dir.load(previousName)
            guard let prev = previous.session else {
                report(previous.diagnostics, language)
                throw Exit.dataError
            }
            // A session that follows a demonstration is a demonstration too: fictitious acuerdos
            // and reports must never reach a real acta.
            demonstration = prev.agenda.isDemonstration
            if demonstration {
                printError(t("Aviso: \(previousName) es una sesión de demostración; la nueva también lo será (demonstration: true).",
                             "Note: \(previousName) is a demonstration session; the new one is one too (demonstration: true)."))
            }
            seats = prev.agenda.seats.map { $0.carryingDelegates(recorded: prev.attendance[$0.id]?.delegate) }
            add(.free(title: t("Lectura y aprobación del acta \(prev.agenda.actaNumber)",
                               "Reading and approval of minutes \(prev.agenda.actaNumber)"), presenter: "GAE"), 5,
                approves: prev.agenda.actaNumber)
            add(.free(title: t("Seguimiento de acuerdos de la sesión \(prev.agenda.actaNumber)",
                               "Follow-up of the action items of session \(prev.agenda.actaNumber)"), presenter: "GAE"), 15)
            for item in prev.agenda.items {
                if case .report = item.kind { add(item.kind, item.plannedMinutes) }
            }
        } else {
            seats = [Seat(id: "gae", name: "Comisión Presidencial de Gobierno Abierto y Electrónico (GAE)", kind: .government, delegates: [])]
            for c in planValue.commitments where !c.milestones.isEmpty {
                let id = (c.institutionShort ?? "c\(c.number)").lowercased().filter { $0.isLetter || $0.isNumber }
                if !seats.contains(where: { $0.id == id }) {
                    seats.append(Seat(id: id, name: c.institution ?? c.institutionShort ?? id, kind: .government, delegates: []))
                }
                add(.report(institution: id, commitment: c.number, milestones: c.milestones.map(\.number)), 15)
            }
        }
        add(.free(title: t("Asuntos varios y próxima sesión", "Other business and next session"), presenter: "GAE"), 10)
        let agenda = Agenda(actaNumber: "\(sameYear + 1)-\(day.year)", title: t("Mesa Técnica de Gobierno Abierto", "Open Government Roundtable"),
                            date: day, plannedStart: "09:00", place: nil, convener: nil, planID: planValue.id,
                            seats: seats, items: items, isDemonstration: demonstration, suggested: [.acta, .minutes],
                            timeZone: planValue.timeZone ?? TimeZones.defaultIdentifier)
        do {
            try FileIO.createDirectory(folder)
            try FileIO.writeAtomically(AgendaWriter.render(agenda, language: language), to: "\(folder)/\(SessionsDirectory.agendaFile)")
        } catch {
            printError(error.message.text(language))
            throw Exit.cantCreate
        }
        print("\(folder)/\(SessionsDirectory.agendaFile)")
    }
}
