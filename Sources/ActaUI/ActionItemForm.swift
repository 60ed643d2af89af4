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
    public var field: Field = .text

    public init(item: Int, editing existing: ActionItem? = nil) {
        self.item = existing?.item ?? item
        self.number = existing?.number
        self.text = TextField(existing?.text ?? "")
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
    public static func shortName(_ seat: Seat) -> String {
        if let open = seat.name.lastIndex(of: "("), let close = seat.name.lastIndex(of: ")"), open < close {
            return String(seat.name[seat.name.index(after: open)..<close])
        }
        return seat.name
    }

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
}
