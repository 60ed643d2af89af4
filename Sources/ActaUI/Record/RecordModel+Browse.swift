import ActaCore

/// Keys on the agenda: moving, reporting hitos, clocks, undo.
extension RecordModel {
    // MARK: Browsing

    mutating func browse(_ key: Key) -> [Effect] {
        guard let command = keyMap.command(for: key, in: contexts) else {
            if case .character(let c) = key, c != " " {
                message = say("La tecla «\(c)» no hace nada aquí; ? muestra la ayuda.", "Key “\(c)” does nothing here; ? shows help.")
            }
            return []
        }
        switch command {
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom:
            _ = navigator.move(command, actionCount: itemActionItemCount, detailOverflow: pane == .details ? detailOverflow : 0)
        case .help: mode = .help(HelpPager())
        case .quit: return quit()
        case .undo: undo()
        case .redo: redo()
        case .attendance: mode = .attendance(AttendanceSheet())
        case .speakers:
            mode = .speakers(SpeakersPanel(item: currentItem, list: shown.speakers[currentItem]))
        case .addActionItem:
            mode = .actionItemForm(ActionItemForm(item: currentItem))
        case .setNextSession:
            mode = .editing(FieldEditor(.nextSession, text: shown.nextSession?.date.iso ?? ""))
        case .correctTimes:
            let item = selectedRow.item
            mode = .editing(FieldEditor(.times(item: item), text: typedTimes(item: item)))
        case .search:
            mode = .search(SearchPrompt(history: searchHistory))
        case .switchPane:
            if !navigator.switchPane(actionCount: itemActionItemCount, detailsFocusable: isCompact || detailOverflow > 0) {
                message = say("Este punto no tiene acuerdos; «a» añade uno.", "This item has no action items; “a” adds one.")
            }
        case .back: navigator.focusAgenda()
        case .nextMilestone: nextMilestone()
        case .activate:
            if pane == .actionItems, let pick = itemActionItem(at: actionSelection) {
                guard pick.ref == nil else {
                    message = say("Un acuerdo de otra sesión solo se cierra o reabre aquí (x).", "An action item of another session can only be closed or reopened here (x).")
                    break
                }
                mode = .actionItemForm(ActionItemForm(item: currentItem, editing: pick.item))
            } else {
                activate()
            }
        case .toggleActionItemClosed:
            if let pick = itemActionItem(at: actionSelection) {
                let a = pick.item
                let session = pick.ref?.session
                record(a.closed ? .actionItemReopened(number: a.number, session: session) : .actionItemClosed(number: a.number, session: session))
                message = a.closed ? say("Acuerdo \(a.number) reabierto.", "Action item \(a.number) reopened.")
                    : say("Acuerdo \(a.number) cerrado.", "Action item \(a.number) closed.")
            }
        case .setStatus(let status):
            guard let key = selectedRow.milestone else { break }
            var report = currentReport(key)
            report.status = status
            if report != currentReport(key) { record(.milestoneReported(report)) }
            mode = .editing(MilestoneReportForm.editor(.percent, report, flow: .thenNote))
        case .editPercent:
            guard let milestone = selectedRow.milestone else { break }
            var initial = ""
            if case .character(let c) = key, c.isNumber { initial = String(c) }
            mode = .editing(FieldEditor(MilestoneReportForm.target(.percent, milestone), text: initial, selected: initial.isEmpty))
        case .toggleValidated, .toggleRescheduled:
            guard let key = selectedRow.milestone else { break }
            var report = currentReport(key)
            if command == .toggleValidated { report.validated.toggle() } else { report.rescheduled.toggle() }
            record(.milestoneReported(report))
        case .editEvidence:
            guard let key = selectedRow.milestone else { break }
            mode = .editing(MilestoneReportForm.editor(.evidence, currentReport(key)))
        case .editNote:
            if let key = selectedRow.milestone {
                mode = .editing(MilestoneReportForm.editor(.note, currentReport(key)))
            } else if let item = selectedRow.item {
                mode = .editing(FieldEditor(.itemNote(item: item)))
            }
        default: break
        }
        return pending.isEmpty ? [] : [.flushJournal]
    }

    func currentReport(_ key: MilestoneKey) -> MilestoneReport {
        shown.report(key) ?? MilestoneReport(item: currentItem, key: key)
    }

    mutating func nextMilestone() {
        guard let next = navigator.nextMilestoneIndex else {
            message = say("No hay más hitos en la agenda.", "There are no more milestones on the agenda.")
            return
        }
        let fromItem = selectedRow.item
        navigator.select(next)
        if let item = selectedRow.item, item != fromItem { ensureRunning(item) }
    }

    mutating func activate() {
        switch selectedRow {
        case .attendance:
            mode = .attendance(AttendanceSheet())
        case .item(let n) where clockless:
            mode = .editing(FieldEditor(.times(item: n), text: typedTimes(item: n)))
        case .item(let n):
            if shown.runningItem == n {
                record(.itemEnded(item: n))
                message = say("Punto \(n) terminado.", "Item \(n) ended.")
            } else {
                record(.itemStarted(item: n))
                message = say("Punto \(n) en curso: su reloj corre.", "Item \(n) under way: its clock is running.")
            }
        case .milestone(_, let key):
            mode = .editing(MilestoneReportForm.editor(.note, currentReport(key)))
        }
    }

    mutating func undo() {
        let s = shown
        guard let seq = s.undoStack.last else {
            message = say("Nada que deshacer.", "Nothing to undo.")
            return
        }
        let what = s.event(seq: seq).map { $0.kind.summary(language) } ?? ""
        record(.undone(seq: seq))
        message = say("Deshecho: \(what). (U rehace)", "Undone: \(what). (U redoes)")
    }

    mutating func redo() {
        let s = shown
        guard let seq = s.redoStack.last else {
            message = say("Nada que rehacer.", "Nothing to redo.")
            return
        }
        record(.redone(seq: seq))
        message = say("Rehecho.", "Redone.")
    }

    /// A command of the whole screen pressed in a sheet (attendance, speakers): undo and redo
    /// keep the sheet open; any other leaves it and acts as on the agenda.
    mutating func screenCommand(_ key: Key) -> [Effect] {
        switch keyMap.command(for: key, in: [.global]) {
        case .undo?: undo(); return [.flushJournal]
        case .redo?: redo(); return [.flushJournal]
        default:
            mode = .browse
            return browse(key)
        }
    }
}
