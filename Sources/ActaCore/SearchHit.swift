/// A place in a session where searched words occur (found by the session index).
public struct SearchHit: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case title, note, acuerdo, hito

        /// What a reader calls the place.
        public func label(_ language: Language) -> String {
            switch (self, language) {
            case (.title, .es): return "título"
            case (.title, .en): return "title"
            case (.note, .es): return "nota"
            case (.note, .en): return "note"
            case (.acuerdo, .es): return "acuerdo"
            case (.acuerdo, .en): return "action item"
            case (.hito, .es): return "hito"
            case (.hito, .en): return "milestone"
            }
        }
    }

    public let session: String
    public let kind: Kind
    public let text: String

    public init(session: String, kind: Kind, text: String) {
        self.session = session
        self.kind = kind
        self.text = text
    }
}
