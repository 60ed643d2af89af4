/// The words a search of every session looks for, as typed. The session index finds words:
/// runs of letters and digits (SQLite's `unicode61` tokenizer), never signs, emoji or query
/// syntax. So the text is split at any white space, and a word with no letter or digit is
/// refused with a reason rather than silently dropped or answered "no results".
public struct SearchWords: Sendable, Hashable {
    public let words: [String]

    public enum Problem: Error, Sendable, Hashable {
        /// Nothing but white space was typed.
        case empty
        /// These words hold no letter or digit: the index cannot find them.
        case unsearchable([String])

        public func message(_ language: Language) -> String {
            switch (self, language) {
            case (.empty, .es): return "Escriba al menos una palabra que buscar."
            case (.empty, .en): return "Type at least one word to search for."
            case (.unsearchable(let words), .es):
                return "\(Self.quoted(words, "«", "»")) no tiene letras ni cifras: la búsqueda encuentra palabras, no signos ni emoji; "
                    + "quítelo o escriba una palabra."
            case (.unsearchable(let words), .en):
                return "\(Self.quoted(words, "“", "”")) has no letter or digit: search finds words, not signs or emoji; "
                    + "remove it or type a word."
            }
        }

        static func quoted(_ words: [String], _ open: String, _ close: String) -> String {
            words.map { open + ControlCharacters.visible($0) + close }.joined(separator: ", ")
        }
    }

    /// The runs of letters and digits of the words, as the index matched them (`title:x` → `title`, `x`):
    /// each occurs in a hit's text as written, up to case and accents.
    public var parts: [String] {
        words.flatMap { word in
            word.split(whereSeparator: { !$0.unicodeScalars.contains(where: Self.isWordScalar) }).map(String.init)
        }
    }

    /// The words of `text`, or why it cannot be searched.
    public static func parse(_ text: String) -> Result<SearchWords, Problem> {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return .failure(.empty) }
        let unsearchable = words.filter { !$0.unicodeScalars.contains(where: isWordScalar) }
        guard unsearchable.isEmpty else { return .failure(.unsearchable(unsearchable)) }
        return .success(SearchWords(words: words))
    }

    /// The characters `unicode61` keeps in a token by default: letters, digits (any script) and private use.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }
}
