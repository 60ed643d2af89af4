import ActaCore

/// A problem found in a file, located so a person can go and fix it.
public struct Diagnostic: Error, Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public let file: String
    public let line: Int
    public let column: Int
    public let severity: Severity
    public let message: LocalizedText

    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: LocalizedText) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
        self.severity = severity
        self.message = message
    }

    /// `file:line:column: error: message`, the form editors and compilers use. Control characters
    /// (from a file's values or name) are shown visibly, never sent to the terminal.
    public func formatted(_ language: Language) -> String {
        let word: String
        switch (severity, language) {
        case (.error, .es): word = "error"
        case (.error, .en): word = "error"
        case (.warning, .es): word = "aviso"
        case (.warning, .en): word = "warning"
        }
        return ControlCharacters.visible("\(file):\(line):\(column): \(word): \(message.text(language))")
    }
}

/// Several problems at once, so a person can fix them all in one pass.
public struct Diagnostics: Error, Sendable {
    public let items: [Diagnostic]

    public init(_ items: [Diagnostic]) { self.items = items }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
}
