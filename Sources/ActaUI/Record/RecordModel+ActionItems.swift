import ActaCore

/// The acuerdo form: adding or editing an acuerdo.
extension RecordModel {
    // MARK: Acuerdo form

    mutating func formKey(_ key: Key, _ form: ActionItemForm) -> [Effect] {
        var form = form
        let outcome = form.handle(key, seats: session.agenda.seats, keyMap: keyMap)
        mode = .actionItemForm(form)
        switch outcome {
        case .editing:
            return []
        case .cancelled:
            mode = .browse
            draftSaved = nil
            message = say("Acuerdo descartado.", "Action item discarded.")
            return [.clearDraft]
        case .openEditor(let text):
            return [.openEditor(text)]
        case .missingText:
            message = say("Escriba el texto del acuerdo.", "Type the action item's text.", error: true)
            return []
        case .save:
            return saveActionItem(form)
        }
    }

    mutating func saveActionItem(_ form: ActionItemForm) -> [Effect] {
        guard case .success(let fields) = form.parsed(base: session.agenda.date) else {
            message = say("Fecha límite no válida (un día que existe, años 0001–9999): use 2023-08-15, 15/08, +2w o +10d.",
                          "Invalid due date (a day that exists, years 0001–9999): use 2023-08-15, 15/08, +2w or +10d.", error: true)
            return []
        }
        if let number = form.number, let old = shown.actionItem(number) {
            let changes = ActionItemChanges(kind: old.kind == form.kind ? nil : form.kind, text: old.text == fields.text ? nil : fields.text,
                                            responsible: old.responsible == fields.responsible ? nil : fields.responsible,
                                            due: old.due == fields.due ? nil : .some(fields.due))
            if changes != ActionItemChanges() { record(.actionItemEdited(number: number, changes: changes)) }
            message = say("Acuerdo \(number) actualizado.", "Action item \(number) updated.")
        } else {
            let number = shown.nextActionItemNumber
            record(.actionItemAdded(ActionItem(number: number, item: form.item, kind: form.kind, text: fields.text,
                                               responsible: fields.responsible, due: fields.due)))
            message = say("Acuerdo \(number) registrado.", "Action item \(number) recorded.")
        }
        mode = .browse
        draftSaved = nil
        return [.clearDraft, .flushJournal]
    }
}
