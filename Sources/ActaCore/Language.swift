/// The language of everything a user reads: screens, minutes, errors.
public enum Language: String, Sendable, CaseIterable {
    case es, en

    /// Spanish unless the locale variables say English (LC_ALL, LC_MESSAGES, LANG, in that order).
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .es
            }
        }
        return .es
    }
}

/// A text a user reads, in both languages; picked when shown.
public struct LocalizedText: Sendable, Hashable, CustomStringConvertible {
    public let es: String
    public let en: String

    public init(es: String, en: String) {
        self.es = es
        self.en = en
    }

    public func text(_ language: Language) -> String {
        language == .es ? es : en
    }

    public var description: String { es }
}
