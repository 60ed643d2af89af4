/// The / prompt of the record screen: the query being typed and the queries searched before.
public struct SearchPrompt: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case typing
        case cancelled
        case search(String)
    }

    public var field: TextField
    /// Earlier queries, oldest first.
    public private(set) var history: [String]

    public init(history: [String] = []) {
        self.history = history
        self.field = TextField(history.last ?? "")
    }

    public mutating func handle(_ key: Key, keyMap: KeyMap) -> Outcome {
        switch keyMap.command(for: key, in: [.form]) {
        case .cancel?: return .cancelled
        case .accept?:
            let query = field.text
            if !query.trimmingSpaces().isEmpty {
                history.removeAll { $0 == query }
                history.append(query)
            }
            return .search(query)
        default:
            _ = field.handle(key)
            return .typing
        }
    }
}
