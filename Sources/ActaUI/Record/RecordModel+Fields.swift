import ActaCore

/// One text field (a hito's %, note or evidence, an item's note, the next session) and the agenda search.
extension RecordModel {
    // MARK: Editing one field

    mutating func edit(_ key: Key, _ editor: FieldEditor) -> [Effect] {
        var editor = editor
        let outcome = editor.handle(key, keyMap: keyMap)
        mode = .editing(editor)
        switch outcome {
        case .typing:
            return []
        case .cancelled:
            mode = .browse
            message = say("Cancelado; no se guardó ese texto.", "Cancelled; that text was not saved.")
            draftSaved = nil
            return [.clearDraft]
        case .openEditor(let text):
            return [.openEditor(text)]
        case .accepted(let text):
            return accept(editor, text: text)
        }
    }

    mutating func accept(_ editor: FieldEditor, text typed: String) -> [Effect] {
        let text = typed.trimmingSpaces()
        switch editor.target {
        case .percent, .note, .evidence:
            guard let key = editor.target.milestone, let field = MilestoneReportForm.field(of: editor.target) else { break }
            switch MilestoneReportForm.applying(typed, to: field, of: currentReport(key)) {
            case .failure(.percentOutOfRange):
                // Never a trap: the value is selected so the next digit replaces it, and Esc leaves.
                var retry = editor
                retry.field.selectAll()
                mode = .editing(retry)
                message = say("«\(text)» no vale: el % es un número de 0 a 100. Escriba otro, o Esc lo deja como estaba.",
                              "“\(text)” is not valid: the % is a number from 0 to 100. Type another, or Esc leaves it as it was.", error: true)
                return []
            case .success(let report):
                if report != currentReport(key) { record(.milestoneReported(report)) }
                if let next = MilestoneReportForm.next(after: field, flow: editor.flow, report: report) {
                    mode = .editing(next)
                } else {
                    mode = .browse
                    if editor.flow == .thenNext { nextMilestone() }
                }
            }
        case .itemNote(let item):
            mode = .browse
            if text.isEmpty {
                message = say("Nota vacía: no se registró nada.", "Empty note: nothing was recorded.")
            } else {
                record(.noteAdded(item: item, text: typed))
                message = say("Nota añadida al punto \(item).", "Note added to item \(item).")
            }
        case .delegate, .speakerName, .interventionSummary:
            mode = .browse
        case .nextSession:
            guard let date = DueDateInput.parse(text, base: session.agenda.date) else {
                message = say("Fecha no válida (un día que existe, años 0001–9999): use 2023-08-15, 15/08, +2w o +10d.", "Invalid date (a day that exists, years 0001–9999): use 2023-08-15, 15/08, +2w or +10d.", error: true)
                return []
            }
            record(.nextSessionSet(date: date, note: nil))
            message = say("Próxima sesión: \(date.long(.es)).", "Next session: \(date.long(.en)).")
            mode = .browse
        case .times(let item):
            guard let corrections = timeCorrections(text, item: item) else { return [] }
            corrections.forEach { record($0) }
            let what = item.map { t("del punto \($0)", "of item \($0)") } ?? t("de la sesión", "of the session")
            message = say("Horas \(what) corregidas: \(text.trimmingSpaces()).", "Times \(what) corrected: \(text.trimmingSpaces()).")
            mode = .browse
        }
        draftSaved = nil
        return [.clearDraft, .flushJournal]
    }

    // MARK: Search

    /// The text a row is found by.
    func rowText(_ row: TreeRow) -> String {
        let a = session.agenda
        switch row {
        case .attendance: return t("asistencia", "attendance")
        case .item(let n): return a.item(n).map { a.title(of: $0, plan: session.plan, language: language) } ?? ""
        case .milestone(_, let key):
            return "\(key) " + (session.plan.commitment(key.commitment)?.milestone(key.milestone)?.displayText(language) ?? "")
        }
    }

    mutating func search(_ query: String) {
        let q = Folding.fold(query)
        guard !q.isEmpty else { return }
        if let hit = navigator.nextMatch({ Folding.fold(rowText($0)).contains(q) }) {
            navigator.select(hit)
            message = say("Encontrado: «\(query)» (/ y Enter busca el siguiente).", "Found: “\(query)” (/ and Enter finds the next).")
        } else {
            message = say("No se encontró «\(query)».", "“\(query)” not found.", error: true)
        }
    }
}
