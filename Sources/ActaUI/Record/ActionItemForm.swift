import ActaCore

/// The form for adding or editing an acuerdo: text, type, responsable (completed from the seats), fecha límite.
public struct ActionItemForm: Sendable, Hashable {
    public enum Field: Int, Sendable, CaseIterable { case text, kind, responsible, due }

    /// The acuerdo being edited, or nil for a new one.
    public var number: Int?
    public var item: Int
    public var text: TextField
    public var kind: ActionItemKind
    public var responsible: TextField
    public var due: TextField
    /// The field with the focus; entering one selects its value, so typing replaces it.
    public var field: Field = .text {
        didSet { if field != oldValue { editing { $0.selectAll() } } }
    }

    public init(item: Int, editing existing: ActionItem? = nil) {
        self.item = existing?.item ?? item
        self.number = existing?.number
        self.text = TextField(existing?.text ?? "", selected: true)
        self.kind = existing?.kind ?? .task
        self.responsible = TextField(existing?.responsible ?? "")
        self.due = TextField(existing?.due?.iso ?? "")
    }

    public init(draft: ActionItemDraft) {
        item = draft.item
        number = draft.number
        text = TextField(draft.text)
        kind = draft.isDecision ? .decision : .task
        responsible = TextField(draft.responsible)
        due = TextField(draft.due)
    }

    public var draft: ActionItemDraft {
        ActionItemDraft(number: number, item: item, text: text.text, isDecision: kind == .decision,
                        responsible: responsible.text, due: due.text)
    }

    /// The short name a seat goes by: the acronym in its name's parentheses, else its name.
    public static func shortName(_ seat: Seat) -> String { seat.shortName }

    /// The seat the typed responsable completes to, if any.
    public func completion(seats: [Seat]) -> Seat? {
        let typed = Folding.fold(responsible.text)
        guard !typed.isEmpty else { return nil }
        return seats.first { Folding.fold(Self.shortName($0)).hasPrefix(typed) }
            ?? seats.first { Folding.fold($0.name).contains(typed) }
    }

    public mutating func editing(_ body: (inout TextField) -> Void) {
        switch field {
        case .text: body(&text)
        case .responsible: body(&responsible)
        case .due: body(&due)
        case .kind: break
        }
    }

    public enum Outcome: Sendable, Hashable {
        case editing
        case cancelled
        case openEditor(String)
        /// Enter on the text with no text.
        case missingText
        /// Enter on the last field: save the acuerdo.
        case save
    }

    /// Moves between fields, switches the type, completes the responsable, types text.
    public mutating func handle(_ key: Key, seats: [Seat], keyMap: KeyMap) -> Outcome {
        switch keyMap.command(for: key, in: [.form]) {
        case .cancel?: return .cancelled
        case .nextField?: field = Field(rawValue: min(field.rawValue + 1, Field.due.rawValue))!
        case .previousField?: field = Field(rawValue: max(field.rawValue - 1, 0))!
        case .complete?:
            if field == .kind { kind = kind == .task ? .decision : .task }
            if field == .responsible, let seat = completion(seats: seats) { responsible.set(Self.shortName(seat)) }
        case .openEditor?:
            if field == .text { return .openEditor(text.text) }
        case .accept?:
            if field == .text && text.text.trimmingSpaces().isEmpty { return .missingText }
            if field == .due { return .save }
            field = Field(rawValue: field.rawValue + 1)!
        default:
            if field == .kind, case .character(let c) = key {
                if c == "d" { kind = .decision } else if c == "t" { kind = .task } else if c == " " {
                    kind = kind == .task ? .decision : .task
                }
            } else {
                editing { _ = $0.handle(key) }
            }
        }
        return .editing
    }

    public enum Rejection: Error, Sendable, Hashable { case invalidDueDate }

    /// The typed fields as an acuerdo's parts, the fecha límite read relative to the session's date.
    public func parsed(base: CalendarDate) -> Result<(text: String, responsible: String, due: CalendarDate?), Rejection> {
        let dueText = due.text.trimmingSpaces()
        var date: CalendarDate?
        if !dueText.isEmpty {
            guard let d = DueDateInput.parse(dueText, base: base) else { return .failure(.invalidDueDate) }
            date = d
        }
        return .success((text.text.trimmingSpaces(), responsible.text.trimmingSpaces(), date))
    }
}
