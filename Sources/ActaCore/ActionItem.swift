/// An acuerdo is either a decision of the mesa or a task someone must do by a date.
public enum ActionItemKind: String, Sendable, Hashable, CaseIterable, Codable {
    case decision
    case task

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.decision, .es): return "Decisión"
        case (.decision, .en): return "Decision"
        case (.task, .es): return "Tarea"
        case (.task, .en): return "Task"
        }
    }
}

/// An acuerdo (agreement / action item) taken in a session.
public struct ActionItem: Sendable, Hashable {
    /// Numbered from 1 within its session.
    public var number: Int
    /// The agenda item during which it was agreed.
    public var item: Int
    public var kind: ActionItemKind
    public var text: String
    public var responsible: String
    public var due: CalendarDate?
    public var closed: Bool

    public init(number: Int, item: Int, kind: ActionItemKind, text: String, responsible: String,
                due: CalendarDate?, closed: Bool = false) {
        self.number = number
        self.item = item
        self.kind = kind
        self.text = text
        self.responsible = responsible
        self.due = due
        self.closed = closed
    }

    /// Open with its fecha límite passed.
    /// The acuerdo as an acta names it: "2-2023-01" (acta number, then its number in that acta).
    public static func reference(acta: String, number: Int) -> String {
        acta + "-" + (number < 10 ? "0" : "") + String(number)
    }

    public func isOverdue(on today: CalendarDate) -> Bool {
        guard !closed, let due else { return false }
        return due < today
    }
}

/// Names an acuerdo of any session: the session's folder name and its number there.
public struct ActionItemRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let session: String
    public let number: Int

    public init(session: String, number: Int) {
        self.session = session
        self.number = number
    }

    public static func < (a: ActionItemRef, b: ActionItemRef) -> Bool {
        (a.session, a.number) < (b.session, b.number)
    }

    public var description: String { "\(session)#\(number)" }
}
