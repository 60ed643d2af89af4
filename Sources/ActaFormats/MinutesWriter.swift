import ActaCore

/// Writes the acta (`minutes.md`) of a session from its fold and the archive of earlier sessions,
/// in the formal shape of a Guatemalan acta: opening in words, attendance and quorum, the agenda,
/// the development item by item, acuerdos numbered per acta, follow-up, closing and signatures.
public struct MinutesWriter {
    public let session: NamedSession
    public let archive: MesaArchive
    public let language: Language

    public init(session: NamedSession, archive: MesaArchive, language: Language) {
        self.session = session
        self.archive = archive
        self.language = language
    }

    private var s: Session { session.session }
    private var agenda: Agenda { s.agenda }
    private func t(_ es: String, _ en: String) -> String { language == .es ? es : en }
    private func yesNo(_ value: Bool) -> String { value ? t("Sí", "Yes") : t("No", "No") }

    /// Marks a title or text that the sources give only in the other language.
    static let otherLanguageMark = "†"

    public func render() -> String { MarkdownRenderer.render(document()) }

    /// The acta as blocks of plain text.
    public func document() -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        blocks += heading()
        blocks += opening()
        blocks += attendance()
        blocks += agendaAsHeld()
        blocks += development()
        blocks += actionItems()
        blocks += followUp()
        blocks += next()
        blocks.append(.rule)
        blocks += notes()
        // Closing and signatures end the acta: nothing may push them off the last page.
        blocks += closing()
        return blocks
    }

    // MARK: Times, in the mesa's local time whatever the machine's TZ

    private func local(_ t: Timestamp?) -> Timestamp? { t.map { TimeZones.local($0, in: s.timeZone) } }
    private var startedAt: Timestamp? { local(s.heldFrom) }
    private var endedAt: Timestamp? { local(s.heldUntil) }

    func heading() -> [DocumentBlock] {
        var fields: [DocumentField] = []
        func field(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            fields.append(DocumentField(label: label, value: value))
        }
        field(t("Fecha", "Date"), agenda.date.long(language))
        field(t("Lugar", "Place"), [agenda.place, agenda.city].compactMap { $0 }.joined(separator: ", "))
        field(t("Convoca", "Convened by"), agenda.convener)
        field(t("Plan de acción", "Action plan"), s.plan.name)
        let planned = agenda.plannedStart.map { " (\(t("prevista", "planned")) \($0))" } ?? ""
        field(t("Hora de inicio", "Start time"), (startedAt?.clock ?? t("sin registrar", "not recorded")) + planned)
        field(t("Hora de cierre", "End time"), endedAt?.clock ?? t("sin registrar", "not recorded"))
        field(t("Zona horaria", "Time zone"), s.timeZone)
        var blocks: [DocumentBlock] = [.heading(level: 1, text: "\(t("Acta", "Minutes")) \(agenda.actaNumber) — \(agenda.title)")]
        if agenda.isDemonstration {
            blocks.append(.emphasis(t("EJEMPLO: sesión de demostración con datos ficticios; no es un acta real.",
                                      "EXAMPLE: a demonstration session with fictitious data; not a real acta.")))
        }
        if agenda.suggested.contains(.acta) {
            blocks.append(.emphasis(t("El número de acta \(agenda.actaNumber) es una sugerencia de la herramienta; no consta en las fuentes.",
                                      "Minutes number \(agenda.actaNumber) is the tool's suggestion; the sources do not give it.")))
        }
        blocks.append(.fields(fields))
        return blocks
    }

    /// "En …, siendo las nueve horas con cinco minutos del día miércoles veintinueve de marzo de dos mil veintitrés, …"
    func opening() -> [DocumentBlock] {
        var parts: [String] = []
        if let city = agenda.city { parts.append(t("en \(city),", "in \(city),")) }
        let day = FormalWording.date(agenda.date, language)
        if let start = startedAt {
            parts.append(t("siendo \(FormalWording.hour(start.hour, start.minute, .es)) del día \(day),",
                           "at \(FormalWording.hour(start.hour, start.minute, .en)) on \(day),"))
        } else {
            parts.append(t("el día \(day),", "on \(day),"))
        }
        if let place = agenda.place { parts.append(t("reunidos en \(place),", "meeting at \(place),")) }
        var sentence = parts.joined(separator: " ") + " "
            + t("se da inicio a la sesión de la Mesa Técnica de Gobierno Abierto", "the session of the Open Government Technical Roundtable begins")
        if let convener = agenda.convener { sentence += t(", convocada por \(convener),", ", convened by \(convener),") }
        sentence += t(" para dar seguimiento al \(s.plan.name).", " to follow up the \(s.plan.name).")
        if startedAt == nil { sentence += t(" La hora de inicio no se registró.", " The start time was not recorded.") }
        return [.heading(level: 2, text: t("Apertura", "Opening")), .paragraph(capitalizedFirst(sentence)), .paragraph(quorum())]
    }

    private func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Seats present of total, by sector.
    func quorum() -> String {
        guard !s.attendance.isEmpty else { return t("La asistencia no se registró.", "Attendance was not recorded.") }
        func count(_ kind: SeatKind?) -> (present: Int, total: Int) {
            let seats = agenda.seats.filter { kind == nil || $0.kind == kind }
            return (seats.filter { s.attendance[$0.id]?.present == true }.count, seats.count)
        }
        let all = count(nil), government = count(.government), civil = count(.civilSociety)
        return t("Se verifica la asistencia: están presentes \(all.present) de \(all.total) asientos de la mesa, \(government.present) de \(government.total) del sector público y \(civil.present) de \(civil.total) de sociedad civil.",
                 "Attendance is taken: \(all.present) of \(all.total) seats of the mesa are present, \(government.present) of \(government.total) from the public sector and \(civil.present) of \(civil.total) from civil society.")
    }

    func attendance() -> [DocumentBlock] {
        var rows: [[String]] = []
        var absent: [String] = []
        for seat in agenda.seats {
            let mark = s.attendance[seat.id]
            let status: String
            switch mark?.present {
            case true?: status = t("Presente", "Present")
            case false?: status = t("Ausente", "Absent"); absent.append(seat.name)
            case nil: status = t("Sin registrar", "Not recorded"); absent.append(seat.name)
            }
            rows.append([seat.name, seat.kind.label(language), status, mark?.delegate ?? ""])
        }
        let absentLine = absent.isEmpty ? t("Ningún asiento ausente.", "No seat absent.")
            : t("Ausentes o sin registrar: ", "Absent or not recorded: ")
                + absent.map { ControlCharacters.stripped($0, keepNewlines: false) }.joined(separator: "; ") + "."
        return [.heading(level: 2, text: t("Asistencia", "Attendance")),
                .table(header: [t("Asiento", "Seat"), t("Sector", "Sector"), t("Asistencia", "Attendance"), t("Delegado/a", "Delegate")],
                       rows: rows),
                .paragraph(absentLine)]
    }

    /// The title of an item in the acta's language; a commitment title that exists only in the
    /// other language is marked.
    func title(of item: AgendaItem) -> String {
        guard case .report(let institution, let commitment, _) = item.kind else {
            return agenda.title(of: item, plan: s.plan, language: language)
        }
        let who = agenda.seat(institution)?.name ?? institution
        let label = t("Compromiso \(commitment)", "Commitment \(commitment)")
        guard let title = s.plan.commitment(commitment)?.sourcedTitle(language) else { return "\(who) — \(label)" }
        return "\(who) — \(label): \(title.text)" + (title.isOtherLanguage ? " " + Self.otherLanguageMark : "")
    }

    func agendaAsHeld() -> [DocumentBlock] {
        // Planned minutes the tool suggested are not facts: the column is left out.
        let showPlanned = !agenda.suggested.contains(.minutes)
        let rows = agenda.items.map { item -> [String] in
            let timing = s.timings[item.number]
            let actual = timing.map { String(($0.seconds(now: s.lastEventAt) + 30) / 60) } ?? "—"
            let planned = showPlanned ? [item.plannedMinutes.map(String.init) ?? "—"] : []
            return [String(item.number), title(of: item)] + planned + [actual]
        }
        let header = [t("N.º", "No."), t("Punto", "Item")] + (showPlanned ? [t("Minutos previstos", "Planned minutes")] : [])
            + [t("Minutos reales", "Actual minutes")]
        return [.heading(level: 2, text: t("Orden del día", "Agenda")), .table(header: header, rows: rows)]
    }

    private func reference(_ number: Int) -> String { ActionItem.reference(acta: agenda.actaNumber, number: number) }

    func development() -> [DocumentBlock] {
        var out: [DocumentBlock] = [.heading(level: 2, text: t("Desarrollo de la sesión", "Proceedings"))]
        for item in agenda.items {
            out.append(.heading(level: 3, text: "\(item.number). " + title(of: item)))
            let agreed = s.actionItems.filter { $0.item == item.number }
            switch item.kind {
            case .free(_, let presenter):
                if let presenter { out.append(.paragraph(t("Presenta: ", "Presented by: ") + presenter)) }
                if let acta = item.approvesActa { out.append(.paragraph(approval(of: acta, agreed: agreed))) }
            case .report(let institution, let commitment, let milestones):
                let who = agenda.seat(institution)?.name ?? institution
                out.append(.paragraph(t("Informa: ", "Reported by: ") + who))
                out.append(milestoneTable(commitment: commitment, milestones: milestones))
            }
            for note in s.notes[item.number] ?? [] { out.append(.paragraph(note)) }
            out += InterventionsTable.blocks(s.speakers[item.number], agenda: agenda, language: language)
            if !agreed.isEmpty {
                out.append(.paragraph(t("Acuerdos de este punto: ", "Action items of this item: ")
                                      + agreed.map { reference($0.number) }.joined(separator: ", ") + "."))
            }
            if s.timings[item.number] == nil && (s.notes[item.number] ?? []).isEmpty && item.commitment == nil && agreed.isEmpty
                && (s.speakers[item.number]?.interventions.isEmpty ?? true) {
                out.append(.emphasis(t("Sin registro.", "Nothing recorded.")))
            }
        }
        return out
    }

    /// The standard item: the previous acta is read and the mesa decides on it (a decisión acuerdo of the item).
    func approval(of acta: String, agreed: [ActionItem]) -> String {
        let decisions = agreed.filter { $0.kind == .decision }
        let read = t("Se da lectura al acta \(acta).", "Minutes \(acta) are read.")
        guard !decisions.isEmpty else {
            return read + " " + t("La decisión de la mesa sobre el acta no se registró.", "The mesa's decision on the minutes was not recorded.")
        }
        return read + " " + t("Decisión de la mesa: ", "The mesa's decision: ")
            + decisions.map { "\(t("Acuerdo", "Action item")) \(reference($0.number)): \($0.text)" }.joined(separator: "; ") + "."
    }

    func milestoneTable(commitment: Int, milestones: [Int]) -> DocumentBlock {
        let c = s.plan.commitment(commitment)
        let keys = milestones.map { MilestoneKey(commitment: commitment, milestone: $0) }
        let previous = Dictionary(uniqueKeysWithValues: keys.compactMap { key in
            s.report(key).flatMap { _ in archive.previousReport(of: key, before: session.name) }.map { (key, $0) }
        })
        // The change column names the session it compares with: in the header when every row
        // compares with the same one, else in each cell.
        let compared = Set(previous.values.map(\.session))
        let sharedPrevious = compared.count == 1 ? previous.values.first : nil
        let changeHeader = sharedPrevious.map { t("Cambio desde el acta ", "Change since minutes ") + Self.sessionLabel($0) }
            ?? t("Cambio desde la sesión anterior", "Change since previous session")
        let header = [t("Hito", "Milestone"), t("Texto", "Text"), t("Estado", "Status"), t("% avance", "% progress"),
                      t("Validado", "Validated"), t("Replanificado", "Rescheduled"), t("Evidencia", "Evidence"),
                      t("Nota", "Note"), changeHeader]
        let rows = keys.map { key -> [String] in
            let text: String
            if let sourced = c?.milestone(key.milestone)?.sourcedText(language) {
                text = sourced.text + (sourced.isOtherLanguage ? " " + Self.otherLanguageMark : "")
            } else {
                text = t("Hito \(key.milestone)", "Milestone \(key.milestone)")
            }
            guard let r = s.report(key) else {
                return ["\(key)", text, t("No informado", "Not reported"), "—", "—", "—", "", "", ""]
            }
            var change = change(from: previous[key]?.report, to: r)
            if sharedPrevious == nil, let p = previous[key] { change += " (" + t("acta ", "minutes ") + Self.sessionLabel(p) + ")" }
            return ["\(key)", text, r.status?.label(language) ?? "—", r.percent.map { "\($0) %" } ?? "—",
                    yesNo(r.validated), yesNo(r.rescheduled), r.evidence, r.note, change]
        }
        return .table(header: header, rows: rows)
    }

    /// "1-2023 (2023-03-29)".
    static func sessionLabel(_ earlier: EarlierReport) -> String { "\(earlier.actaNumber) (\(earlier.date.iso))" }

    /// "40 % → 60 %", "Limitado → Sustancial", or "sin cambio" against the previous report of the hito.
    func change(from before: MilestoneReport?, to now: MilestoneReport) -> String {
        guard let before else { return t("Primer informe", "First report") }
        var parts: [String] = []
        if before.status != now.status {
            parts.append("\(before.status?.label(language) ?? "—") → \(now.status?.label(language) ?? "—")")
        }
        if before.percent != now.percent {
            parts.append("\(before.percent.map { "\($0) %" } ?? "—") → \(now.percent.map { "\($0) %" } ?? "—")")
        }
        return parts.isEmpty ? t("Sin cambio", "No change") : parts.joined(separator: "; ")
    }

    func actionItems() -> [DocumentBlock] {
        let title = DocumentBlock.heading(level: 2, text: t("Acuerdos", "Action items"))
        guard !s.actionItems.isEmpty else { return [title, .paragraph(t("No se tomaron acuerdos.", "No action items were agreed."))] }
        let rows = s.actionItems.map { a in
            [reference(a.number), a.kind.label(language), a.text, a.responsible, a.due?.iso ?? "—", status(a, on: agenda.date)]
        }
        return [title, .table(header: [t("Acuerdo", "Action item"), t("Tipo", "Type"), t("Texto", "Text"), t("Responsable", "Responsible"),
                                       t("Fecha límite", "Due date"), t("Estado", "Status")], rows: rows)]
    }

    /// Cerrado, Abierto, or Vencido when still open past its due date on `day`.
    private func status(_ item: ActionItem, on day: CalendarDate) -> String {
        if item.closed { return t("Cerrado", "Closed") }
        return item.isOverdue(on: day) ? t("Vencido", "Overdue") : t("Abierto", "Open")
    }

    func followUp() -> [DocumentBlock] {
        let title = DocumentBlock.heading(level: 2, text: t("Seguimiento de acuerdos anteriores", "Follow-up of earlier action items"))
        let carried = archive.carried(into: session.name)
        // Shown: every acuerdo still open before this session, with whether this session closed it.
        let relevant = carried.filter { c in !c.item.closed || s.carriedClosures[c.ref] == true }
        guard !relevant.isEmpty else {
            return [title, .paragraph(t("No hay acuerdos abiertos de sesiones anteriores.", "There are no open action items from earlier sessions."))]
        }
        let rows = relevant.map { c in
            [ActionItem.reference(acta: c.actaNumber, number: c.item.number), c.date.iso, c.item.text, c.item.responsible,
             c.item.due?.iso ?? "—", status(c.item, on: agenda.date)]
        }
        return [title, .table(header: [t("Acuerdo", "Action item"), t("Fecha", "Date"), t("Texto", "Text"),
                                       t("Responsable", "Responsible"), t("Fecha límite", "Due date"), t("Estado", "Status")], rows: rows)]
    }

    func next() -> [DocumentBlock] {
        let title = DocumentBlock.heading(level: 2, text: t("Próxima sesión", "Next session"))
        guard let n = s.nextSession else { return [title, .paragraph(t("Sin fecha fijada.", "No date set."))] }
        var line = n.date.long(language)
        if let note = n.note, !note.isEmpty { line += " — " + ControlCharacters.stripped(note, keepNewlines: false) }
        return [title, .paragraph(line)]
    }

    /// The closing hour in words, the next session, and a signature line for each delegate present.
    func closing() -> [DocumentBlock] {
        var text: String
        if let end = endedAt {
            text = t("No habiendo más asuntos que tratar, se da por finalizada la sesión siendo \(FormalWording.hour(end.hour, end.minute, .es))",
                     "There being no further business, the session closes at \(FormalWording.hour(end.hour, end.minute, .en))")
            text += end.localDate == agenda.date ? t(" del mismo día.", " the same day.")
                : t(" del día \(FormalWording.date(end.localDate, .es)).", " on \(FormalWording.date(end.localDate, .en)).")
        } else {
            text = t("La hora de cierre no se registró.", "The closing time was not recorded.")
        }
        if let n = s.nextSession {
            text += " " + t("La próxima sesión se realizará el \(FormalWording.date(n.date, .es)).",
                            "The next session will be held on \(FormalWording.date(n.date, .en)).")
        }
        var blocks: [DocumentBlock] = [.heading(level: 2, text: t("Cierre", "Closing")), .paragraph(text),
                                       .heading(level: 2, text: t("Firmas", "Signatures"))]
        let present = agenda.seats.filter { s.attendance[$0.id]?.present == true }
        guard !present.isEmpty else {
            blocks.append(.paragraph(t("No se registró a ningún delegado presente; no hay firmas que recoger.",
                                       "No delegate was recorded as present; there are no signatures to collect.")))
            return blocks
        }
        let rows = present.map { seat in
            [s.attendance[seat.id]?.delegate.flatMap { $0.isEmpty ? nil : $0 } ?? t("(nombre no registrado)", "(name not recorded)"),
             seat.name, seat.kind.label(language), ""]
        }
        blocks.append(.signatureTable(header: [t("Nombre", "Name"), t("Institución", "Institution"), t("Sector", "Sector"),
                                               t("Firma", "Signature")], rows: rows))
        return blocks
    }

    func notes() -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        if usesOtherLanguage {
            blocks.append(.paragraph(t("\(Self.otherLanguageMark) Título o texto que las fuentes dan solo en inglés (páginas de OGP); no se traduce aquí.",
                                       "\(Self.otherLanguageMark) Title or text the sources give only in Spanish; not translated here.")))
        }
        if !agenda.sources.isEmpty {
            blocks.append(.paragraph(t("Fuentes: ", "Sources: ") + agenda.sources.joined(separator: "; ")))
        }
        blocks.append(.paragraph(t("Acta generada por acta a partir de la agenda y el diario de la sesión; no se edita a mano.",
                                   "Minutes generated by acta from the session's agenda and journal; not edited by hand.")))
        return blocks
    }

    /// Whether any commitment title or hito text of the acta exists only in the other language.
    var usesOtherLanguage: Bool {
        agenda.items.contains { item in
            guard let c = item.commitment.flatMap(s.plan.commitment) else { return false }
            return c.sourcedTitle(language)?.isOtherLanguage == true
                || item.milestones.contains { c.milestone($0)?.sourcedText(language)?.isOtherLanguage == true }
        }
    }
}
