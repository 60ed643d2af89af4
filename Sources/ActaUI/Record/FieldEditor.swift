/// One text field being typed on the record screen (a hito's %, note or evidence, an item's
/// note, the next session's date): Enter accepts, Esc cancels, C-e opens $EDITOR.
public struct FieldEditor: Sendable, Hashable {
    /// What comes after accepting, in the fast path of a hito report.
    public enum Flow: Sendable, Hashable {
        /// After the percent, type the note.
        case thenNote
        /// After the note, go to the next hito.
        case thenNext
    }

    public enum Outcome: Sendable, Hashable {
        case typing
        case cancelled
        case accepted(String)
        case openEditor(String)
    }

    public let target: EditTarget
    public var field: TextField
    public let flow: Flow?

    /// Opens with the value selected (typing replaces it) unless `selected` is false, as for text
    /// the secretary was typing (a recovered draft, a digit that opened the % field).
    public init(_ target: EditTarget, text: String = "", flow: Flow? = nil, selected: Bool = true) {
        self.target = target
        self.field = TextField(text, selected: selected)
        self.flow = flow
    }

    public mutating func handle(_ key: Key, keyMap: KeyMap) -> Outcome {
        switch keyMap.command(for: key, in: [.form]) {
        case .cancel?: return .cancelled
        case .accept?: return .accepted(field.text)
        case .openEditor?: return .openEditor(field.text)
        default:
            _ = field.handle(key)
            return .typing
        }
    }
}
