import ActaCore

/// Draws the record screen: a pure function of the model.
public enum RecordView {
    /// `memo: false` makes every part afresh: what the memoised render must always equal.
    public static func render(_ m: RecordModel, memo: Bool = true) -> Screen {
        guard memo, !m.isTooSmall else { return frame(m, memo: memo) }
        // A clock second changes the top bar alone (unless a clock runs below it too): the rest
        // of the last frame is kept, and the adapter sends only the cells that changed.
        let key = RenderMemo.FrameKey(content: m.contentToken, width: m.width, height: m.height, navigator: m.navigator,
                                      mode: m.mode, message: m.message, lastWriteError: m.lastWriteError,
                                      searchHistory: m.searchHistory, language: m.language, clock: m.frameClock)
        var made = false
        var screen = m.memo.frame(key) { made = true; return frame(m, memo: true) }
        if !made { topBar(m, m.shown, &screen, memo: true) }
        return screen
    }

    static func frame(_ m: RecordModel, memo: Bool) -> Screen {
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
        topBar(m, shown, &screen, memo: memo)
        let top = 1, bottom = m.height - 3
        let (rx, rw) = m.rightPane
        if !m.isCompact {
            for row in top...bottom { screen.put("│", row: row, column: m.agendaWidth, role: .dim) }
        }
        if !m.isCompact || !m.showsRightPane {
            agendaPane(m, shown, &screen, width: m.isCompact ? m.width - 1 : m.agendaWidth, top: top, memo: memo)
        }
        if m.showsRightPane {
            switch m.mode {
            case .attendance(let sheet):
                attendance(m, shown, &screen, x: rx, width: rw, selection: sheet.selection, delegate: sheet.delegate)
            case .actionItemForm(let form):
                actionItemForm(m, shown, &screen, form: form, x: rx, width: rw)
            case .speakers(let panel):
                drawScrolled(SpeakersPane.lines(m, shown, panel: panel, width: rw), m, &screen, top: 1, x: rx, width: rw)
            default:
                details(m, &screen, x: rx, width: rw, memo: memo)
            }
        }
        if case .help(let pager) = m.mode { help(m, &screen, scroll: pager.scroll) }
        bottomBars(m, &screen, memo: memo)
        if case .draftOffer(let draft) = m.mode {
            // The recovered text whole, in a box over the panes, so the secretary can judge it before choosing.
            let text = t("Hay un borrador sin guardar: «", "There is an unsaved draft: “") + (draft.actionItem?.text ?? draft.text)
                + t("». Enter lo recupera, Esc lo descarta.", "”. Enter recovers it, Esc discards it.")
            let lines = wrap(text, width: m.width - 6)
            let top = max(1, m.height - 3 - lines.count - 1)
            for row in top..<(m.height - 2) { screen.fill(row: row, column: 1, width: m.width - 2, role: .warning) }
            for (i, line) in lines.enumerated() where top + 1 + i < m.height - 2 {
                screen.put(line, row: top + 1 + i, column: 3, role: .warning)
            }
        }
        return screen
    }

    static func minutesAndSeconds(_ seconds: Int) -> String {
        let h = seconds / 3600, mm = seconds / 60 % 60, ss = seconds % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return h > 0 ? "\(h):\(two(mm)):\(two(ss))" : "\(two(mm)):\(two(ss))"
    }

    /// How far an item ran over its planned minutes, in text as well as colour: "+3′".
    static func overrun(_ seconds: Int, planned: Int?) -> String? {
        guard let planned, seconds > planned * 60 else { return nil }
        return "+\((seconds - planned * 60 + 59) / 60)′"
    }

    static func topBar(_ m: RecordModel, _ s: Session, _ screen: inout Screen, memo: Bool) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        // Recording after the fact: no clock runs; the times are typed (T).
        var right = m.clockless ? t("sin reloj", "no clock") : "\(m.now.clock)"
        if !m.clockless, let start = s.startedAt {
            right += " · " + t("sesión ", "session ") + minutesAndSeconds(max(0, m.now.epochSeconds - start.epochSeconds))
        }
        var overdue = false
        if let running = s.runningItem, let timing = s.timings[running] {
            let secs = timing.seconds(now: m.now)
            let planned = s.agenda.item(running)?.plannedMinutes
            overdue = planned.map { secs > $0 * 60 } ?? false
            right += " · " + t("punto \(running) ", "item \(running) ") + minutesAndSeconds(secs) + (planned.map { "/\($0)′" } ?? "")
            if let over = overrun(secs, planned: planned) { right += " " + over }
        }
        guard memo else { return topBar(m, s, right: right, overdue: overdue, title: nil, &screen) }
        // Between two clock seconds only keys change the screen: the bar is kept.
        let key = RenderMemo.TopBarKey(content: m.contentToken, clock: right, overdue: overdue, width: m.width, language: m.language)
        screen.place(m.memo.topBar(key) {
            var bar = Screen(width: m.width, height: 1)
            // The title, cut to the room the clocks leave, changes far less often than they do.
            let room = titleRoom(m, right: right)
            let title = m.memo.title(.init(content: m.contentToken, room: room, language: m.language)) { titleText(m, s, room: room) }
            topBar(m, s, right: right, overdue: overdue, title: title, &bar)
            return bar.cells
        }, row: 0, column: 0)
    }

    /// The title, the clocks (`right`) and whether everything is saved, on row 0.
    static func topBar(_ m: RecordModel, _ s: Session, right: String, overdue: Bool, title: String?, _ screen: inout Screen) {
        screen.fill(row: 0, column: 0, width: m.width, role: .title)
        let saved = savedText(m)
        let savedWidth = DisplayWidth.of(saved)
        let rightWidth = DisplayWidth.of(right)
        screen.put(title ?? titleText(m, s, room: titleRoom(m, right: right)), row: 0, column: 1, role: .title)
        let rx = m.width - rightWidth - savedWidth - 3
        screen.put(right, row: 0, column: rx, role: overdue ? .warning : .title)
        screen.put(saved, row: 0, column: m.width - savedWidth - 1, role: m.pending.isEmpty ? .ok : .error)
    }

    /// "✓ guardado", or how many changes are not yet written.
    static func savedText(_ m: RecordModel) -> String {
        m.language == .es ? (m.pending.isEmpty ? "✓ guardado" : "✗ sin guardar (\(m.pending.count))")
                          : (m.pending.isEmpty ? "✓ saved" : "✗ unsaved (\(m.pending.count))")
    }

    /// Columns the title may take beside the clocks and the saved mark.
    static func titleRoom(_ m: RecordModel, right: String) -> Int {
        m.width - DisplayWidth.of(right) - DisplayWidth.of(savedText(m)) - 5
    }

    /// The acta's number, date and title, cut to `room` columns.
    static func titleText(_ m: RecordModel, _ s: Session, room: Int) -> String {
        let title = "\(m.language == .es ? "Acta" : "Minutes") \(s.agenda.actaNumber) · \(s.agenda.date.iso) · \(s.agenda.title)"
        return DisplayWidth.truncated(title, to: max(0, room))
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

    static func agendaPane(_ m: RecordModel, _ s: Session, _ screen: inout Screen, width: Int, top: Int, memo: Bool) {
        let h = m.treeHeight
        for i in 0..<h {
            let index = m.treeScroll + i
            guard index < m.rows.count else { break }
            let row = m.rows[index]
            let highlight: Role? = index == m.selection ? (m.pane == .agenda ? .selected : .selectedDim) : nil
            guard memo else {
                agendaRow(m, s, row, highlight: highlight, &screen, y: top + i, width: width)
                continue
            }
            // A move repaints two rows; the others are kept as drawn.
            let key = RenderMemo.AgendaRowKey(content: m.contentToken, row: row, width: width, language: m.language, highlight: highlight)
            screen.place(m.memo.agendaRow(key) {
                var line = Screen(width: width, height: 1)
                agendaRow(m, s, row, highlight: highlight, &line, y: 0, width: width)
                return line.cells
            }, row: top + i, column: 0)
        }
        if m.rows.count > h {
            let mark = m.treeScroll + h < m.rows.count ? "↓" : "↑"
            screen.put(mark, row: top + h - 1, column: width - 1, role: .dim)
        }
    }

    /// One row of the agenda, in `width` columns from column 0.
    static func agendaRow(_ m: RecordModel, _ s: Session, _ row: TreeRow, highlight: Role?, _ screen: inout Screen, y: Int, width: Int) {
        let (label, right, role) = rowLabel(m, s, row)
        let rightWidth = DisplayWidth.of(right)
        screen.put(DisplayWidth.truncated(label, to: width - rightWidth - 2), row: y, column: 1, role: role)
        screen.put(right, row: y, column: width - rightWidth - 1, role: role == .heading ? .dim : role)
        if let highlight { screen.paint(row: y, column: 0, width: width, role: highlight) }
    }

    /// The right pane, scrolled so that what has the focus (a field's cursor, the selected acuerdo) is in view.
    static func details(_ m: RecordModel, _ screen: inout Screen, x: Int, width: Int, memo: Bool) {
        let layout = memo ? m.detailLayout : m.freshDetailLayout
        let height = m.paneHeight
        let first = PaneLine.firstShown(count: layout.lines.count, focus: layout.focus, height: height, preferred: m.navigator.detailScroll)
        guard memo else { return details(m, layout, first: first, &screen, top: 1, x: x, width: width) }
        // Moving back to an item shows its pane as drawn before: the cells are kept, not the text
        // placed again character by character. The pane's columns plus the scroll marks' one.
        let key = RenderMemo.PaneKey(detail: m.detailKey, first: first)
        let pane = m.memo.pane(key) {
            var pane = Screen(width: width + 1, height: height)
            details(m, layout, first: first, &pane, top: 0, x: 0, width: width)
            return pane
        }
        for row in 0..<height { screen.place(pane.row(row), row: 1 + row, column: x) }
        if let cursor = pane.cursor { screen.cursor = (1 + cursor.row, x + cursor.column) }
    }

    /// The right pane's lines from `first`, at rows `top`… and columns `x`…, with its scroll marks.
    static func details(_ m: RecordModel, _ layout: DetailLayout, first: Int, _ screen: inout Screen, top: Int, x: Int, width: Int) {
        let height = m.paneHeight
        for (i, line) in layout.lines.dropFirst(first).prefix(height).enumerated() {
            line.draw(into: &screen, row: top + i, x: x, width: width)
        }
        let role: Role = m.pane == .details ? .key : .dim
        if first > 0 { screen.put("↑", row: top, column: x + width, role: role) }
        if first + height < layout.lines.count { screen.put("↓", row: top + height - 1, column: x + width, role: role) }
    }

    /// Draws lines in the right pane, scrolled so the focus is in view.
    static func drawScrolled(_ lines: [PaneLine], _ m: RecordModel, _ screen: inout Screen, top: Int, x: Int, width: Int) {
        let height = m.height - 2 - top
        let first = PaneLine.firstShown(lines, height: height, preferred: 0)
        for (i, line) in lines.dropFirst(first).prefix(height).enumerated() {
            line.draw(into: &screen, row: top + i, x: x, width: width)
        }
        if first > 0 { screen.put("↑", row: top, column: x + width, role: .dim) }
        if first + height < lines.count { screen.put("↓", row: top + height - 1, column: x + width, role: .dim) }
    }

    static func attendance(_ m: RecordModel, _ s: Session, _ screen: inout Screen, x: Int, width: Int,
                           selection: Int, delegate: TextField?) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        let seats = s.agenda.seats
        let present = seats.filter { s.attendance[$0.id]?.present == true }.count
        let marked = seats.filter { s.attendance[$0.id] != nil }.count
        screen.put(t("Asistencia: \(present) \(present == 1 ? "presente" : "presentes") · \(marked)/\(seats.count) marcados",
                     "Attendance: \(present) present · \(marked)/\(seats.count) marked"), row: 1, column: x, role: .heading, limit: width)
        let nameWidth = min(max(22, width / 2), 36)
        var lines: [PaneLine] = []
        for (i, seat) in seats.enumerated() {
            let a = s.attendance[seat.id]
            let role: Role = a?.present == true ? .normal : .dim
            let mark = a == nil ? "[ ]" : (a!.present ? "[x]" : "[-]")
            let names = wrap("\(mark) \(ActionItemForm.shortName(seat))", width: nameWidth - 1)
            let who = a.map { $0.present ? ($0.delegate ?? "") : t("ausente", "absent") } ?? seat.delegates.first.map { "(\($0))" } ?? ""
            let whoLines = i == selection && delegate != nil ? [] : wrap(who, width: width - nameWidth)
            var seatLines: [PaneLine] = []
            for j in 0..<max(names.count, whoLines.count) {
                var line = PaneLine()
                if j < names.count { line.put(names[j], column: j == 0 ? 0 : 4, role: role) }
                if j < whoLines.count { line.put(whoLines[j], column: nameWidth, role: role) }
                seatLines.append(line)
            }
            if i == selection {
                if let delegate {
                    // The name being typed, whole, beside the seat.
                    let editing = PaneLine.editing(delegate, column: nameWidth, width: width - nameWidth)
                    for (j, e) in editing.enumerated() {
                        if j < seatLines.count {
                            seatLines[j].fill = e.fill
                            seatLines[j].segments += e.segments
                            seatLines[j].cursor = e.cursor
                        } else {
                            seatLines.append(e)
                        }
                    }
                } else {
                    for j in seatLines.indices { seatLines[j].paint = (0, width, .selected) }
                }
                for j in seatLines.indices { seatLines[j].isFocus = true }
            }
            lines += seatLines
        }
        drawScrolled(lines, m, &screen, top: 2, x: x, width: width)
    }

    static func actionItemForm(_ m: RecordModel, _ s: Session, _ screen: inout Screen, form: ActionItemForm, x: Int, width: Int) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        let title = form.number.map { t("Editar acuerdo \($0)", "Edit action item \($0)") }
            ?? t("Nuevo acuerdo", "New action item")
        screen.put(title + t(" — punto \(form.item)", " — item \(form.item)"), row: 1, column: x, role: .heading, limit: width)
        let labelWidth = 16
        let fw = width - labelWidth
        var lines: [PaneLine] = []
        func note(_ text: String, _ role: Role = .dim) {
            lines += wrap(text, width: fw).map { PaneLine($0, role, column: labelWidth) }
        }
        let fields: [(ActionItemForm.Field, String)] = [
            (.text, t("Texto", "Text")), (.kind, t("Tipo", "Type")),
            (.responsible, t("Responsable", "Responsible")), (.due, t("Fecha límite", "Due date")),
        ]
        for (field, label) in fields {
            let active = form.field == field
            var fieldLines: [PaneLine]
            if field == .kind {
                fieldLines = [PaneLine(form.kind.label(m.language), active ? .fieldActive : .field, column: labelWidth)]
                if active { fieldLines[0].isFocus = true }
            } else {
                let tf: TextField = field == .text ? form.text : field == .responsible ? form.responsible : form.due
                if active {
                    fieldLines = PaneLine.editing(tf, column: labelWidth, width: fw)
                } else {
                    fieldLines = (tf.isEmpty ? [""] : wrap(tf.text, width: fw)).map { PaneLine($0, .field, column: labelWidth) }
                    fieldLines[0].fill = (labelWidth, fw, .field)
                }
            }
            fieldLines[0].put((active ? "▸ " : "  ") + label, column: 0, role: active ? .heading : .dim, limit: labelWidth)
            lines += fieldLines
            switch field {
            case .kind:
                note(t("Espacio o Tab: cambia; d decisión, t tarea", "Space or Tab: switch; d decision, t task"))
            case .responsible:
                if let seat = form.completion(seats: s.agenda.seats) {
                    note("→ " + ActionItemForm.shortName(seat) + " — " + seat.name + " (Tab)")
                } else {
                    note(t("Tab completa con un asiento de la mesa", "Tab completes from the mesa's seats"))
                }
            case .due:
                let text = form.due.text
                let parsed = DueDateInput.parse(text, base: s.agenda.date)
                if text.isEmpty {
                    note(t("2023-08-15, 15/08, +2w (semanas), +10d (días); vacío: sin fecha",
                           "2023-08-15, 15/08, +2w (weeks), +10d (days); empty: none"))
                } else {
                    note(parsed.map { "→ " + $0.long(m.language) } ?? t("fecha no válida: 2023-08-15, 15/08, +2w o +10d",
                                                                       "invalid date: 2023-08-15, 15/08, +2w or +10d"),
                         parsed == nil ? .error : .dim)
                }
            case .text: break
            }
            lines.append(PaneLine())
        }
        lines += wrap(t("Enter: campo siguiente (en el último, guarda) · ↑↓: campos · Esc: cancelar · C-e: $EDITOR",
                        "Enter: next field (on the last, saves) · ↑↓: fields · Esc: cancel · C-e: $EDITOR"), width: width)
            .map { PaneLine($0, .hint) }
        drawScrolled(lines, m, &screen, top: 3, x: x, width: width)
    }

    static func help(_ m: RecordModel, _ screen: inout Screen, scroll: Int) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        let top = 1, bottom = m.height - 3
        for y in top...bottom { screen.fill(row: y, column: 0, width: m.width, role: .overlay) }
        let (columns, columnWidth) = HelpPane.columns(screenWidth: m.width)
        let rows = HelpPane.rows(screenHeight: m.height)
        let lines = HelpPane.lines(m.keyMap, m.language, width: columnWidth - 1)
        let start = min(scroll, max(0, lines.count - rows * columns))
        let shownRange = "\(start + 1)–\(min(lines.count, start + rows * columns))/\(lines.count)"
        screen.put(t("Ayuda de acta record — teclas", "acta record help — keys") + " (" + shownRange + ")",
                   row: top, column: 2, role: .heading, limit: m.width - 4)
        for (i, line) in lines.dropFirst(start).prefix(rows * columns).enumerated() {
            line.draw(into: &screen, row: top + 1 + i % rows, x: 2 + (i / rows) * columnWidth, width: columnWidth - 1)
        }
    }

    static func bottomBars(_ m: RecordModel, _ screen: inout Screen, memo: Bool) {
        let hintRow = m.height - 2, messageRow = m.height - 1
        var formats: String?
        if case .editing(let editor) = m.mode, editor.target == .nextSession {
            formats = m.language == .es ? "Fecha: 2023-08-15, 15/08, +2w (semanas), +10d (días)" : "Date: 2023-08-15, 15/08, +2w (weeks), +10d (days)"
        }
        if case .editing(let editor) = m.mode, case .times = editor.target {
            formats = m.language == .es ? "Horas de la mesa: 09:05-10:40, 09:05 (inicio), -10:40 (fin)" : "The mesa's times: 09:05-10:40, 09:05 (start), -10:40 (end)"
        }
        let contexts = m.contexts, inapplicable = m.inapplicableCommands
        if memo {
            // The hint bar changes with the mode, not with each key: its cells are kept.
            let key = RenderMemo.HintKey(contexts: contexts, language: m.language, leading: formats, inapplicable: inapplicable, width: m.width)
            screen.place(m.memo.hintRow(key) {
                var bar = Screen(width: m.width, height: 1)
                m.keyMap.drawHints(for: contexts, m.language, into: &bar, row: 0, leading: formats, inapplicable: inapplicable)
                return bar.cells
            }, row: hintRow, column: 0)
        } else {
            m.keyMap.drawHints(for: contexts, m.language, into: &screen, row: hintRow, leading: formats, inapplicable: inapplicable)
        }
        var prompt: (label: String, field: TextField)?
        if case .search(let search) = m.mode { prompt = ("/", search.field) }
        if case .editing(let editor) = m.mode, editor.target == .nextSession {
            prompt = (m.language == .es ? "Próxima sesión: " : "Next session: ", editor.field)
        }
        if case .editing(let editor) = m.mode, case .times(let item) = editor.target {
            let label = item.map { m.language == .es ? "Punto \($0), inicio-fin: " : "Item \($0), start-end: " }
                ?? (m.language == .es ? "Sesión, inicio-fin: " : "Session, start-end: ")
            prompt = (label, editor.field)
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
