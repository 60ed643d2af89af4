import ActaCore

/// Where the secretary is on the agenda: the selected row, the pane with the focus, the
/// selected acuerdo, and how far the agenda pane is scrolled. Knows nothing of the journal.
public struct AgendaNavigator: Sendable, Hashable {
    /// The agenda, the right pane's details (scrolled when they do not fit), or the item's acuerdos.
    public enum Pane: Sendable, Hashable { case agenda, details, actionItems }

    public let rows: [TreeRow]
    public private(set) var selection: Int = 0
    public private(set) var scroll: Int = 0
    public private(set) var pane: Pane = .agenda
    public private(set) var actionSelection: Int = 0
    /// First line of the right pane shown, when the secretary scrolls it.
    public private(set) var detailScroll: Int = 0
    /// Rows the agenda pane shows at once.
    public private(set) var height: Int

    public init(rows: [TreeRow], selection: Int = 0, height: Int) {
        self.rows = rows
        self.height = max(1, height)
        self.selection = min(max(0, selection), max(0, rows.count - 1))
        scrollToSelection()
    }

    public var selectedRow: TreeRow { rows[selection] }

    public mutating func resize(height: Int) {
        self.height = max(1, height)
        scrollToSelection()
    }

    /// Selects a row and gives the agenda the focus.
    public mutating func select(_ index: Int) {
        selection = min(max(0, index), rows.count - 1)
        pane = .agenda
        actionSelection = 0
        detailScroll = 0
        scrollToSelection()
    }

    public mutating func select(_ row: TreeRow) {
        if let index = rows.firstIndex(of: row) { select(index) }
    }

    /// A list move (↑↓, pages, ends): in the agenda it moves the selection; in the acuerdos pane
    /// ↑↓ move among `actionCount` acuerdos; in the details it scrolls them, up to `detailOverflow`
    /// lines. False when the command is not a move.
    public mutating func move(_ command: Command, actionCount: Int, detailOverflow: Int = 0) -> Bool {
        switch (pane, command) {
        case (.actionItems, .moveDown): actionSelection = min(actionSelection + 1, max(0, actionCount - 1))
        case (.actionItems, .moveUp): actionSelection = max(0, actionSelection - 1)
        case (.details, .moveDown): detailScroll = min(detailScroll + 1, max(0, detailOverflow))
        case (.details, .moveUp): detailScroll = max(0, detailScroll - 1)
        case (.details, .pageDown): detailScroll = min(detailScroll + height - 1, max(0, detailOverflow))
        case (.details, .pageUp): detailScroll = max(0, detailScroll - height + 1)
        case (.details, .top): detailScroll = 0
        case (.details, .bottom): detailScroll = max(0, detailOverflow)
        case (_, .moveDown): select(selection + 1)
        case (_, .moveUp): select(selection - 1)
        case (_, .pageDown): select(selection + height - 1)
        case (_, .pageUp): select(selection - height + 1)
        case (_, .top): select(0)
        case (_, .bottom): select(rows.count - 1)
        default: return false
        }
        return true
    }

    /// Tab: agenda → details (when `detailsFocusable`: one pane at a time, or details that do not
    /// fit) → acuerdos (when there are any) → agenda. False when it stayed on the agenda.
    public mutating func switchPane(actionCount: Int, detailsFocusable: Bool) -> Bool {
        actionSelection = min(actionSelection, max(0, actionCount - 1))
        let order: [Pane] = [.agenda] + (detailsFocusable ? [.details] : []) + (actionCount > 0 ? [.actionItems] : [])
        let here = order.firstIndex(of: pane) ?? 0
        pane = order[(here + 1) % order.count]
        return order.count > 1
    }

    public mutating func focusAgenda() { pane = .agenda }

    /// The next hito after the selection, if any.
    public var nextMilestoneIndex: Int? {
        rows.indices.dropFirst(selection + 1).first { rows[$0].milestone != nil }
    }

    /// The first row after the selection (wrapping around) whose text matches, found by `matches`.
    public func nextMatch(_ matches: (TreeRow) -> Bool) -> Int? {
        let order = Array(rows.indices.dropFirst(selection + 1)) + Array(rows.indices.prefix(selection + 1))
        return order.first { matches(rows[$0]) }
    }

    mutating func scrollToSelection() {
        if selection < scroll { scroll = selection }
        if selection >= scroll + height { scroll = selection - height + 1 }
        scroll = max(0, min(scroll, max(0, rows.count - height)))
    }

    /// Where recording left off: the running item's next unreported hito, else the last thing reported.
    public static func resumeRow(_ s: Session, rows: [TreeRow]) -> Int {
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
}
