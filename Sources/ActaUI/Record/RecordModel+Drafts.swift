import ActaCore

/// Text that comes back into a field: from $EDITOR, or a draft saved before a crash.
extension RecordModel {
    public mutating func editorFinished(_ text: String?) {
        guard let text else { return }
        let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
        switch mode {
        case .editing(var editor):
            editor.field.set(trimmed)
            mode = .editing(editor)
        case .actionItemForm(var form):
            form.text.set(trimmed)
            mode = .actionItemForm(form)
        default: break
        }
    }

    /// The text being typed, as it would be saved (nil when no field is open).
    public var currentDraft: Draft? {
        switch mode {
        case .editing(let editor):
            return Draft(target: editor.target, text: editor.field.text)
        case .actionItemForm(let form):
            return Draft(target: nil, text: form.text.text, actionItem: form.draft)
        case .attendance(let sheet):
            guard let delegate = sheet.delegate, session.agenda.seats.indices.contains(sheet.selection) else { return nil }
            return Draft(target: .delegate(seat: session.agenda.seats[sheet.selection].id), text: delegate.text)
        case .speakers(let panel):
            guard let field = panel.field, let typing = panel.typing else { return nil }
            switch typing {
            case .name: return Draft(target: .speakerName(item: panel.item), text: field.text)
            case .summary(let index): return Draft(target: .interventionSummary(item: panel.item, index: index), text: field.text)
            }
        default:
            return nil
        }
    }

    mutating func resume(_ draft: Draft) {
        if let a = draft.actionItem {
            mode = .actionItemForm(ActionItemForm(draft: a))
        } else if let target = draft.target {
            if case .delegate(let seat) = target, let index = session.agenda.seats.firstIndex(where: { $0.id == seat }) {
                mode = .attendance(AttendanceSheet(selection: index, delegate: TextField(draft.text)))
            } else if let (item, typing) = speakerTyping(target) {
                navigator.select(.item(item))
                var panel = SpeakersPanel(item: item, list: session.speakers[item])
                panel.resume(typing, text: draft.text)
                mode = .speakers(panel)
            } else {
                if let key = target.milestone, let row = rows.firstIndex(where: { $0.milestone == key }) { navigator.select(row) }
                if case .itemNote(let item) = target { navigator.select(.item(item)) }
                mode = .editing(FieldEditor(target, text: draft.text, selected: false))
            }
        } else {
            mode = .browse
        }
        message = say("Borrador recuperado: revíselo y pulse Enter para guardarlo.", "Draft recovered: check it and press Enter to save it.")
    }

    /// The speakers' field a draft belongs to, if it is one.
    func speakerTyping(_ target: EditTarget) -> (Int, SpeakersPanel.Typing)? {
        switch target {
        case .speakerName(let item): return (item, .name)
        case .interventionSummary(let item, let index): return (item, .summary(index))
        default: return nil
        }
    }
}
