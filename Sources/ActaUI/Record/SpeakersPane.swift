import ActaCore

/// The right pane while the list of speakers is open: who spoke and for how long (the turn in
/// progress timed live), each summary whole, then who waits, then the name being typed with
/// the seats and delegates it completes to.
enum SpeakersPane {
    static func lines(_ m: RecordModel, _ s: Session, panel: SpeakersPanel, width: Int) -> [PaneLine] {
        let t = { (es: String, en: String) in m.language == .es ? es : en }
        let list = s.speakers[panel.item] ?? SpeakersList()
        var out = [PaneLine(t("Oradores del punto \(panel.item)", "Speakers of item \(panel.item)"), .heading)]
        if let item = s.agenda.item(panel.item) {
            out += wrap(s.agenda.title(of: item, plan: s.plan, language: m.language), width: width).map { PaneLine($0, .dim) }
        }
        out.append(PaneLine())
        let rows = list.interventions.count + list.queue.count
        let selection = min(panel.selection, max(0, rows - 1))
        func mark(_ lines: inout [PaneLine], row: Int) {
            guard row == selection, panel.field == nil || panel.typing == .summary(row) else { return }
            for i in lines.indices {
                if panel.field == nil { lines[i].paint = (0, width, .selected) }
                lines[i].isFocus = true
            }
        }
        out.append(PaneLine(t("Han hablado", "Have spoken") + " (\(list.interventions.count))", .heading))
        if list.interventions.isEmpty { out.append(PaneLine(t("(nadie todavía)", "(no one yet)"), .dim)) }
        for (i, turn) in list.interventions.enumerated() {
            let secs = turn.seconds(now: turn.isRunning ? m.now : nil)
            let head = "\(turn.isRunning ? "▶" : " ") \(i + 1). \(s.agenda.name(of: turn.speaker)) · "
                + RecordView.minutesAndSeconds(secs) + (turn.isRunning ? t(" (habla)", " (speaking)") : "")
            var lines = wrap(head, width: width).enumerated().map { j, l in PaneLine(l, turn.isRunning ? .ok : .normal, column: j == 0 ? 0 : 5) }
            if panel.typing == .summary(i), let field = panel.field {
                lines += PaneLine.editing(field, column: 5, width: width - 5)
            } else if !turn.summary.isEmpty {
                lines += wrap(turn.summary, width: width - 5).map { PaneLine($0, .dim, column: 5) }
            }
            mark(&lines, row: i)
            out += lines
        }
        out.append(PaneLine())
        out.append(PaneLine(t("En espera", "Waiting") + " (\(list.queue.count))", .heading))
        if list.queue.isEmpty { out.append(PaneLine(t("(nadie; «a» añade)", "(no one; “a” adds)"), .dim)) }
        for (i, speaker) in list.queue.enumerated() {
            var lines = wrap("  \(i + 1). " + s.agenda.name(of: speaker), width: width).enumerated().map { j, l in
                PaneLine(l, .normal, column: j == 0 ? 0 : 5)
            }
            mark(&lines, row: list.interventions.count + i)
            out += lines
        }
        if panel.typing == .name, let field = panel.field {
            out.append(PaneLine())
            var editing = PaneLine.editing(field, column: 10, width: width - 10)
            editing[0].put(t("Añadir:", "Add:"), column: 0, role: .heading)
            out += editing
            let found = SpeakerCandidate.matches(field.text, in: SpeakerCandidate.all(s.agenda, attendance: s.attendance))
            let hint = found.isEmpty
                ? t("Un asiento o una persona; Tab completa con asientos y delegados", "A seat or a person; Tab completes from seats and delegates")
                : "Tab → " + found.prefix(4).map(\.label).joined(separator: " · ") + (found.count > 4 ? " …" : "")
            out += wrap(hint, width: width - 10).map { PaneLine($0, .dim, column: 10) }
        }
        return out
    }
}
