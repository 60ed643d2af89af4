import ActaCore
import ActaFormats

/// A session folder as the reader lists it: its summary (from the session index), or broken
/// with the reason. The whole session is loaded only when its acta is opened.
public struct ReviewEntry: Sendable {
    public let name: String
    public let summary: SessionSummary?
    public let problem: String?
    let load: @Sendable () -> Session?

    public init(name: String, summary: SessionSummary?, problem: String?, load: @escaping @Sendable () -> Session?) {
        self.name = name
        self.summary = summary
        self.problem = problem
        self.load = load
    }

    /// An entry whose session is already loaded.
    public init(name: String, session: Session?, problem: String?) {
        self.init(name: name, summary: session.map { SessionSummary(name: name, session: $0) }, problem: problem,
                  load: { session })
    }
}

/// The state of `acta review`: a stack of screens over every session of the mesa. Read-only.
public struct ReviewModel: Sendable {
    public enum Screen: Sendable, Hashable {
        case list
        case session(String)
        case commitments
        case timeline(commitment: Int)
        case actionItems
        /// What a search of every session found (`s`).
        case searchResults
        case help
    }

    public enum Field: Sendable, Hashable { case listFilter, search, responsible, sessionSearch }

    /// Searches every session's titles, notes, acuerdos and hitos (the session index, given by
    /// the program): the words typed, all of them, newest session first.
    public typealias SessionSearch = @Sendable (String) -> [SearchHit]
    let searchSessions: SessionSearch?
    /// The last search of every session, and what it found.
    public private(set) var sessionQuery = ""
    public private(set) var sessionHits: [SearchHit] = []
    public private(set) var hitSelection = 0

    public private(set) var entries: [ReviewEntry]
    public private(set) var archive: MesaArchive
    public let today: CalendarDate
    public let language: Language
    public let keyMap = KeyMap.review
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var stack: [Screen]
    public private(set) var listSelection = 0
    public private(set) var listFilter = ""
    public private(set) var editing: (field: Field, text: TextField)?
    public private(set) var pager = Pager(lines: [])
    /// Where each pager screen was left, so going back returns to the same place.
    private var savedPagers: [Screen: Pager] = [:]
    public private(set) var commitmentSelection = 0
    public private(set) var actionFilter = ActionItemFilter()
    public private(set) var actionSelection = 0
    public private(set) var actionTop = 0
    private var helpPager = HelpPager()
    public var helpScroll: Int { helpPager.scroll }
    /// The session followed live, if any.
    public let follow: String?
    public private(set) var lastUpdate: Timestamp?
    public var message: String?

    public init(entries: [ReviewEntry], today: CalendarDate, language: Language, width: Int, height: Int, follow: String? = nil,
                searchSessions: SessionSearch? = nil) {
        self.searchSessions = searchSessions
        self.entries = entries.sorted { $0.name > $1.name }
        self.archive = MesaArchive(summaries: entries.compactMap(\.summary))
        self.today = today
        self.language = language
        self.width = width
        self.height = height
        self.follow = follow
        stack = follow.map { [.session($0)] } ?? [.list]
        rebuildPager()
        if follow != nil { pager.toEnd(height: bodyHeight) }
    }

    func t(_ es: String, _ en: String) -> String { language == .es ? es : en }

    public var screen: Screen { stack.last ?? .list }
    public var bodyHeight: Int { max(1, height - 3) }
    public var isTooSmall: Bool { width < 60 || height < 12 }

    /// Entries shown in the list, filtered by what was typed.
    public var listed: [ReviewEntry] {
        let q = Folding.fold(listFilter)
        guard !q.isEmpty else { return entries }
        return entries.filter { e in
            Folding.fold([e.name, e.summary?.title ?? "", e.summary?.actaNumber ?? ""].joined(separator: " ")).contains(q)
        }
    }

    /// The plan the commitment screens are about: that of the newest readable session, read
    /// when those screens are first opened.
    public private(set) var plan: Plan?
    /// Sessions whose acta was opened, loaded once each.
    private var openedSessions: [String: Session] = [:]

    mutating func session(_ name: String) -> Session? {
        if let s = openedSessions[name] { return s }
        guard let s = entries.first(where: { $0.name == name })?.load() else { return nil }
        openedSessions[name] = s
        return s
    }

    mutating func loadPlan() {
        guard plan == nil, let newest = archive.sessions.last else { return }
        plan = session(newest.name)?.plan
    }

    public var shownActionItems: [CarriedActionItem] {
        archive.actionItems().filter { actionFilter.accepts($0.item, today: today) }.sorted { ($0.date, $0.item.number) > ($1.date, $1.item.number) }
    }

    public var contexts: [KeyContext] {
        if editing != nil { return [.form, .text] }
        switch screen {
        case .list: return [.agenda, .global]
        case .session, .timeline: return [.pager, .global]
        case .commitments, .searchResults: return [.agenda, .global]
        case .actionItems: return [.actionItems, .agenda, .global]
        case .help: return [.help]
        }
    }

    // MARK: - Update

    public mutating func update(_ input: InputEvent) -> Bool {
        switch input {
        case .resize(let w, let h):
            width = w; height = h
            rebuildPager()
            return false
        case .paste(let text):
            if var e = editing { e.text.insert(text); editing = e; applyLiveFilter() }
            return false
        case .key(let key):
            message = nil
            if editing != nil { editKey(key); return false }
            return handle(key)
        }
    }

    /// A followed session changed on disk: show it, keeping the place (or the end, if there).
    public mutating func reload(_ entries: [ReviewEntry], at time: Timestamp) {
        self.entries = entries.sorted { $0.name > $1.name }
        archive = MesaArchive(summaries: entries.compactMap(\.summary))
        // The followed session changed: its acta must be read again.
        openedSessions = [:]
        lastUpdate = time
        let lines = currentLines()
        pager.replace(lines, height: bodyHeight, followEnd: follow != nil)
    }

    mutating func editKey(_ key: Key) {
        guard var e = editing else { return }
        switch key {
        case .escape:
            if e.field == .listFilter { listFilter = "" }
            if e.field == .responsible { actionFilter.responsible = "" }
            editing = nil
        case .enter:
            editing = nil
            if e.field == .sessionSearch { runSessionSearch(e.text.text) }
            if e.field == .search {
                pager.search(e.text.text, height: bodyHeight)
                message = pager.matches.isEmpty ? t("No se encontró «\(e.text.text)».", "“\(e.text.text)” not found.")
                    : t(Plural.count(pager.matches.count, "coincidencia", "coincidencias") + " (n / N)",
                        Plural.count(pager.matches.count, "match", "matches") + " (n / N)")
            }
        default:
            _ = e.text.handle(key)
            editing = e
            applyLiveFilter()
        }
    }

    mutating func applyLiveFilter() {
        guard let e = editing else { return }
        switch e.field {
        case .listFilter: listFilter = e.text.text; listSelection = 0
        case .responsible: actionFilter.responsible = e.text.text; actionSelection = 0; actionTop = 0
        case .search, .sessionSearch: break
        }
    }

    /// Returns true when the program should quit.
    mutating func handle(_ key: Key) -> Bool {
        guard let command = keyMap.command(for: key, in: contexts) else { return false }
        switch command {
        case .quit, .back:
            if stack.count > 1 { pop(); return false }
            return command == .quit
        case .help: helpPager = HelpPager(); push(.help)
        case .actionItemsScreen: push(.actionItems)
        case .commitmentsScreen: push(.commitments)
        case .search:
            switch screen {
            case .list: editing = (.listFilter, TextField(listFilter))
            // The last query, selected: Enter repeats it, typing replaces it.
            case .session, .timeline: editing = (.search, TextField(pager.query, selected: true))
            case .actionItems: editing = (.responsible, TextField(actionFilter.responsible))
            default: break
            }
        case .searchSessions:
            if searchSessions != nil { editing = (.sessionSearch, TextField(sessionQuery, selected: true)) }
        case .filterResponsible:
            editing = (.responsible, TextField(actionFilter.responsible))
        case .cycleState:
            let all = ActionItemFilter.State.allCases
            actionFilter.state = all[(all.firstIndex(of: actionFilter.state)! + 1) % all.count]
            actionSelection = 0; actionTop = 0
        case .toggleOverdue:
            actionFilter.overdueOnly.toggle()
            actionSelection = 0; actionTop = 0
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom:
            move(command)
        case .nextMatch: pager.nextMatch(height: bodyHeight)
        case .previousMatch: pager.nextMatch(height: bodyHeight, backwards: true)
        case .nextHeading: pager.nextHeading(height: bodyHeight)
        case .previousHeading: pager.nextHeading(height: bodyHeight, backwards: true)
        case .activate: activate()
        default: break
        }
        return false
    }

    mutating func push(_ s: Screen) {
        guard screen != s else { return }
        if s == .commitments { loadPlan() }
        savedPagers[screen] = pager
        stack.append(s)
        pager = savedPagers[s] ?? Pager(lines: [])
        rebuildPager()
    }

    mutating func pop() {
        savedPagers[screen] = pager
        stack.removeLast()
        pager = savedPagers[screen] ?? Pager(lines: [])
        rebuildPager()
    }

    mutating func move(_ command: Command) {
        let page = bodyHeight - 1
        switch screen {
        case .session, .timeline:
            switch command {
            case .moveDown: pager.scroll(by: 1, height: bodyHeight)
            case .moveUp: pager.scroll(by: -1, height: bodyHeight)
            case .pageDown: pager.scroll(by: page, height: bodyHeight)
            case .pageUp: pager.scroll(by: -page, height: bodyHeight)
            case .top: pager.toTop()
            case .bottom: pager.toEnd(height: bodyHeight)
            default: break
            }
        case .list:
            listSelection = step(listSelection, command, count: listed.count, page: page)
        case .commitments:
            commitmentSelection = step(commitmentSelection, command, count: plan?.commitments.count ?? 0, page: page)
        case .actionItems:
            actionSelection = step(actionSelection, command, count: shownActionItems.count, page: page)
        case .searchResults:
            hitSelection = step(hitSelection, command, count: sessionHits.count, page: page)
        case .help:
            // The same pager and layout as acta record's help: whole lines, a line or a page at a time.
            let (columns, columnWidth) = HelpPane.columns(screenWidth: width)
            let count = HelpPane.lines(keyMap, language, width: columnWidth - 1).count
            let page = bodyHeight * columns
            let key: Key = command == .moveDown ? .down : command == .moveUp ? .up : command == .pageDown ? .pageDown : .pageUp
            _ = helpPager.handle(key, keyMap: keyMap, page: page, lastStart: max(0, count - page))
        }
    }

    func step(_ value: Int, _ command: Command, count: Int, page: Int) -> Int {
        guard count > 0 else { return 0 }
        switch command {
        case .moveDown: return min(count - 1, value + 1)
        case .moveUp: return max(0, value - 1)
        case .pageDown: return min(count - 1, value + page)
        case .pageUp: return max(0, value - page)
        case .top: return 0
        case .bottom: return count - 1
        default: return value
        }
    }

    mutating func activate() {
        switch screen {
        case .list:
            guard listSelection < listed.count else { return }
            let e = listed[listSelection]
            if e.summary == nil {
                message = t("Sesión con errores: ", "Session with errors: ") + (e.problem ?? "")
                return
            }
            push(.session(e.name))
        case .commitments:
            guard let c = plan?.commitments[safe: commitmentSelection] else { return }
            push(.timeline(commitment: c.number))
        case .actionItems:
            guard let c = shownActionItems[safe: actionSelection] else { return }
            push(.session(c.ref.session))
            // Show where it was agreed: the heading of its agenda item.
            if let line = pager.lines.firstIndex(where: { $0.isHeading && $0.text.hasPrefix("\(c.item.item). ") }) {
                pager.show(line: line, height: bodyHeight)
            }
        case .searchResults:
            guard let hit = sessionHits[safe: hitSelection] else { return }
            push(.session(hit.session))
            show(hit)
        default: break
        }
    }

    /// Searches every session; the results replace the last ones (and their screen opens).
    mutating func runSessionSearch(_ query: String) {
        guard let searchSessions, !query.split(whereSeparator: \.isWhitespace).isEmpty else { return }
        // A word the index cannot find (signs, emoji) is refused with the reason; the last results stay.
        if case .failure(let problem) = SearchWords.parse(query) {
            message = problem.message(language)
            return
        }
        sessionQuery = query
        sessionHits = searchSessions(query)
        hitSelection = 0
        guard !sessionHits.isEmpty else {
            message = t("Sin resultados para «\(query)» en ninguna sesión.", "No results for “\(query)” in any session.")
            return
        }
        let sessions = Set(sessionHits.map(\.session)).count
        message = t(Plural.count(sessionHits.count, "resultado", "resultados") + " en " + Plural.count(sessions, "sesión", "sesiones"),
                    Plural.count(sessionHits.count, "result", "results") + " in " + Plural.count(sessions, "session", "sessions"))
        push(.searchResults)
    }

    /// In the hit's acta: the longest run of letters and digits searched highlighted wherever it
    /// occurs (the pager finds one literal text, the index all words, whose signs only separate
    /// parts), the current match the first inside the hit's text.
    mutating func show(_ hit: SearchHit) {
        guard case .success(let searched) = SearchWords.parse(sessionQuery),
              let word = searched.parts.max(by: { $0.count < $1.count }) else { return }
        pager.search(word, height: bodyHeight, from: 0)
        let text = TextPiece.searchFold(hit.text)
        let inHit = pager.matches.firstIndex { match in
            guard let run = match.runs.first else { return false }
            let line = pager.lines[run.line]
            let piece = line.pieces.first { $0.column <= run.column && run.column < $0.column + DisplayWidth.of($0.text) }
            let shown = TextPiece.searchFold(piece?.text ?? line.text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return text.contains(shown)
        }
        if let inHit { pager.select(match: inHit, height: bodyHeight) }
    }

    mutating func currentLines() -> [StyledLine] {
        let w = width - 2
        switch screen {
        case .session(let name):
            guard let session = session(name) else {
                return [StyledLine(text: t("La sesión «\(name)» no se puede leer: ", "Session “\(name)” cannot be read: ")
                                   + (entries.first { $0.name == name }?.problem ?? ""), role: .error)]
            }
            let named = NamedSession(name: name, session: session)
            return DocumentLayout.lines(MinutesWriter(session: named, archive: archive, language: language).document(), width: w)
        case .timeline(let c):
            guard let plan else { return [] }
            return DocumentLayout.lines(ReviewDocuments.timeline(archive: archive, plan: plan, commitment: c, language: language), width: w)
        default:
            return []
        }
    }

    mutating func rebuildPager() {
        switch screen {
        case .session, .timeline:
            let query = pager.query
            let top = pager.top
            pager = Pager(lines: currentLines())
            pager.show(line: top, height: bodyHeight)
            if !query.isEmpty { pager.search(query, height: bodyHeight, from: top) }
        default:
            break
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
