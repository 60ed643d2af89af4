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
    public internal(set) var session: Session { didSet { contentToken = ContentToken.next() } }
    /// Changes made but not yet written (a failed write keeps them here and retries).
    public internal(set) var pending: [SessionEventKind] = [] { didSet { contentToken = ContentToken.next() } }
    /// Changes with `session` and `pending`: what the render memos key on.
    var contentToken = ContentToken.next()
    /// Layouts already made for this model's content (shared by its copies; see RenderMemo).
    let memo = RenderMemo()
    public let sessionName: String
    public let archive: MesaArchive
    /// Acuerdos of earlier sessions still open when this one began: asked of the archive once,
    /// not on every frame (a mesa of a thousand sessions made each frame cost milliseconds).
    public let openBefore: [CarriedActionItem]
    public let language: Language
    public let keyMap = KeyMap.record
    public internal(set) var now: Timestamp
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var navigator: AgendaNavigator
    public internal(set) var mode: Mode = .browse
    public var message: StatusMessage?
    public internal(set) var lastWriteError: String?
    var lastDraftSave: Timestamp?
    /// The draft last saved, so an unchanged one is not written again; nil once its text is recorded or dropped.
    var draftSaved: Draft?
    /// Queries searched with /, oldest first.
    public internal(set) var searchHistory: [String] = []

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
        self.openBefore = archive.openBefore(name)
        self.language = language
        self.now = now
        self.width = width
        self.height = height
        let rows = TreeRow.rows(session.agenda)
        navigator = AgendaNavigator(rows: rows, selection: AgendaNavigator.resumeRow(session, rows: rows),
                                    height: Self.treeHeight(height))
        if let draft, draft.holdsText { mode = .draftOffer(draft) }
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
    public var detailLines: [PaneLine] { detailLayout.lines }
    /// The right pane's lines, made once per change of what they show.
    var detailLayout: DetailLayout { memo.detailLayout(detailKey) { DetailPane.lines(self, shown, width: rightPane.width) } }
    /// Everything the right pane's lines depend on.
    var detailKey: RenderMemo.DetailKey {
        RenderMemo.DetailKey(content: contentToken, row: selectedRow, mode: mode, pane: pane, actionSelection: actionSelection,
                             width: rightPane.width, height: height, language: language, now: detailClock)
    }
    /// The right pane's lines made afresh, with no memo (what the memo must equal).
    var freshDetailLayout: DetailLayout { DetailLayout(DetailPane.lines(self, shown, width: rightPane.width, memo: false)) }
    /// The time, when something below the top bar shows a clock running (or changes not yet
    /// written, stamped now, are shown): a frame kept from an earlier second must not be reused.
    var frameClock: Timestamp? {
        if case .speakers = mode { return now }
        if !pending.isEmpty { return now }
        return detailClock
    }
    /// The time, when the right pane shows a clock running: the selected item's or a speaker's.
    var detailClock: Timestamp? {
        guard case .item(let n) = selectedRow else { return nil }
        // Changes not yet written are stamped now: their times move with the clock.
        if !pending.isEmpty { return now }
        let s = shown
        if s.runningItem == n || s.speakers[n]?.interventions.contains(where: \.isRunning) == true { return now }
        return nil
    }
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
    public var itemActionItems: [PaneActionItem] { itemActionItems(prefix: Int.max) }

    /// The first `count` of `itemActionItems`: a follow-up item of a long-lived mesa carries
    /// hundreds, and a key or a frame needs only those it can show (copying them all cost most of a `j`).
    public func itemActionItems(prefix count: Int) -> [PaneActionItem] {
        let s = shown
        var items: [PaneActionItem] = []
        for a in s.actionItems where a.item == currentItem {
            guard items.count < count else { return items }
            items.append(PaneActionItem(ref: nil, actaNumber: nil, item: a))
        }
        if case .free? = s.agenda.item(currentItem)?.kind {
            for c in openBefore {
                guard items.count < count else { return items }
                var item = c.item
                item.closed = s.carriedClosures[c.ref] ?? false
                items.append(PaneActionItem(ref: c.ref, actaNumber: c.actaNumber, item: item))
            }
        }
        return items
    }

    /// How many acuerdos the right pane lists, without building them.
    public var itemActionItemCount: Int {
        let s = shown
        var count = 0
        for a in s.actionItems where a.item == currentItem { count += 1 }
        if case .free? = s.agenda.item(currentItem)?.kind { count += openBefore.count }
        return count
    }

    /// The acuerdo at `index` of `itemActionItems`, if there is one.
    public func itemActionItem(at index: Int) -> PaneActionItem? {
        guard index >= 0 else { return nil }
        return itemActionItems(prefix: index + 1).dropFirst(index).first
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
                // Nothing can be seen to be chosen: only F10 quits, never a typed `q`. Text being
                // typed keeps going to its field, so a window shrunk mid-sentence loses nothing.
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

    /// Whole seconds from `now` until time alone changes something: the screen (a clock it
    /// shows) or a duty of `tick` (a draft to save, a write to retry). 1 while anything shown
    /// counts seconds; until the next minute when only the top bar's HH:MM runs; nil (wait for
    /// a key) with no clock at all. The loop sleeps that long: nothing runs when nothing changes.
    public var secondsUntilTimeMatters: Int? {
        if !pending.isEmpty { return 1 }
        if let draft = currentDraft, draft != draftSaved { return 1 }
        if frameClock != nil { return 1 }
        if clockless { return nil }
        let s = shown
        if s.startedAt != nil || s.runningItem != nil { return 1 }
        return 60 - (now.epochSeconds % 60 + 60) % 60
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

    /// Quitting never deletes a draft: a draft still on disk holds text not yet in the journal
    /// (one offered and not yet taken, say), and is offered again next time.
    mutating func quit() -> [Effect] {
        [.flushJournal, .quit]
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
}
