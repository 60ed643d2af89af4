import ActaCore

/// The record screen's right pane as lines: the selected thing's details, with every text the
/// secretary typed wrapped whole, then the current item's acuerdos with responsable and fecha
/// límite. Too long for the pane, it scrolls (RecordView keeps the focus in view).
enum DetailPane {
    static let labelWidth = 15
    static let keyWidth = 10

    /// `memo`: the notes and the acuerdos, the costly parts, come from the model's memo when
    /// their inputs are unchanged (typing a note re-lays only the field being typed).
    static func lines(_ m: RecordModel, _ s: Session, width: Int, memo: Bool = true) -> [PaneLine] {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        var out: [PaneLine] = []
        func add(_ text: String, _ role: Role = .normal) { out.append(PaneLine(text, role)) }
        /// Continuation lines of a wrapped text are indented by `indent`.
        func addWrapped(_ text: String, _ role: Role = .normal, indent: Int = 0) {
            for (i, l) in wrap(text, width: max(1, width - indent)).enumerated() {
                out.append(PaneLine(l, role, column: i == 0 ? 0 : indent))
            }
        }

        var editor: FieldEditor?
        if case .editing(let e) = m.mode, !e.target.isBottomPrompt { editor = e }
        switch m.selectedRow {
        case .attendance:
            add(t("Asistencia", "Attendance"), .heading)
            let present = s.agenda.seats.filter { s.attendance[$0.id]?.present == true }
            add(t("Presentes: ", "Present: ") + "\(present.count) / \(s.agenda.seats.count)")
            for seat in s.agenda.seats {
                let a = s.attendance[seat.id]
                let mark = a == nil ? "[ ]" : (a!.present ? "[x]" : "[-]")
                addWrapped("\(mark) \(ActionItemForm.shortName(seat))" + (a?.delegate.map { " — \($0)" } ?? ""),
                           a?.present == true ? .normal : .dim, indent: 4)
            }
            add(t("Enter o t: tomar asistencia", "Enter or t: take attendance"), .hint)
        case .item(let n):
            guard let item = s.agenda.item(n) else { break }
            addWrapped("\(n). " + s.agenda.title(of: item, plan: s.plan, language: m.language), .heading)
            if case .free(_, let presenter?) = item.kind { addWrapped(t("Presenta: ", "Presenter: ") + presenter, .dim) }
            let timing = s.timings[n]
            let secs = timing?.seconds(now: s.runningItem == n ? m.now : nil) ?? 0
            addWrapped(t("Previsto: ", "Planned: ") + (item.plannedMinutes.map { "\($0) min" } ?? "—") + " · "
                       + t("Transcurrido: ", "Elapsed: ") + RecordView.minutesAndSeconds(secs)
                       + (RecordView.overrun(secs, planned: item.plannedMinutes).map { " " + $0 } ?? "")
                       + (s.runningItem == n ? t(" (en curso)", " (running)") : ""), .dim)
            add("")
            add(t("Notas", "Notes") + "  [n]", .heading)
            if let editor, editor.target == .itemNote(item: n) {
                out += PaneLine.editing(editor.field, column: 0, width: width)
            }
            if memo {
                let key = RenderMemo.BlockKey(content: m.contentToken, part: .notes(item: n), width: width, height: 0, language: m.language)
                out += m.memo.block(key) { notes(s.notes[n] ?? [], width: width) }
            } else {
                out += notes(s.notes[n] ?? [], width: width)
            }
            if (s.notes[n] ?? []).isEmpty && editor == nil { add(t("(sin notas)", "(no notes)"), .dim) }
            if let list = s.speakers[n], !list.isEmpty {
                add("")
                add(t("Oradores", "Speakers") + "  [o]", .heading)
                for (i, turn) in list.interventions.enumerated() {
                    let secs = turn.seconds(now: turn.isRunning ? m.now : nil)
                    addWrapped("\(turn.isRunning ? "▶" : " ") \(i + 1). \(s.agenda.name(of: turn.speaker)) · "
                               + RecordView.minutesAndSeconds(secs) + (turn.summary.isEmpty ? "" : " — " + turn.summary), indent: 5)
                }
                if !list.queue.isEmpty {
                    addWrapped(t("En espera: ", "Waiting: ") + list.queue.map { s.agenda.name(of: $0) }.joined(separator: ", "), .dim, indent: 2)
                }
            }
        case .milestone(_, let key):
            let c = s.plan.commitment(key.commitment)
            let milestone = c?.milestone(key.milestone)
            addWrapped(t("Hito ", "Milestone ") + "\(key) · " + t("Compromiso ", "Commitment ") + "\(key.commitment)"
                       + (c?.ogpID.map { " (\($0))" } ?? ""), .heading)
            addWrapped(milestone?.text ?? t("(texto no disponible en las fuentes)", "(text not available in the sources)"))
            add(t("Inicio: ", "Start: ") + (milestone?.start ?? "—") + "   " + t("Fin: ", "End: ") + (milestone?.end ?? "—"), .dim)
            if let previous = m.archive.previousReport(of: key, before: m.sessionName) {
                let p = previous.report
                addWrapped(t("Anterior ", "Previous ") + "(\(previous.date.iso)): " + (p.status?.label(m.language) ?? "—")
                           + (p.percent.map { ", \($0) %" } ?? ""), .dim)
            } else {
                add(t("Sin informe anterior.", "No previous report."), .dim)
            }
            add("")
            let r = s.report(key) ?? MilestoneReport(item: m.currentItem, key: key)
            let yes = t("Sí", "Yes"), no = t("No", "No")
            func typing(_ field: MilestoneReportForm.Field) -> FieldEditor? {
                editor.flatMap { MilestoneReportForm.field(of: $0.target) == field && $0.target.milestone == key ? $0 : nil }
            }
            out += fieldLines(t("Estado", "Status"), r.status?.label(m.language) ?? "—", keys: "x i l s c", width: width,
                              valueRole: .status(r.status))
            out += fieldLines(t("% avance", "% progress"), r.percent.map { "\($0) %" } ?? "—", keys: "%", width: width,
                              editing: typing(.percent)?.field,
                              hint: t("0 a 100; vacío lo borra", "0 to 100; empty clears it"))
            out += fieldLines(t("Validado", "Validated"), r.validated ? yes : no, keys: "v", width: width)
            out += fieldLines(t("Replanificado", "Rescheduled"), r.rescheduled ? yes : no, keys: "r", width: width)
            out += fieldLines(t("Evidencia", "Evidence"), r.evidence.isEmpty ? "—" : r.evidence, keys: "e", width: width,
                              editing: typing(.evidence)?.field)
            out += fieldLines(t("Nota", "Note"), r.note.isEmpty ? "—" : r.note, keys: "n", width: width,
                              editing: typing(.note)?.field)
        }
        add("")
        if memo {
            let key = RenderMemo.BlockKey(content: m.contentToken, part: .actionItems(item: m.currentItem, pane: m.pane, selection: m.actionSelection),
                                          width: width, height: m.height, language: m.language)
            out += m.memo.block(key) { actionItems(m, s, width: width) }
        } else {
            out += actionItems(m, s, width: width)
        }
        return out
    }

    /// An item's notes, each wrapped whole under its bullet.
    static func notes(_ notes: [String], width: Int) -> [PaneLine] {
        var out: [PaneLine] = []
        for note in notes {
            for (i, l) in wrap("• " + note, width: max(1, width - 2)).enumerated() {
                out.append(PaneLine(l, .normal, column: i == 0 ? 0 : 2))
            }
        }
        return out
    }

    /// "label  value  keys", the value wrapped under itself; a field being typed shows whole with its cursor.
    static func fieldLines(_ label: String, _ value: String, keys: String, width: Int, valueRole: Role = .field,
                           editing: TextField? = nil, hint: String? = nil) -> [PaneLine] {
        let valueWidth = max(4, width - labelWidth - keyWidth)
        var lines: [PaneLine]
        if let editing {
            lines = PaneLine.editing(editing, column: labelWidth, width: valueWidth)
            if let hint { lines.append(PaneLine(hint, .dim, column: labelWidth)) }
        } else {
            lines = wrap(value.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ↵ "), width: valueWidth)
                .map { PaneLine($0, .field, column: labelWidth) }
            if valueRole != .field, let first = lines.first?.segments.first {
                lines[0].paint = (labelWidth, DisplayWidth.of(first.text), valueRole)
            }
        }
        lines[0].put(label, column: 0, role: .dim, limit: labelWidth)
        lines[0].put(keys, column: width - DisplayWidth.of(keys), role: .key)
        return lines
    }

    /// The acuerdos of the current item, each whole: its text wrapped, then responsable, fecha límite, Vencido.
    static func actionItems(_ m: RecordModel, _ s: Session, width: Int) -> [PaneLine] {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        var out = [PaneLine(t("Acuerdos del punto \(m.currentItem)", "Action items of item \(m.currentItem)") + "  [a]", .heading)]
        // Each acuerdo takes at least a line: those past the selection plus a screenful can never
        // show, and a follow-up item of a long-lived mesa carries hundreds of them.
        let shownCount = (m.pane == .actionItems ? m.actionSelection : 0) + m.height + 1
        let items = m.itemActionItems(prefix: shownCount)
        if items.isEmpty { out.append(PaneLine(t("(ninguno)", "(none)"), .dim)) }
        for (i, pick) in items.enumerated() {
            let a = pick.item
            let role: Role = a.closed ? .dim : .normal
            let origin = pick.actaNumber.map { "\($0) " } ?? ""
            var lines = wrap("\(a.closed ? "[x]" : "[ ]") \(origin)\(a.number). \(a.text)", width: width - 4).enumerated().map { j, l in
                PaneLine(l, role, column: j == 0 ? 0 : 4)
            }
            var facts: [String] = []
            if !a.responsible.isEmpty { facts.append(t("Responsable: ", "Responsible: ") + a.responsible) }
            if let due = a.due { facts.append(t("Fecha límite: ", "Due: ") + due.iso) }
            if a.isOverdue(on: s.agenda.date) { facts.append(t("Vencido", "Overdue")) }
            if !facts.isEmpty {
                lines += wrap(facts.joined(separator: " · "), width: width - 4).map { PaneLine($0, a.isOverdue(on: s.agenda.date) ? .warning : .dim, column: 4) }
            }
            if m.pane == .actionItems && i == m.actionSelection {
                for j in lines.indices {
                    lines[j].paint = (0, width, .selected)
                    lines[j].isFocus = true
                }
            }
            out += lines
        }
        return out
    }
}
