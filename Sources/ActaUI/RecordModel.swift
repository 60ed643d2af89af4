import ActaCore

/// What the record screen asks the program to do; performed outside the model, so `update` stays pure.
public enum Effect: Sendable, Hashable {
    /// Write the pending events to the journal (fsync) and report back with `recorded`/`writeFailed`.
    case flushJournal
    case saveDraft(Draft)
    case clearDraft
    /// Suspend the screen and edit the text in $EDITOR; answer with `editorFinished`.
    case openEditor(String)
    case quit
}

/// The state of `acta record`: the confirmed session, changes not yet written, and the screen's own state.
public struct RecordModel: Sendable {
    public enum Pane: Sendable, Hashable { case agenda, actionItems }

    public enum Flow: Sendable, Hashable {
        /// After the percent, type the note.
        case thenNote
        /// After the note, go to the next hito.
        case thenNext
    }

    public enum Mode: Sendable, Hashable {
        case browse
        case editing(target: EditTarget, field: TextField, flow: Flow?)
        case actionItemForm(ActionItemForm)
        case attendance(selection: Int, delegate: TextField?)
        case help(scroll: Int)
        case draftOffer(Draft)
    }

    public struct StatusMessage: Sendable, Hashable {
        public var text: String
        public var isError: Bool

        public init(text: String, isError: Bool) {
            self.text = text
            self.isError = isError
        }
    }

    /// The session as written to the journal.
    public private(set) var session: Session
    /// Changes made but not yet written (a failed write keeps them here and retries).
    public private(set) var pending: [SessionEventKind] = []
    public let sessionName: String
    public let archive: MesaArchive
    public let language: Language
    public let keyMap = KeyMap.record
    public private(set) var now: Timestamp
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var rows: [TreeRow]
    public private(set) var selection: Int = 0
    public private(set) var treeScroll: Int = 0
    public private(set) var pane: Pane = .agenda
    public private(set) var actionSelection: Int = 0
    public private(set) var mode: Mode = .browse
    public var message: StatusMessage?
    public private(set) var lastWriteError: String?
    private var lastDraftSave: Timestamp?
    private var draftSaved: Draft?
    public private(set) var searchField: TextField?

    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public init(session: Session, name: String, archive: MesaArchive, language: Language, now: Timestamp,
                width: Int, height: Int, draft: Draft? = nil) {
        self.session = session
        self.sessionName = name
        self.archive = archive
        self.language = language
        self.now = now
        self.width = width
        self.height = height
        self.rows = TreeRow.rows(session.agenda)
        self.selection = resumeSelection()
        if let draft { mode = .draftOffer(draft) }
        scrollToSelection()
    }

    func t(_ es: String, _ en: String) -> String { language == .es ? es : en }

    // MARK: - What is shown

    /// The session with pending changes applied: what the screen shows.
    public var shown: Session {
        guard !pending.isEmpty else { return session }
        var s = session
        for kind in pending { s.apply(SessionEvent(seq: s.nextSeq, at: now, kind: kind)) }
        return s
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    public var selectedRow: TreeRow { rows[selection] }
    /// The agenda item the selection is in (the first item when on attendance).
    public var currentItem: Int { selectedRow.item ?? session.agenda.items.first?.number ?? 1 }
    public var treeHeight: Int { max(1, height - 3) }

    /// Where recording left off: the running item's next unreported hito, else the last thing reported.
    func resumeSelection() -> Int {
        let s = session
        var target: TreeRow?
        if let running = s.runningItem {
            let inItem = rows.filter { $0.item == running }
            let unreported = { (row: TreeRow) in row.milestone.map { s.report($0) == nil } ?? false }
            // The hito after the last one reported, else the first not yet reported.
            let lastReported = s.events.reversed().lazy.compactMap { event -> TreeRow? in
                if case .milestoneReported(let r) = event.kind, r.item == running { return .milestone(item: r.item, key: r.key) }
                return nil
            }.first
            if let last = lastReported, let i = inItem.firstIndex(of: last), i + 1 < inItem.count, unreported(inItem[i + 1]) {
                target = inItem[i + 1]
            } else {
                target = inItem.first(where: unreported) ?? lastReported ?? inItem.first
            }
        }
        if target == nil, let last = s.events.reversed().compactMap({ event -> TreeRow? in
            if case .milestoneReported(let r) = event.kind { return .milestone(item: r.item, key: r.key) }
            if case .itemStarted(let n) = event.kind { return .item(n) }
            return nil
        }).first {
            target = last
        }
        return target.flatMap { rows.firstIndex(of: $0) } ?? 0
    }

    /// The contexts whose keys apply now, most specific first.
    public var contexts: [KeyContext] {
        switch mode {
        case .browse:
            if pane == .actionItems { return [.actionItems, .global] }
            return selectedRow.milestone != nil ? [.milestone, .agenda, .global] : [.agenda, .global]
        case .editing, .actionItemForm: return [.form, .text]
        case .attendance(_, let delegate): return delegate == nil ? [.attendance, .global] : [.form, .text]
        case .help: return [.help]
        case .draftOffer: return [.form]
        }
    }

    /// An acuerdo in the right pane: this session's (ref nil) or one carried from an earlier session.
    public struct PaneActionItem: Sendable, Hashable {
        public let ref: ActionItemRef?
        public let actaNumber: String?
        public let item: ActionItem
    }

    /// Acuerdos shown in the right pane: those of the current item; on a free item (the
    /// follow-up), also those still open from earlier sessions, so they can be closed.
    public var itemActionItems: [PaneActionItem] {
        let s = shown
        var items = s.actionItems.filter { $0.item == currentItem }.map { PaneActionItem(ref: nil, actaNumber: nil, item: $0) }
        if case .free? = s.agenda.item(currentItem)?.kind {
            items += archive.openBefore(sessionName).map { c in
                var item = c.item
                item.closed = s.carriedClosures[c.ref] ?? false
                return PaneActionItem(ref: c.ref, actaNumber: c.actaNumber, item: item)
            }
        }
        return items
    }

    // MARK: - Update

    public mutating func update(_ input: InputEvent) -> [Effect] {
        switch input {
        case .resize(let w, let h):
            width = w; height = h
            scrollToSelection()
            return []
        case .paste(let text):
            return typeText(text)
        case .key(let key):
            if isTooSmall {
                if case .character("q") = key { return quit() }
                if case .function(10) = key { return quit() }
                return []
            }
            return handle(key)
        }
    }

    /// Time passes: clocks move and the draft is saved at most once a second when it changed.
    public mutating func tick(_ time: Timestamp) -> [Effect] {
        now = time
        var effects: [Effect] = []
        if let draft = currentDraft, draft != draftSaved,
           lastDraftSave.map({ time.epochSeconds - $0.epochSeconds >= 1 }) ?? true {
            draftSaved = draft
            lastDraftSave = time
            effects.append(.saveDraft(draft))
        }
        if !pending.isEmpty { effects.append(.flushJournal) }
        return effects
    }

    /// The next event to write, with its sequence number, stamped `at`.
    public func nextPendingEvent(at time: Timestamp) -> SessionEvent? {
        pending.first.map { SessionEvent(seq: session.nextSeq, at: time, kind: $0) }
    }

    /// The event was written and fsync'ed: it now counts as recorded.
    public mutating func recorded(_ event: SessionEvent) {
        session.apply(event)
        if !pending.isEmpty { pending.removeFirst() }
        if lastWriteError != nil {
            lastWriteError = nil
            if pending.isEmpty { message = StatusMessage(text: t("Diario escrito de nuevo: todo guardado.", "Journal written again: all saved."), isError: false) }
        }
    }

    /// A write failed (disk full, read-only folder): keep the change in memory and say so.
    public mutating func writeFailed(_ reason: String) {
        lastWriteError = reason
        message = StatusMessage(text: t("¡No se pudo guardar! ", "Could not save! ") + reason
                                + t(" — se reintenta; no cierre acta.", " — retrying; do not close acta."), isError: true)
    }

    public mutating func editorFinished(_ text: String?) {
        guard let text else { return }
        let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text
        switch mode {
        case .editing(let target, var field, let flow):
            field.set(trimmed)
            mode = .editing(target: target, field: field, flow: flow)
        case .actionItemForm(var form):
            form.text.set(trimmed)
            mode = .actionItemForm(form)
        default: break
        }
    }

    var currentDraft: Draft? {
        switch mode {
        case .editing(let target, let field, _) where target != .search:
            return Draft(target: target, text: field.text)
        case .actionItemForm(let form):
            return Draft(target: nil, text: form.text.text, actionItem: form.draft)
        case .attendance(let sel, let delegate?):
            return Draft(target: .delegate(seat: session.agenda.seats[sel].id), text: delegate.text)
        default:
            return nil
        }
    }

    mutating func record(_ kind: SessionEventKind) {
        pending.append(kind)
    }

    /// Recording anything in an item whose clock is not running starts it.
    mutating func ensureRunning(_ item: Int) {
        if shown.runningItem != item { record(.itemStarted(item: item)) }
    }

    func say(_ es: String, _ en: String, error: Bool = false) -> StatusMessage {
        StatusMessage(text: t(es, en), isError: error)
    }

    mutating func quit() -> [Effect] {
        [.flushJournal, .clearDraft, .quit]
    }

    mutating func typeText(_ text: String) -> [Effect] {
        switch mode {
        case .editing(let target, var field, let flow):
            field.insert(text); mode = .editing(target: target, field: field, flow: flow)
        case .actionItemForm(var form):
            form.editing { $0.insert(text) }; mode = .actionItemForm(form)
        case .attendance(let sel, var delegate?):
            delegate.insert(text); mode = .attendance(selection: sel, delegate: delegate)
        default:
            break
        }
        return []
    }

    mutating func handle(_ key: Key) -> [Effect] {
        if key != .enter { message = nil }
        switch mode {
        case .browse: return browse(key)
        case .editing(let target, let field, let flow): return edit(key, target: target, field: field, flow: flow)
        case .actionItemForm(let form): return formKey(key, form)
        case .attendance(let sel, let delegate): return attendanceKey(key, selection: sel, delegate: delegate)
        case .help(let scroll):
            switch keyMap.command(for: key, in: [.help]) {
            case .back?: mode = .browse
            case .moveDown?: mode = .help(scroll: scroll + 1)
            case .moveUp?: mode = .help(scroll: max(0, scroll - 1))
            default: break
            }
            return []
        case .draftOffer(let draft):
            switch key {
            case .enter:
                resume(draft)
                return []
            case .escape:
                mode = .browse
                message = say("Borrador descartado.", "Draft discarded.")
                return [.clearDraft]
            default:
                return []
            }
        }
    }

    mutating func resume(_ draft: Draft) {
        if let a = draft.actionItem {
            mode = .actionItemForm(ActionItemForm(draft: a))
        } else if let target = draft.target {
            if case .delegate(let seat) = target, let index = session.agenda.seats.firstIndex(where: { $0.id == seat }) {
                mode = .attendance(selection: index, delegate: TextField(draft.text))
            } else {
                if let key = target.milestone, let row = rows.firstIndex(where: { $0.milestone == key }) { selection = row }
                if case .itemNote(let item) = target, let row = rows.firstIndex(of: .item(item)) { selection = row }
                mode = .editing(target: target, field: TextField(draft.text), flow: nil)
            }
        } else {
            mode = .browse
        }
        scrollToSelection()
        message = say("Borrador recuperado: revíselo y pulse Enter para guardarlo.", "Draft recovered: check it and press Enter to save it.")
    }

    // MARK: Browsing

    mutating func browse(_ key: Key) -> [Effect] {
        guard let command = keyMap.command(for: key, in: contexts) else {
            if case .character(let c) = key, c != " " {
                message = say("La tecla «\(c)» no hace nada aquí; ? muestra la ayuda.", "Key “\(c)” does nothing here; ? shows help.")
            }
            return []
        }
        switch command {
        case .help: mode = .help(scroll: 0)
        case .quit: return quit()
        case .undo: undo()
        case .redo: redo()
        case .attendance: mode = .attendance(selection: 0, delegate: nil)
        case .addActionItem:
            mode = .actionItemForm(ActionItemForm(item: currentItem))
        case .setNextSession:
            mode = .editing(target: .nextSession, field: TextField(shown.nextSession?.date.iso ?? ""), flow: nil)
        case .search:
            mode = .editing(target: .search, field: TextField(searchField?.text ?? ""), flow: nil)
        case .switchPane:
            pane = pane == .agenda ? .actionItems : .agenda
            actionSelection = min(actionSelection, max(0, itemActionItems.count - 1))
            if pane == .actionItems && itemActionItems.isEmpty {
                pane = .agenda
                message = say("Este punto no tiene acuerdos; «a» añade uno.", "This item has no action items; “a” adds one.")
            }
        case .back: pane = .agenda
        case .moveDown:
            if pane == .actionItems { actionSelection = min(actionSelection + 1, max(0, itemActionItems.count - 1)) } else { select(selection + 1) }
        case .moveUp:
            if pane == .actionItems { actionSelection = max(0, actionSelection - 1) } else { select(selection - 1) }
        case .pageDown: select(selection + treeHeight - 1)
        case .pageUp: select(selection - treeHeight + 1)
        case .top: select(0)
        case .bottom: select(rows.count - 1)
        case .nextMilestone: nextMilestone()
        case .activate:
            if pane == .actionItems, actionSelection < itemActionItems.count {
                let pick = itemActionItems[actionSelection]
                guard pick.ref == nil else {
                    message = say("Un acuerdo de otra sesión solo se cierra o reabre aquí (x).", "An action item of another session can only be closed or reopened here (x).")
                    break
                }
                mode = .actionItemForm(ActionItemForm(item: currentItem, editing: pick.item))
            } else {
                activate()
            }
        case .toggleActionItemClosed:
            if actionSelection < itemActionItems.count {
                let pick = itemActionItems[actionSelection]
                let a = pick.item
                ensureRunning(currentItem)
                let session = pick.ref?.session
                record(a.closed ? .actionItemReopened(number: a.number, session: session) : .actionItemClosed(number: a.number, session: session))
                message = a.closed ? say("Acuerdo \(a.number) reabierto.", "Action item \(a.number) reopened.")
                    : say("Acuerdo \(a.number) cerrado.", "Action item \(a.number) closed.")
            }
        case .setStatus(let status):
            guard let key = selectedRow.milestone else { break }
            var report = currentReport(key)
            report.status = status
            ensureRunning(currentItem)
            record(.milestoneReported(report))
            mode = .editing(target: .percent(commitment: key.commitment, milestone: key.milestone),
                            field: TextField(report.percent.map(String.init) ?? ""), flow: .thenNote)
        case .editPercent:
            guard let milestone = selectedRow.milestone else { break }
            var initial = ""
            if case .character(let c) = key, c.isNumber { initial = String(c) }
            mode = .editing(target: .percent(commitment: milestone.commitment, milestone: milestone.milestone),
                            field: TextField(initial), flow: nil)
        case .toggleValidated, .toggleRescheduled:
            guard let key = selectedRow.milestone else { break }
            var report = currentReport(key)
            if command == .toggleValidated { report.validated.toggle() } else { report.rescheduled.toggle() }
            ensureRunning(currentItem)
            record(.milestoneReported(report))
        case .editEvidence:
            guard let key = selectedRow.milestone else { break }
            mode = .editing(target: .evidence(commitment: key.commitment, milestone: key.milestone),
                            field: TextField(currentReport(key).evidence), flow: nil)
        case .editNote:
            if let key = selectedRow.milestone {
                mode = .editing(target: .note(commitment: key.commitment, milestone: key.milestone),
                                field: TextField(currentReport(key).note), flow: nil)
            } else if let item = selectedRow.item {
                mode = .editing(target: .itemNote(item: item), field: TextField(), flow: nil)
            }
        default: break
        }
        scrollToSelection()
        return pending.isEmpty ? [] : [.flushJournal]
    }

    func currentReport(_ key: MilestoneKey) -> MilestoneReport {
        shown.report(key) ?? MilestoneReport(item: currentItem, key: key)
    }

    mutating func select(_ index: Int) {
        selection = min(max(0, index), rows.count - 1)
        pane = .agenda
        actionSelection = 0
    }

    mutating func nextMilestone() {
        guard let next = rows.indices.dropFirst(selection + 1).first(where: { rows[$0].milestone != nil }) else {
            message = say("No hay más hitos en la agenda.", "There are no more milestones on the agenda.")
            return
        }
        let fromItem = selectedRow.item
        select(next)
        if let item = selectedRow.item, item != fromItem { ensureRunning(item) }
    }

    mutating func activate() {
        switch selectedRow {
        case .attendance:
            mode = .attendance(selection: 0, delegate: nil)
        case .item(let n):
            if shown.runningItem == n {
                record(.itemEnded(item: n))
                message = say("Punto \(n) terminado.", "Item \(n) ended.")
            } else {
                record(.itemStarted(item: n))
                message = say("Punto \(n) en curso: su reloj corre.", "Item \(n) under way: its clock is running.")
            }
        case .milestone(_, let key):
            mode = .editing(target: .note(commitment: key.commitment, milestone: key.milestone),
                            field: TextField(currentReport(key).note), flow: nil)
        }
    }

    mutating func undo() {
        let s = shown
        guard let seq = s.undoStack.last else {
            message = say("Nada que deshacer.", "Nothing to undo.")
            return
        }
        let what = s.events.first { $0.seq == seq }.map { describe($0.kind) } ?? ""
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

    func describe(_ kind: SessionEventKind) -> String {
        switch kind {
        case .attendanceMarked(let seat, _, _): return t("asistencia de \(seat)", "attendance of \(seat)")
        case .itemStarted(let n): return t("inicio del punto \(n)", "start of item \(n)")
        case .itemEnded(let n): return t("fin del punto \(n)", "end of item \(n)")
        case .milestoneReported(let r): return t("informe del hito \(r.key)", "report of milestone \(r.key)")
        case .noteAdded(let n, _): return t("nota del punto \(n)", "note of item \(n)")
        case .actionItemAdded(let a): return t("acuerdo \(a.number)", "action item \(a.number)")
        case .actionItemEdited(let n, _): return t("edición del acuerdo \(n)", "edit of action item \(n)")
        case .actionItemClosed(let n, _): return t("cierre del acuerdo \(n)", "closing of action item \(n)")
        case .actionItemReopened(let n, _): return t("reapertura del acuerdo \(n)", "reopening of action item \(n)")
        case .nextSessionSet: return t("próxima sesión", "next session")
        case .undone, .redone: return ""
        }
    }

    // MARK: Editing one field

    mutating func edit(_ key: Key, target: EditTarget, field: TextField, flow: Flow?) -> [Effect] {
        var field = field
        switch keyMap.command(for: key, in: [.form]) {
        case .cancel?:
            mode = .browse
            if target == .search { return [] }
            message = say("Cancelado; no se guardó ese texto.", "Cancelled; that text was not saved.")
            draftSaved = nil
            return [.clearDraft]
        case .accept?:
            return accept(target: target, field: field, flow: flow)
        case .openEditor?:
            return [.openEditor(field.text)]
        default:
            if field.handle(key) { mode = .editing(target: target, field: field, flow: flow) }
            if target == .search { searchField = field }
            return []
        }
    }

    mutating func accept(target: EditTarget, field: TextField, flow: Flow?) -> [Effect] {
        let text = field.text.trimmingSpaces()
        switch target {
        case .percent(let c, let m):
            let key = MilestoneKey(commitment: c, milestone: m)
            var report = currentReport(key)
            if text.isEmpty {
                report.percent = nil
            } else {
                guard let p = Int(text), (0...100).contains(p) else {
                    message = say("El porcentaje es un número de 0 a 100.", "The percentage is a number from 0 to 100.", error: true)
                    return []
                }
                report.percent = p
            }
            if report != shown.report(key) { ensureRunning(currentItem); record(.milestoneReported(report)) }
            if flow == .thenNote {
                mode = .editing(target: .note(commitment: c, milestone: m), field: TextField(report.note), flow: .thenNext)
            } else {
                mode = .browse
            }
        case .note(let c, let m), .evidence(let c, let m):
            let key = MilestoneKey(commitment: c, milestone: m)
            var report = currentReport(key)
            if case .note = target { report.note = field.text } else { report.evidence = field.text }
            if report != shown.report(key) { ensureRunning(currentItem); record(.milestoneReported(report)) }
            mode = .browse
            if flow == .thenNext { nextMilestone() }
        case .itemNote(let item):
            mode = .browse
            if !text.isEmpty {
                ensureRunning(item)
                record(.noteAdded(item: item, text: field.text))
                message = say("Nota añadida al punto \(item).", "Note added to item \(item).")
            }
        case .delegate:
            mode = .browse
        case .nextSession:
            guard let date = DueDateInput.parse(text, base: session.agenda.date) else {
                message = say("Fecha no válida: use 2023-08-15, 15/08, +2w o +10d.", "Invalid date: use 2023-08-15, 15/08, +2w or +10d.", error: true)
                return []
            }
            record(.nextSessionSet(date: date, note: nil))
            message = say("Próxima sesión: \(date.long(.es)).", "Next session: \(date.long(.en)).")
            mode = .browse
        case .search:
            searchField = field
            mode = .browse
            search(text)
            return []
        }
        draftSaved = nil
        scrollToSelection()
        return [.clearDraft, .flushJournal]
    }

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
        let order = Array(rows.indices.dropFirst(selection + 1)) + Array(rows.indices.prefix(selection + 1))
        if let hit = order.first(where: { Folding.fold(rowText(rows[$0])).contains(q) }) {
            select(hit)
            scrollToSelection()
            message = say("Encontrado: «\(query)» (/ y Enter busca el siguiente).", "Found: “\(query)” (/ and Enter finds the next).")
        } else {
            message = say("No se encontró «\(query)».", "“\(query)” not found.", error: true)
        }
    }

    // MARK: Acuerdo form

    mutating func formKey(_ key: Key, _ form: ActionItemForm) -> [Effect] {
        var form = form
        switch keyMap.command(for: key, in: [.form]) {
        case .cancel?:
            mode = .browse
            draftSaved = nil
            message = say("Acuerdo descartado.", "Action item discarded.")
            return [.clearDraft]
        case .nextField?:
            form.field = ActionItemForm.Field(rawValue: min(form.field.rawValue + 1, 3))!
        case .previousField?:
            form.field = ActionItemForm.Field(rawValue: max(form.field.rawValue - 1, 0))!
        case .complete?:
            if form.field == .kind { form.kind = form.kind == .task ? .decision : .task }
            if form.field == .responsible, let seat = form.completion(seats: session.agenda.seats) {
                form.responsible.set(ActionItemForm.shortName(seat))
            }
        case .openEditor?:
            if form.field == .text { mode = .actionItemForm(form); return [.openEditor(form.text.text)] }
        case .accept?:
            if form.field == .text && form.text.text.trimmingSpaces().isEmpty {
                message = say("Escriba el texto del acuerdo.", "Type the action item's text.", error: true)
                break
            }
            if form.field == .due { return saveActionItem(form) }
            form.field = ActionItemForm.Field(rawValue: form.field.rawValue + 1)!
        default:
            if form.field == .kind, case .character(let c) = key {
                if c == "d" { form.kind = .decision } else if c == "t" { form.kind = .task } else if c == " " {
                    form.kind = form.kind == .task ? .decision : .task
                }
            } else {
                form.editing { _ = $0.handle(key) }
            }
        }
        mode = .actionItemForm(form)
        return []
    }

    mutating func saveActionItem(_ form: ActionItemForm) -> [Effect] {
        let dueText = form.due.text.trimmingSpaces()
        var due: CalendarDate?
        if !dueText.isEmpty {
            guard let d = DueDateInput.parse(dueText, base: session.agenda.date) else {
                message = say("Fecha límite no válida: use 2023-08-15, 15/08, +2w o +10d.",
                              "Invalid due date: use 2023-08-15, 15/08, +2w or +10d.", error: true)
                mode = .actionItemForm(form)
                return []
            }
            due = d
        }
        let text = form.text.text.trimmingSpaces()
        let responsible = form.responsible.text.trimmingSpaces()
        if let number = form.number, let old = shown.actionItem(number) {
            let changes = ActionItemChanges(kind: old.kind == form.kind ? nil : form.kind, text: old.text == text ? nil : text,
                                            responsible: old.responsible == responsible ? nil : responsible,
                                            due: old.due == due ? nil : .some(due))
            if changes != ActionItemChanges() { record(.actionItemEdited(number: number, changes: changes)) }
            message = say("Acuerdo \(number) actualizado.", "Action item \(number) updated.")
        } else {
            let number = shown.nextActionItemNumber
            ensureRunning(form.item)
            record(.actionItemAdded(ActionItem(number: number, item: form.item, kind: form.kind, text: text,
                                               responsible: responsible, due: due)))
            message = say("Acuerdo \(number) registrado.", "Action item \(number) recorded.")
        }
        mode = .browse
        draftSaved = nil
        return [.clearDraft, .flushJournal]
    }

    // MARK: Attendance

    mutating func attendanceKey(_ key: Key, selection sel: Int, delegate: TextField?) -> [Effect] {
        let seats = session.agenda.seats
        if var field = delegate {
            switch keyMap.command(for: key, in: [.form]) {
            case .cancel?:
                mode = .attendance(selection: sel, delegate: nil)
                draftSaved = nil
                return [.clearDraft]
            case .accept?:
                let name = field.text.trimmingSpaces()
                record(.attendanceMarked(seat: seats[sel].id, present: true, delegate: name.isEmpty ? nil : name))
                mode = .attendance(selection: min(sel + 1, seats.count - 1), delegate: nil)
                draftSaved = nil
                return [.clearDraft, .flushJournal]
            default:
                _ = field.handle(key)
                mode = .attendance(selection: sel, delegate: field)
                return []
            }
        }
        switch keyMap.command(for: key, in: [.attendance, .global]) {
        case .moveDown?: mode = .attendance(selection: min(sel + 1, seats.count - 1), delegate: nil)
        case .moveUp?: mode = .attendance(selection: max(0, sel - 1), delegate: nil)
        case .togglePresent?:
            let seat = seats[sel]
            let current = shown.attendance[seat.id]
            let present = !(current?.present ?? false)
            record(.attendanceMarked(seat: seat.id, present: present,
                                     delegate: present ? (current?.delegate ?? seat.delegates.first) : current?.delegate))
            mode = .attendance(selection: min(sel + 1, seats.count - 1), delegate: nil)
            return [.flushJournal]
        case .editDelegate?:
            let seat = seats[sel]
            mode = .attendance(selection: sel, delegate: TextField(shown.attendance[seat.id]?.delegate ?? seat.delegates.first ?? ""))
        case .back?: mode = .browse
        case .undo?: undo(); return [.flushJournal]
        case .redo?: redo(); return [.flushJournal]
        case nil: break
        default:
            // Any other command of the whole screen works from attendance too.
            mode = .browse
            return browse(key)
        }
        return []
    }

    // MARK: Layout

    mutating func scrollToSelection() {
        let h = treeHeight
        if selection < treeScroll { treeScroll = selection }
        if selection >= treeScroll + h { treeScroll = selection - h + 1 }
        treeScroll = max(0, min(treeScroll, max(0, rows.count - h)))
    }
}
