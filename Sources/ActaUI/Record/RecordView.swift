import ActaCore

/// Draws the record screen: a pure function of the model.
public enum RecordView {
    public static func render(_ m: RecordModel) -> Screen {
        var screen = Screen(width: m.width, height: m.height)
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        if m.isTooSmall {
            let lines = wrap(t("Terminal demasiado pequeña: \(m.width)×\(m.height). acta necesita al menos \(RecordModel.minimumWidth)×\(RecordModel.minimumHeight); agrande la ventana (F10 sale; lo que escribe sigue yendo al campo abierto).",
                               "Terminal too small: \(m.width)×\(m.height). acta needs at least \(RecordModel.minimumWidth)×\(RecordModel.minimumHeight); enlarge the window (F10 quits; what you type still goes to the open field)."),
                             width: max(1, m.width - 2))
            for (i, line) in lines.enumerated() where i < m.height {
                screen.put(line, row: min(m.height - 1, max(0, m.height / 2 - lines.count / 2) + i), column: 1, role: .warning)
            }
            return screen
        }
        let shown = m.shown
        topBar(m, shown, &screen)
        let left = m.width >= 120 ? 40 : 30
        let top = 1, bottom = m.height - 3
        for row in top...bottom { screen.put("│", row: row, column: left, role: .dim) }
        agendaPane(m, shown, &screen, width: left, top: top)
        let rx = left + 2, rw = m.width - left - 3
        switch m.mode {
        case .help(let pager):
            help(m, &screen, scroll: pager.scroll)
        case .attendance(let sheet):
            attendance(m, shown, &screen, x: rx, width: rw, selection: sheet.selection, delegate: sheet.delegate)
        case .actionItemForm(let form):
            actionItemForm(m, shown, &screen, form: form, x: rx, width: rw)
        default:
            details(m, shown, &screen, x: rx, width: rw)
        }
        bottomBars(m, &screen)
        if case .draftOffer(let draft) = m.mode {
            let text = t("Hay un borrador sin guardar: «", "There is an unsaved draft: “") + (draft.actionItem?.text ?? draft.text)
                + t("». Enter lo recupera, Esc lo descarta.", "”. Enter recovers it, Esc discards it.")
            screen.fill(row: m.height - 1, column: 0, width: m.width, role: .warning)
            screen.put(DisplayWidth.truncated(text, to: m.width - 1), row: m.height - 1, column: 0, role: .warning)
        }
        return screen
    }

    static func minutesAndSeconds(_ seconds: Int) -> String {
        let h = seconds / 3600, mm = seconds / 60 % 60, ss = seconds % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return h > 0 ? "\(h):\(two(mm)):\(two(ss))" : "\(two(mm)):\(two(ss))"
    }

    static func topBar(_ m: RecordModel, _ s: Session, _ screen: inout Screen) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        screen.fill(row: 0, column: 0, width: m.width, role: .title)
        var right = "\(m.now.clock)"
        if let start = s.startedAt {
            right += " · " + t("sesión ", "session ") + minutesAndSeconds(max(0, m.now.epochSeconds - start.epochSeconds))
        }
        var overdue = false
        if let running = s.runningItem, let timing = s.timings[running] {
            let secs = timing.seconds(now: m.now)
            let planned = s.agenda.item(running)?.plannedMinutes
            overdue = planned.map { secs > $0 * 60 } ?? false
            right += " · " + t("punto \(running) ", "item \(running) ") + minutesAndSeconds(secs) + (planned.map { "/\($0)′" } ?? "")
        }
        let saved = m.pending.isEmpty ? t("✓ guardado", "✓ saved") : t("✗ sin guardar (\(m.pending.count))", "✗ unsaved (\(m.pending.count))")
        let savedWidth = DisplayWidth.of(saved)
        let rightWidth = DisplayWidth.of(right)
        let title = "\(t("Acta", "Minutes")) \(s.agenda.actaNumber) · \(s.agenda.date.iso) · \(s.agenda.title)"
        let room = m.width - rightWidth - savedWidth - 5
        screen.put(DisplayWidth.truncated(title, to: max(0, room)), row: 0, column: 1, role: .title)
        let rx = m.width - rightWidth - savedWidth - 3
        screen.put(right, row: 0, column: rx, role: overdue ? .warning : .title)
        screen.put(saved, row: 0, column: m.width - savedWidth - 1, role: m.pending.isEmpty ? .ok : .error)
    }

    static func rowLabel(_ m: RecordModel, _ s: Session, _ row: TreeRow) -> (String, String, Role) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        switch row {
        case .attendance:
            let present = s.attendance.values.filter(\.present).count
            return (t("Asistencia", "Attendance"), "\(present)/\(s.agenda.seats.count)", .heading)
        case .item(let n):
            guard let item = s.agenda.item(n) else { return ("?", "", .normal) }
            let title: String
            switch item.kind {
            case .free(let text, _): title = text
            case .report(let seat, let c, _):
                let who = s.agenda.seat(seat).map(ActionItemForm.shortName) ?? seat
                title = "\(who) · " + t("C", "C") + "\(c)"
            }
            let running = s.runningItem == n ? "▶" : (s.timings[n] != nil ? "✓" : "")
            return ("\(n). \(title)", running, .heading)
        case .milestone(_, let key):
            let r = s.report(key)
            let mark = r?.status.map { "[\($0.mark)]" } ?? "[ ]"
            let pct = r?.percent.map { "\($0)%" } ?? ""
            return ("  \(key) \(mark)", pct, .status(r?.status))
        }
    }

    static func agendaPane(_ m: RecordModel, _ s: Session, _ screen: inout Screen, width: Int, top: Int) {
        let h = m.treeHeight
        for i in 0..<h {
            let index = m.treeScroll + i
            guard index < m.rows.count else { break }
            let (label, right, role) = rowLabel(m, s, m.rows[index])
            let y = top + i
            let rightWidth = DisplayWidth.of(right)
            screen.put(DisplayWidth.truncated(label, to: width - rightWidth - 2), row: y, column: 1, role: role)
            screen.put(right, row: y, column: width - rightWidth - 1, role: role == .heading ? .dim : role)
            if index == m.selection {
                screen.paint(row: y, column: 0, width: width, role: m.pane == .agenda ? .selected : .selectedDim)
            }
        }
        if m.rows.count > h {
            let mark = m.treeScroll + h < m.rows.count ? "↓" : "↑"
            screen.put(mark, row: top + h - 1, column: width - 1, role: .dim)
        }
    }

    /// A "label  value  [key]" line; the value is a live text field when it is being edited.
    static func fieldLine(_ m: RecordModel, _ screen: inout Screen, y: Int, x: Int, width: Int, label: String, value: String,
                          key: String, editing: TextField?) {
        let labelWidth = 15
        screen.put(label, row: y, column: x, role: .dim, limit: labelWidth)
        let valueWidth = width - labelWidth - 6
        if let editing {
            let col = editing.render(into: &screen, row: y, column: x + labelWidth, width: valueWidth, role: .fieldActive)
            screen.cursor = (y, col)
        } else {
            screen.put(DisplayWidth.truncated(value.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ↵ "), to: valueWidth),
                       row: y, column: x + labelWidth, role: .field)
        }
        screen.put(key, row: y, column: x + width - DisplayWidth.of(key), role: .key)
    }

    static func details(_ m: RecordModel, _ s: Session, _ screen: inout Screen, x: Int, width: Int) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        var y = 1
        let bottom = m.height - 3
        func line(_ text: String, _ role: Role = .normal) {
            guard y <= bottom else { return }
            screen.put(text, row: y, column: x, role: role, limit: width)
            y += 1
        }
        var editingTarget: EditTarget?
        var editingField: TextField?
        if case .editing(let editor) = m.mode { editingTarget = editor.target; editingField = editor.field }
        switch m.selectedRow {
        case .attendance:
            line(t("Asistencia", "Attendance"), .heading)
            let present = s.agenda.seats.filter { s.attendance[$0.id]?.present == true }
            line(t("Presentes: ", "Present: ") + "\(present.count) / \(s.agenda.seats.count)")
            for seat in s.agenda.seats where y < bottom - 1 {
                let a = s.attendance[seat.id]
                let mark = a == nil ? "[ ]" : (a!.present ? "[x]" : "[-]")
                line("\(mark) \(ActionItemForm.shortName(seat))" + (a?.delegate.map { " — \($0)" } ?? ""), a?.present == true ? .normal : .dim)
            }
            line(t("Enter o t: tomar asistencia", "Enter or t: take attendance"), .hint)
        case .item(let n):
            guard let item = s.agenda.item(n) else { break }
            for l in wrap("\(n). " + s.agenda.title(of: item, plan: s.plan, language: m.language), width: width).prefix(3) { line(l, .heading) }
            if case .free(_, let presenter?) = item.kind { line(t("Presenta: ", "Presenter: ") + presenter, .dim) }
            let timing = s.timings[n]
            let secs = timing?.seconds(now: s.runningItem == n ? m.now : nil) ?? 0
            line(t("Previsto: ", "Planned: ") + (item.plannedMinutes.map { "\($0) min" } ?? "—") + " · "
                 + t("Transcurrido: ", "Elapsed: ") + minutesAndSeconds(secs)
                 + (s.runningItem == n ? t(" (en curso)", " (running)") : ""), .dim)
            y += 1
            line(t("Notas", "Notes") + "  [n]", .heading)
            if case .itemNote(n)? = editingTarget, let field = editingField {
                let col = field.render(into: &screen, row: y, column: x, width: width, role: .fieldActive)
                screen.cursor = (y, col)
                y += 1
            }
            for note in s.notes[n] ?? [] {
                for l in wrap("• " + note, width: width) { line(l) }
            }
            if (s.notes[n] ?? []).isEmpty && editingTarget == nil { line(t("(sin notas)", "(no notes)"), .dim) }
        case .milestone(_, let key):
            let c = s.plan.commitment(key.commitment)
            let milestone = c?.milestone(key.milestone)
            line(t("Hito ", "Milestone ") + "\(key) · " + t("Compromiso ", "Commitment ") + "\(key.commitment)"
                 + (c?.ogpID.map { " (\($0))" } ?? ""), .heading)
            let text = milestone?.text ?? t("(texto no disponible en las fuentes)", "(text not available in the sources)")
            for l in wrap(text, width: width).prefix(4) { line(l) }
            line(t("Inicio: ", "Start: ") + (milestone?.start ?? "—") + "   " + t("Fin: ", "End: ") + (milestone?.end ?? "—"), .dim)
            if let previous = m.archive.previousReport(of: key, before: m.sessionName) {
                let p = previous.report
                line(t("Anterior ", "Previous ") + "(\(previous.date.iso)): " + (p.status?.label(m.language) ?? "—")
                     + (p.percent.map { ", \($0) %" } ?? ""), .dim)
            } else {
                line(t("Sin informe anterior.", "No previous report."), .dim)
            }
            y += 1
            let r = s.report(key) ?? MilestoneReport(item: m.currentItem, key: key)
            func editing(_ target: EditTarget) -> TextField? { editingTarget == target ? editingField : nil }
            let k = (commitment: key.commitment, milestone: key.milestone)
            let yes = t("Sí", "Yes"), no = t("No", "No")
            let fields: [(String, String, String, TextField?)] = [
                (t("Estado", "Status"), r.status?.label(m.language) ?? "—", "x i l s c", nil),
                (t("% avance", "% progress"), r.percent.map { "\($0) %" } ?? "—", "%", editing(.percent(commitment: k.0, milestone: k.1))),
                (t("Validado", "Validated"), r.validated ? yes : no, "v", nil),
                (t("Replanificado", "Rescheduled"), r.rescheduled ? yes : no, "r", nil),
                (t("Evidencia", "Evidence"), r.evidence.isEmpty ? "—" : r.evidence, "e", editing(.evidence(commitment: k.0, milestone: k.1))),
                (t("Nota", "Note"), r.note.isEmpty ? "—" : r.note, "n", editing(.note(commitment: k.0, milestone: k.1))),
            ]
            for (label, value, keys, field) in fields where y <= bottom {
                fieldLine(m, &screen, y: y, x: x, width: width, label: label, value: value, key: keys, editing: field)
                if label == t("Estado", "Status") { screen.paint(row: y, column: x + 15, width: DisplayWidth.of(value), role: .status(r.status)) }
                y += 1
            }
        }
        // Acuerdos of the current item.
        let items = m.itemActionItems
        y = max(y + 1, bottom - max(3, min(items.count + 1, 7)) + 1)
        guard y <= bottom else { return }
        line(t("Acuerdos del punto \(m.currentItem)", "Action items of item \(m.currentItem)") + "  [a]", .heading)
        if items.isEmpty { line(t("(ninguno)", "(none)"), .dim) }
        for (i, pick) in items.enumerated() where y <= bottom {
            let a = pick.item
            let who = [a.responsible, a.due?.iso].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            let origin = pick.actaNumber.map { "\($0) " } ?? ""
            let text = "\(a.closed ? "[x]" : "[ ]") \(origin)\(a.number). \(a.text)" + (who.isEmpty ? "" : " — \(who)")
            let row = y
            line(DisplayWidth.truncated(text, to: width), a.closed ? .dim : .normal)
            if m.pane == .actionItems && i == m.actionSelection { screen.paint(row: row, column: x, width: width, role: .selected) }
        }
    }

    static func attendance(_ m: RecordModel, _ s: Session, _ screen: inout Screen, x: Int, width: Int,
                           selection: Int, delegate: TextField?) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        screen.put(t("Asistencia — Espacio: presente/ausente · d: delegado/a · Esc: volver",
                     "Attendance — Space: present/absent · d: delegate · Esc: back"), row: 1, column: x, role: .heading, limit: width)
        let seats = s.agenda.seats
        let visible = m.height - 5
        let first = max(0, min(selection - visible / 2, seats.count - visible))
        for (i, seat) in seats.enumerated().dropFirst(max(0, first)).prefix(visible) {
            let y = 2 + i - max(0, first)
            let a = s.attendance[seat.id]
            let mark = a == nil ? "[ ]" : (a!.present ? "[x]" : "[-]")
            let name = DisplayWidth.truncated("\(mark) \(ActionItemForm.shortName(seat))", to: 22)
            screen.put(name, row: y, column: x, role: a?.present == true ? .normal : .dim)
            if i == selection, let delegate {
                let col = delegate.render(into: &screen, row: y, column: x + 23, width: width - 23, role: .fieldActive)
                screen.cursor = (y, col)
            } else {
                let who = a?.delegate ?? seat.delegates.first.map { "(\($0))" } ?? ""
                screen.put(DisplayWidth.truncated(who, to: width - 23), row: y, column: x + 23, role: a?.present == true ? .normal : .dim)
            }
            if i == selection && delegate == nil { screen.paint(row: y, column: x, width: width, role: .selected) }
        }
    }

    static func actionItemForm(_ m: RecordModel, _ s: Session, _ screen: inout Screen, form: ActionItemForm, x: Int, width: Int) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        var y = 1
        let title = form.number.map { t("Editar acuerdo \($0)", "Edit action item \($0)") }
            ?? t("Nuevo acuerdo", "New action item")
        screen.put(title + t(" — punto \(form.item)", " — item \(form.item)"), row: y, column: x, role: .heading, limit: width)
        y += 2
        let rows: [(ActionItemForm.Field, String, String?)] = [
            (.text, t("Texto", "Text"), nil),
            (.kind, t("Tipo", "Type"), form.kind.label(m.language) + t("   (Espacio o Tab: cambia; d decisión, t tarea)", "   (Space or Tab: switch; d decision, t task)")),
            (.responsible, t("Responsable", "Responsible"), nil),
            (.due, t("Fecha límite", "Due date"), nil),
        ]
        for (field, label, fixed) in rows {
            let active = form.field == field
            screen.put((active ? "▸ " : "  ") + label, row: y, column: x, role: active ? .heading : .dim, limit: 16)
            let fx = x + 16, fw = width - 16
            if let fixed {
                screen.put(fixed, row: y, column: fx, role: active ? .fieldActive : .field, limit: fw)
            } else {
                let tf: TextField = field == .text ? form.text : field == .responsible ? form.responsible : form.due
                if active {
                    let col = tf.render(into: &screen, row: y, column: fx, width: fw, role: .fieldActive)
                    screen.cursor = (y, col)
                } else {
                    tf.render(into: &screen, row: y, column: fx, width: fw, role: .field)
                }
            }
            y += 1
            if field == .responsible, let seat = form.completion(seats: s.agenda.seats) {
                screen.put("→ " + ActionItemForm.shortName(seat) + " — " + seat.name + t(" (Tab)", " (Tab)"),
                           row: y, column: fx, role: .dim, limit: fw)
            }
            if field == .due {
                let text = form.due.text
                let parsed = DueDateInput.parse(text, base: s.agenda.date)
                let hint = text.isEmpty ? t("2023-08-15, 15/08, +2w, +10d (vacío: sin fecha)", "2023-08-15, 15/08, +2w, +10d (empty: none)")
                    : parsed.map { "→ " + $0.long(m.language) } ?? t("fecha no válida", "invalid date")
                screen.put(hint, row: y, column: fx, role: parsed == nil && !text.isEmpty ? .error : .dim, limit: fw)
            }
            y += 1
        }
        y += 1
        screen.put(t("Enter: campo siguiente (en el último, guarda) · ↑↓: campos · Esc: cancelar · C-e: $EDITOR",
                     "Enter: next field (on the last, saves) · ↑↓: fields · Esc: cancel · C-e: $EDITOR"),
                   row: y, column: x, role: .hint, limit: width)
    }

    static func help(_ m: RecordModel, _ screen: inout Screen, scroll: Int) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        let top = 1, bottom = m.height - 3
        for y in top...bottom { screen.fill(row: y, column: 0, width: m.width, role: .overlay) }
        screen.put(t("Ayuda de acta record — teclas (↑↓ desplaza, Esc cierra)", "acta record help — keys (↑↓ scroll, Esc closes)"),
                   row: top, column: 2, role: .heading)
        let lines = m.keyMap.helpLines(m.language)
        let columnWidth = m.width >= 120 ? (m.width - 4) / 2 : m.width - 4
        let perColumn = bottom - top - 1
        let columns = m.width >= 120 ? 2 : 1
        let start = min(scroll, max(0, lines.count - perColumn * columns))
        for (i, line) in lines.dropFirst(start).prefix(perColumn * columns).enumerated() {
            let column = i / perColumn
            let y = top + 1 + i % perColumn
            let x = 2 + column * columnWidth
            if line.isHeading {
                screen.put(line.keys, row: y, column: x, role: .heading, limit: columnWidth - 1)
            } else {
                screen.put(line.keys, row: y, column: x + 1, role: .key, limit: 16)
                screen.put(line.text, row: y, column: x + 18, role: .overlay, limit: columnWidth - 19)
            }
        }
    }

    static func bottomBars(_ m: RecordModel, _ screen: inout Screen) {
        let hintRow = m.height - 2, messageRow = m.height - 1
        m.keyMap.drawHints(for: m.contexts, m.language, into: &screen, row: hintRow)
        var prompt: (label: String, field: TextField)?
        if case .search(let search) = m.mode { prompt = ("/", search.field) }
        if case .editing(let editor) = m.mode, editor.target == .nextSession {
            prompt = (m.language == .es ? "Próxima sesión: " : "Next session: ", editor.field)
        }
        if let (label, field) = prompt {
            let w = screen.put(label, row: messageRow, column: 0, role: .key)
            let col = field.render(into: &screen, row: messageRow, column: w, width: m.width - w - 1, role: .fieldActive)
            screen.cursor = (messageRow, col)
            return
        }
        if let message = m.message {
            screen.put(DisplayWidth.truncated(message.text, to: m.width - 1), row: messageRow, column: 0, role: message.isError ? .error : .ok)
        }
    }
}
