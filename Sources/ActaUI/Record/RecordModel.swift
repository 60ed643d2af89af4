import ActaCore
import ActaFormats

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

/// The state of `acta record`: the confirmed session, changes not yet written, and the screen's
/// own state. Each mode is a small state machine of its own (AgendaNavigator, FieldEditor with
/// MilestoneReportForm, ActionItemForm, AttendanceSheet, SearchPrompt, HelpPager); this model
/// routes keys to the one in charge and turns what it answers into journal events and messages.
public struct RecordModel: Sendable {
    public typealias Pane = AgendaNavigator.Pane

    public enum Mode: Sendable, Hashable {
        case browse
        case editing(FieldEditor)
        case actionItemForm(ActionItemForm)
        case attendance(AttendanceSheet)
        case speakers(SpeakersPanel)
        case search(SearchPrompt)
        case help(HelpPager)
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
    public private(set) var navigator: AgendaNavigator
    public private(set) var mode: Mode = .browse
    public var message: StatusMessage?
    public private(set) var lastWriteError: String?
    private var lastDraftSave: Timestamp?
    private var draftSaved: Draft?
    /// Queries searched with /, oldest first.
    public private(set) var searchHistory: [String] = []

    /// Below this the screen shows a message; below 80×24 it shows one pane at a time.
    public static let minimumWidth = 60
    public static let minimumHeight = 20

    /// Recording after the fact (from paper notes): no item clock starts by itself; the secretary
    /// types the times of each item and of the session (T, or Enter on an item).
    public let clockless: Bool

    public init(session: Session, name: String, archive: MesaArchive, language: Language, now: Timestamp,
                width: Int, height: Int, draft: Draft? = nil, clockless: Bool = false) {
        self.clockless = clockless
        self.session = session
        self.sessionName = name
        self.archive = archive
        self.language = language
        self.now = now
        self.width = width
        self.height = height
        let rows = TreeRow.rows(session.agenda)
        navigator = AgendaNavigator(rows: rows, selection: AgendaNavigator.resumeRow(session, rows: rows),
                                    height: Self.treeHeight(height))
        if let draft { mode = .draftOffer(draft) }
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
    /// One pane at a time (Tab switches), for terminals smaller than 80×24.
    public var isCompact: Bool { width < 80 || height < 24 }
    /// Columns of the agenda pane (all of them when compact).
    public var agendaWidth: Int { isCompact ? width : (width >= 120 ? 40 : 30) }
    /// Where the right pane is drawn: its first column and width.
    public var rightPane: (x: Int, width: Int) { isCompact ? (1, width - 2) : (agendaWidth + 2, width - agendaWidth - 3) }
    /// Rows of the panes, between the top bar and the hint and message lines.
    public var paneHeight: Int { max(1, height - 3) }
    /// Whether the right pane is on screen (always, unless compact and on the agenda while browsing).
    public var showsRightPane: Bool {
        guard isCompact else { return true }
        switch mode {
        case .browse, .search, .help, .draftOffer: return pane != .agenda
        case .editing(let editor): return !editor.target.isBottomPrompt || pane != .agenda
        case .actionItemForm, .attendance, .speakers: return true
        }
    }
    /// The right pane's lines, as drawn.
    public var detailLines: [PaneLine] { DetailPane.lines(self, shown, width: rightPane.width) }
    /// Lines of the right pane that do not fit.
    var detailOverflow: Int { max(0, detailLines.count - paneHeight) }
    public var rows: [TreeRow] { navigator.rows }
    public var selection: Int { navigator.selection }
    public var treeScroll: Int { navigator.scroll }
    public var pane: Pane { navigator.pane }
    public var actionSelection: Int { navigator.actionSelection }
    public var selectedRow: TreeRow { navigator.selectedRow }
    /// The agenda item the selection is in (the first item when on attendance).
    public var currentItem: Int { selectedRow.item ?? session.agenda.items.first?.number ?? 1 }
    public var treeHeight: Int { Self.treeHeight(height) }
    static func treeHeight(_ height: Int) -> Int { max(1, height - 3) }

    /// A text field has the keys: typing goes into it.
    public var isTyping: Bool {
        switch mode {
        case .editing, .actionItemForm, .search: return true
        case .attendance(let sheet): return sheet.delegate != nil
        case .speakers(let panel): return panel.field != nil
        default: return false
        }
    }

    /// The contexts whose keys apply now, most specific first.
    public var contexts: [KeyContext] {
        switch mode {
        case .browse:
            if pane == .actionItems { return [.actionItems, .global] }
            if pane == .details { return [.details, .global] }
            return selectedRow.milestone != nil ? [.milestone, .agenda, .global] : [.agenda, .global]
        case .editing, .actionItemForm: return [.form, .text]
        case .search: return SearchPrompt.contexts
        case .attendance(let sheet): return sheet.contexts
        case .speakers(let panel): return panel.contexts
        case .help: return [.help]
        case .draftOffer: return [.form]
        }
    }

    /// Commands of the current contexts that do nothing in this mode, kept out of the hint bar.
    public var inapplicableCommands: Set<Command> {
        switch mode {
        case .editing: return [.complete, .nextField, .previousField]
        case .search: return [.complete, .nextField, .previousField, .openEditor]
        case .attendance(let sheet) where sheet.delegate != nil: return [.complete, .nextField, .previousField, .openEditor]
        case .speakers(let panel) where panel.field != nil:
            return panel.typing == .name ? [.nextField, .previousField, .openEditor] : [.complete, .nextField, .previousField, .openEditor]
        default: return []
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
            navigator.resize(height: treeHeight)
            return []
        case .paste(let text):
            return typeText(text)
        case .key(let key):
            if isTooSmall && !isTyping {
                // Nothing can be seen to be chosen: only quitting works. Text being typed keeps
                // going to its field, so a window shrunk mid-sentence loses nothing.
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
            if pending.isEmpty { message = say("Diario escrito de nuevo: todo guardado.", "Journal written again: all saved.") }
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
        case .editing(var editor):
            editor.field.set(trimmed)
            mode = .editing(editor)
        case .actionItemForm(var form):
            form.text.set(trimmed)
            mode = .actionItemForm(form)
        default: break
        }
    }

    var currentDraft: Draft? {
        switch mode {
        case .editing(let editor):
            return Draft(target: editor.target, text: editor.field.text)
        case .actionItemForm(let form):
            return Draft(target: nil, text: form.text.text, actionItem: form.draft)
        case .attendance(let sheet):
            guard let delegate = sheet.delegate else { return nil }
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

    mutating func record(_ kind: SessionEventKind) {
        pending.append(kind)
    }

    /// Moving into an item with Space starts its clock (and ends the running one). Nothing else
    /// does: a correction in a finished item must never move the clocks.
    mutating func ensureRunning(_ item: Int) {
        if !clockless, shown.runningItem != item { record(.itemStarted(item: item)) }
    }

    func say(_ es: String, _ en: String, error: Bool = false) -> StatusMessage {
        StatusMessage(text: t(es, en), isError: error)
    }

    mutating func quit() -> [Effect] {
        [.flushJournal, .clearDraft, .quit]
    }

    /// Pasted text goes whole into the field being typed, never taken for commands.
    mutating func typeText(_ text: String) -> [Effect] {
        switch mode {
        case .editing(var editor):
            editor.field.insert(text); mode = .editing(editor)
        case .actionItemForm(var form):
            form.editing { $0.insert(text) }; mode = .actionItemForm(form)
        case .attendance(var sheet) where sheet.delegate != nil:
            sheet.delegate?.insert(text); mode = .attendance(sheet)
        case .search(var prompt):
            prompt.field.insert(text); mode = .search(prompt)
        case .speakers(var panel) where panel.field != nil:
            panel.field?.insert(text); mode = .speakers(panel)
        default:
            break
        }
        return []
    }

    mutating func handle(_ key: Key) -> [Effect] {
        if key != .enter { message = nil }
        switch mode {
        case .browse: return browse(key)
        case .editing(let editor): return edit(key, editor)
        case .actionItemForm(let form): return formKey(key, form)
        case .attendance(let sheet): return attendanceKey(key, sheet)
        case .speakers(let panel): return speakersKey(key, panel)
        case .search(var prompt):
            switch prompt.handle(key, keyMap: keyMap) {
            case .typing: mode = .search(prompt)
            case .cancelled: mode = .browse
            case .search(let query):
                searchHistory = prompt.history
                mode = .browse
                search(query.trimmingSpaces())
            }
            return []
        case .help(var pager):
            let (columns, columnWidth) = HelpPane.columns(screenWidth: width)
            let rows = HelpPane.rows(screenHeight: height)
            let count = HelpPane.lines(keyMap, language, width: columnWidth).count
            mode = pager.handle(key, keyMap: keyMap, page: rows * columns, lastStart: max(0, count - rows * columns)) ? .help(pager) : .browse
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
            _ = navigator.move(command, actionCount: itemActionItems.count, detailOverflow: pane == .details ? detailOverflow : 0)
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
            if !navigator.switchPane(actionCount: itemActionItems.count, detailsFocusable: isCompact || detailOverflow > 0) {
                message = say("Este punto no tiene acuerdos; «a» añade uno.", "This item has no action items; “a” adds one.")
            }
        case .back: navigator.focusAgenda()
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
        let what = s.events.first { $0.seq == seq }.map { $0.kind.summary(language) } ?? ""
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
                message = say("Fecha no válida: use 2023-08-15, 15/08, +2w o +10d.", "Invalid date: use 2023-08-15, 15/08, +2w or +10d.", error: true)
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

    // MARK: Times typed by the secretary

    /// The times of an item (or of the session) as the editor opens with them: "09:05-10:40", "09:05-".
    func typedTimes(item: Int?) -> String {
        let s = shown
        let (start, end) = item.map { (s.timings[$0]?.firstStart, s.timings[$0]?.lastEnd) } ?? (s.heldFrom, s.correctedEnd)
        func clock(_ t: Timestamp?) -> String { t.map { TimeZones.local($0, in: s.timeZone).clock } ?? "" }
        return start == nil && end == nil ? "" : clock(start) + "-" + clock(end)
    }

    /// The corrections typed, checked against the session; nil (with the reason shown) when refused.
    mutating func timeCorrections(_ text: String, item: Int?) -> [SessionEventKind]? {
        guard let range = ClockRangeInput.parse(text) else {
            message = say("Hora no válida: use 09:05-10:40, 09:05 (inicio) o -10:40 (fin).",
                          "Invalid time: use 09:05-10:40, 09:05 (start) or -10:40 (end).", error: true)
            return nil
        }
        var check = shown
        var kinds: [SessionEventKind] = []
        for (boundary, clock) in [(TimeBoundary.start, range.start), (.end, range.end)] {
            guard let clock else { continue }
            let time = TimeZones.timestamp(check.agenda.date, hour: clock.hour, minute: clock.minute, in: check.timeZone)
            let kind = SessionEventKind.timeCorrected(item: item, boundary: boundary, time: time)
            if let problem = check.problem(with: kind) {
                message = StatusMessage(text: problem.text(language), isError: true)
                return nil
            }
            check.apply(SessionEvent(seq: check.nextSeq, at: now, kind: kind))
            kinds.append(kind)
        }
        return kinds
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
            message = say("Fecha límite no válida: use 2023-08-15, 15/08, +2w o +10d.",
                          "Invalid due date: use 2023-08-15, 15/08, +2w or +10d.", error: true)
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

    // MARK: Attendance

    mutating func attendanceKey(_ key: Key, _ sheet: AttendanceSheet) -> [Effect] {
        var sheet = sheet
        let outcome = sheet.handle(key, seats: session.agenda.seats, attendance: shown.attendance, keyMap: keyMap)
        mode = .attendance(sheet)
        switch outcome {
        case .stay:
            return []
        case .cancelledDelegate:
            draftSaved = nil
            return [.clearDraft]
        case .mark(let seat, let present, let delegate, let typed):
            record(.attendanceMarked(seat: seat, present: present, delegate: delegate))
            let seats = session.agenda.seats
            if seat == seats.last?.id {
                let count = shown.attendance.values.filter(\.present).count
                message = say("Último asiento marcado: \(count) de \(seats.count) presentes. Esc vuelve a la agenda.",
                              "Last seat marked: \(count) of \(seats.count) present. Esc goes back to the agenda.")
            }
            guard typed else { return [.flushJournal] }
            draftSaved = nil
            return [.clearDraft, .flushJournal]
        case .close:
            mode = .browse
            return []
        case .screenCommand:
            // Undo and redo keep the sheet open; any other command of the whole screen leaves it.
            switch keyMap.command(for: key, in: [.global]) {
            case .undo?: undo(); return [.flushJournal]
            case .redo?: redo(); return [.flushJournal]
            default:
                mode = .browse
                return browse(key)
            }
        }
    }

    // MARK: List of speakers

    mutating func speakersKey(_ key: Key, _ panel: SpeakersPanel) -> [Effect] {
        var panel = panel
        let candidates = SpeakerCandidate.all(session.agenda, attendance: shown.attendance)
        let outcome = panel.handle(key, list: shown.speakers[panel.item], candidates: candidates, keyMap: keyMap)
        mode = .speakers(panel)
        switch outcome {
        case .stay:
            return []
        case .close:
            mode = .browse
            return []
        case .cancelledTyping:
            draftSaved = nil
            return [.clearDraft]
        case .refused(let text):
            message = StatusMessage(text: text.text(language), isError: true)
            return []
        case .record(let kind):
            record(kind)
            draftSaved = nil
            return [.clearDraft, .flushJournal]
        case .screenCommand:
            switch keyMap.command(for: key, in: [.global]) {
            case .undo?: undo(); return [.flushJournal]
            case .redo?: redo(); return [.flushJournal]
            default:
                mode = .browse
                return browse(key)
            }
        }
    }
}
