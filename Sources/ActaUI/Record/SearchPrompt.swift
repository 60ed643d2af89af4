/// The / prompt of the record screen: opens empty; ↑ and ↓ recall the queries searched before.
public struct SearchPrompt: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case typing
        case cancelled
        case search(String)
    }

    public var field = TextField()
    /// Earlier queries, oldest first.
    public private(set) var history: [String]
    /// The history entry shown, nil while typing a new query.
    public private(set) var recalled: Int?
    /// What was typed before recalling, given back when ↓ passes the newest entry.
    private var typed = ""

    public init(history: [String] = []) {
        self.history = history
    }

    public static let contexts: [KeyContext] = [.searchPrompt, .form, .text]

    public mutating func handle(_ key: Key, keyMap: KeyMap) -> Outcome {
        switch keyMap.command(for: key, in: Self.contexts) {
        case .cancel?: return .cancelled
        case .accept?:
            let query = field.text
            if !query.trimmingSpaces().isEmpty {
                history.removeAll { $0 == query }
                history.append(query)
            }
            recalled = nil
            return .search(query)
        case .recallOlder?:
            guard !history.isEmpty else { break }
            if recalled == nil { typed = field.text }
            recalled = max(0, (recalled ?? history.count) - 1)
            field.set(history[recalled!])
        case .recallNewer?:
            guard let index = recalled else { break }
            if index + 1 < history.count {
                recalled = index + 1
                field.set(history[index + 1])
            } else {
                recalled = nil
                field.set(typed)
            }
        default:
            _ = field.handle(key)
        }
        return .typing
    }
}
