import ActaCore

/// Draws `acta review`: a pure function of the model.
public enum ReviewView {
    public static func render(_ m: ReviewModel) -> Screen {
        var screen = Screen(width: m.width, height: m.height)
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        if m.isTooSmall {
            for (i, line) in wrap(t("Terminal demasiado pequeña (\(m.width)×\(m.height)); agrande la ventana (q sale).",
                                    "Terminal too small (\(m.width)×\(m.height)); enlarge the window (q quits)."), width: max(1, m.width - 2)).enumerated() {
                screen.put(line, row: i, column: 1, role: .warning)
            }
            return screen
        }
        // Top bar.
        screen.fill(row: 0, column: 0, width: m.width, role: .title)
        let title: String
        switch m.screen {
        case .list: title = t("Sesiones de la mesa", "Sessions of the mesa")
        case .session(let name):
            let s = m.archive.sessions.first { $0.name == name }
            title = s.map { "\(t("Acta", "Minutes")) \($0.actaNumber) · \($0.date.iso) · \($0.title)" } ?? name
        case .commitments: title = t("Compromisos", "Commitments") + (m.plan.map { " · \($0.name)" } ?? "")
        case .timeline(let c): title = t("Línea de tiempo del compromiso \(c)", "Timeline of commitment \(c)")
        case .actionItems: title = t("Acuerdos", "Action items")
        case .searchResults: title = t("Búsqueda en todas las sesiones: «\(m.sessionQuery)» · \(m.sessionHits.count)",
                                       "Search of every session: “\(m.sessionQuery)” · \(m.sessionHits.count)")
        case .help: title = t("Ayuda", "Help")
        }
        var right = ""
        if m.follow != nil {
            right = t("● EN VIVO", "● LIVE") + (m.lastUpdate.map { t(" · actualizado ", " · updated ") + $0.clockWithSeconds } ?? "")
        }
        let rw = DisplayWidth.of(right)
        screen.put(DisplayWidth.truncated("acta review · " + title, to: m.width - rw - 3), row: 0, column: 1, role: .title)
        if !right.isEmpty { screen.put(right, row: 0, column: m.width - rw - 1, role: .warning) }

        let top = 1, h = m.bodyHeight
        switch m.screen {
        case .list: list(m, &screen, top: top, height: h)
        case .session, .timeline: m.pager.render(into: &screen, row: top, column: 1, width: m.width - 2, height: h)
        case .commitments: commitments(m, &screen, top: top, height: h)
        case .actionItems: actionItems(m, &screen, top: top, height: h)
        case .searchResults: searchResults(m, &screen, top: top, height: h)
        case .help: help(m, &screen, top: top, height: h)
        }

        // Hints and the message line (or the field being typed).
        let hintRow = m.height - 2, messageRow = m.height - 1
        m.keyMap.drawHints(for: m.contexts, m.language, into: &screen, row: hintRow)
        if let e = m.editing {
            let label: String
            switch e.field {
            case .listFilter: label = t("Filtrar: ", "Filter: ")
            case .search: label = "/"
            case .responsible: label = t("Responsable: ", "Responsible: ")
            case .sessionSearch: label = t("Buscar en todas las sesiones: ", "Search every session: ")
            }
            let w = screen.put(label, row: messageRow, column: 0, role: .key)
            let col = e.text.render(into: &screen, row: messageRow, column: w, width: m.width - w - 1, role: .fieldActive)
            screen.cursor = (messageRow, col)
        } else if let message = m.message {
            screen.put(DisplayWidth.truncated(message, to: m.width - 1), row: messageRow, column: 0, role: .ok)
        }
        return screen
    }

    static func columns(_ cells: [String], widths: [Int]) -> String {
        zip(cells, widths).map { DisplayWidth.padded(DisplayWidth.truncated($0, to: $1), to: $1) }.joined(separator: "  ")
    }

    static func list(_ m: ReviewModel, _ screen: inout Screen, top: Int, height: Int) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        var y = top
        if let warning = m.archive.cadence(today: m.today).warning(m.language) {
            for line in wrap(warning, width: m.width - 2).prefix(3) { screen.put(line, row: y, column: 1, role: .warning); y += 1 }
        }
        // The hitos column: reported of planned, and a small bar of the same.
        let barWidth = m.width >= 100 ? 8 : 5
        let hitosWidth = max(DisplayWidth.of(t("HITOS", "MILESTONES")), 6 + barWidth)
        let titleWidth = max(10, m.width - 2 - 10 - 11 - hitosWidth - 8 - 2 * 4)
        let widths = [10, 11, titleWidth, hitosWidth, 8]
        screen.put(columns([t("FECHA", "DATE"), t("ACTA", "MINUTES"), t("TÍTULO", "TITLE"), t("HITOS", "MILESTONES"), t("ABIERTOS", "OPEN")], widths: widths),
                   row: y, column: 1, role: .heading)
        y += 1
        let listed = m.listed
        if listed.isEmpty { screen.put(t("Ninguna sesión coincide.", "No session matches."), row: y, column: 1, role: .dim) }
        let visible = top + height - y
        let first = max(0, min(m.listSelection - visible + 1, listed.count - visible))
        let openCounts = m.archive.openActionItemCounts()
        for (i, e) in listed.enumerated().dropFirst(max(0, first)).prefix(visible) {
            let row = y + i - max(0, first)
            if let s = e.summary {
                let open = openCounts[e.name] ?? 0
                let planned = s.slots.reduce(0) { $0 + $1.milestones.count }
                let reported = s.reports.count
                let hitos = Bar.fill(planned == 0 ? 0 : Double(reported) / Double(planned), width: barWidth) + " \(reported)/\(planned)"
                screen.put(columns([s.date.iso, s.actaNumber, s.listedTitle(m.language), hitos, String(open)], widths: widths),
                           row: row, column: 1)
            } else {
                screen.put(columns([String(e.name.prefix(10)), "⚠", e.name + " — " + (e.problem ?? ""), "—", "—"], widths: widths),
                           row: row, column: 1, role: .error)
            }
            if i == m.listSelection { screen.paint(row: row, column: 0, width: m.width, role: .selected) }
        }
    }

    /// One line per hit: where it is (date, acta, what) and its text, cut to the width.
    static func searchResults(_ m: ReviewModel, _ screen: inout Screen, top: Int, height: Int) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        let kindWidth = m.language == .es ? 7 : 11
        let widths = [10, 11, kindWidth, max(10, m.width - 2 - 10 - 11 - kindWidth - 2 * 3)]
        screen.put(columns([t("FECHA", "DATE"), t("ACTA", "MINUTES"), t("DÓNDE", "WHERE"), t("TEXTO", "TEXT")], widths: widths),
                   row: top, column: 1, role: .heading)
        let sessions = Dictionary(m.archive.sessions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let visible = height - 1
        let first = max(0, min(m.hitSelection - visible + 1, m.sessionHits.count - visible))
        for (i, hit) in m.sessionHits.enumerated().dropFirst(first).prefix(visible) {
            let row = top + 1 + i - first
            let s = sessions[hit.session]
            let oneLine = hit.text.split(whereSeparator: \.isNewline).joined(separator: " ")
            let text = ControlCharacters.visible(s?.labelled(oneLine, m.language) ?? oneLine)
            screen.put(columns([s?.date.iso ?? String(hit.session.prefix(10)), s?.actaNumber ?? "", hit.kind.label(m.language), text],
                               widths: widths), row: row, column: 1)
            if i == m.hitSelection { screen.paint(row: row, column: 0, width: m.width, role: .selected) }
        }
    }

    static func commitments(_ m: ReviewModel, _ screen: inout Screen, top: Int, height: Int) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        guard let plan = m.plan else {
            screen.put(t("No hay sesiones legibles.", "There are no readable sessions."), row: top, column: 1, role: .dim)
            return
        }
        let blocks = Array(ReviewDocuments.summary(archive: m.archive, plan: plan, language: m.language).prefix(2))
        let summary = DocumentLayout.lines(blocks, width: m.width - 2)
            + [StyledLine(text: "", role: .normal)]
            + ReviewDocuments.summaryChart(archive: m.archive, plan: plan, language: m.language, width: m.width - 2)
        var y = top
        for line in summary.prefix(max(0, height - 6)) {
            screen.put(line.text, row: y, column: 1, role: line.role, limit: m.width - 2)
            for run in line.runs { screen.paint(row: y, column: 1 + run.column, width: run.width, role: run.role) }
            y += 1
        }
        y += 1
        screen.put(t("Compromisos (Enter: línea de tiempo)", "Commitments (Enter: timeline)"), row: y, column: 1, role: .heading)
        y += 1
        let visible = top + height - y
        let first = max(0, min(m.commitmentSelection - visible + 1, plan.commitments.count - visible))
        for (i, c) in plan.commitments.enumerated().dropFirst(max(0, first)).prefix(max(0, visible)) {
            let row = y + i - max(0, first)
            let text = "\(c.number). \(c.institutionShort ?? "—") · \(c.title(m.language)) ("
                + t(Plural.count(c.milestones.count, "hito", "hitos"), Plural.count(c.milestones.count, "milestone", "milestones")) + ")"
            screen.put(DisplayWidth.truncated(text, to: m.width - 2), row: row, column: 1)
            if i == m.commitmentSelection { screen.paint(row: row, column: 0, width: m.width, role: .selected) }
        }
    }

    static func actionItems(_ m: ReviewModel, _ screen: inout Screen, top: Int, height: Int) {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        let f = m.actionFilter
        let state: String
        switch f.state {
        case .all: state = t("todos", "all")
        case .open: state = t("abiertos", "open")
        case .closed: state = t("cerrados", "closed")
        }
        var filter = t("Mostrando: ", "Showing: ") + state
        if f.overdueOnly { filter += t(", solo vencidos", ", overdue only") }
        if !f.responsible.isEmpty { filter += t(", responsable «", ", responsible “") + f.responsible + t("»", "”") }
        let items = m.shownActionItems
        screen.put(filter + " · \(items.count)", row: top, column: 1, role: .dim)
        var (header, rows) = ReviewDocuments.actionRows(items, today: m.today, language: m.language)
        var fixed = [9, 10, 3, 0, 12, 10, 8]
        if m.width < 100 {
            // Narrow: the session's date gives way to the acuerdo's text.
            header.remove(at: 1)
            rows = rows.map { var r = $0; r.remove(at: 1); return r }
            fixed.remove(at: 1)
        }
        let textWidth = max(10, m.width - 2 - fixed.reduce(0, +) - 2 * (fixed.count - 1))
        let textColumn = m.width < 100 ? 2 : 3
        let widths = fixed.enumerated().map { $0.offset == textColumn ? textWidth : $0.element }
        screen.put(columns(header, widths: widths), row: top + 1, column: 1, role: .heading)
        // Each acuerdo whole: its text wraps in its column, the other cells on the first line.
        let wrapped = rows.map { wrap($0[textColumn], width: widths[textColumn]) }
        let heights = wrapped.map { max(1, $0.count) }
        let visible = height - 2
        var first = min(m.actionSelection, max(0, rows.count - 1))
        var used = heights.isEmpty ? 0 : heights[first]
        while first > 0 && used + heights[first - 1] <= visible { first -= 1; used += heights[first] }
        var y = top + 2
        for i in rows.indices.dropFirst(first) where y < top + height {
            let overdue = items[i].item.isOverdue(on: m.today)
            let role: Role = overdue ? .warning : (items[i].item.closed ? .dim : .normal)
            for (n, piece) in wrapped[i].enumerated() where y + n < top + height {
                var cells = n == 0 ? rows[i] : Array(repeating: "", count: rows[i].count)
                cells[textColumn] = piece
                screen.put(columns(cells, widths: widths), row: y + n, column: 1, role: role)
                if i == m.actionSelection { screen.paint(row: y + n, column: 0, width: m.width, role: .selected) }
            }
            y += heights[i]
        }
    }

    static func help(_ m: ReviewModel, _ screen: inout Screen, top: Int, height: Int) {
        let (columns, columnWidth) = HelpPane.columns(screenWidth: m.width)
        let lines = HelpPane.lines(m.keyMap, m.language, width: columnWidth - 1)
        let start = min(m.helpScroll, max(0, lines.count - height * columns))
        for (i, line) in lines.dropFirst(start).prefix(height * columns).enumerated() {
            line.draw(into: &screen, row: top + i % height, x: 1 + (i / height) * columnWidth, width: columnWidth - 1)
        }
    }
}
