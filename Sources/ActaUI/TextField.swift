import ActaCore

/// A one-line text editor over grapheme clusters: the cursor moves by character, never by byte,
/// and display width is counted in columns, so ñ, accents and wide characters edit correctly.
public struct TextField: Sendable, Hashable {
    public private(set) var characters: [Character]
    /// 0...characters.count
    public private(set) var cursor: Int
    /// The whole value is selected, as when a field is entered: the first typed character
    /// replaces it, a deletion clears it, a cursor move keeps it and starts editing it.
    public private(set) var isSelected = false

    public init(_ text: String = "", selected: Bool = false) {
        characters = Array(text)
        cursor = characters.count
        isSelected = selected && !characters.isEmpty
    }

    /// Selects the whole value (nothing when empty).
    public mutating func selectAll() {
        isSelected = !characters.isEmpty
        cursor = characters.count
    }

    /// Drops a selection; true when there was one and `clearing` removed the text with it.
    private mutating func consumeSelection(clearing: Bool) -> Bool {
        guard isSelected else { return false }
        isSelected = false
        if clearing { characters = []; cursor = 0 }
        return clearing
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public mutating func insert(_ text: String) {
        // Pasted newlines and tabs become spaces; other control characters are dropped.
        let clean = ControlCharacters.stripped(text, keepNewlines: false)
        _ = consumeSelection(clearing: true)
        // A field holds at most InputLimits.fieldBytes: the journal refuses longer texts.
        let added = Self.fitting(clean, into: InputLimits.fieldBytes - self.text.utf8.count)
        characters.insert(contentsOf: added, at: cursor)
        cursor += added.count
    }

    public mutating func set(_ text: String) {
        isSelected = false
        characters = Self.fitting(text, into: InputLimits.fieldBytes)
        cursor = characters.count
    }

    /// The longest start of `text` that fits in `bytes` of UTF-8, cut between characters.
    static func fitting(_ text: String, into bytes: Int) -> [Character] {
        guard text.utf8.count > bytes else { return Array(text) }
        var kept: [Character] = []
        var used = 0
        for c in text {
            used += c.utf8.count
            if used > bytes { break }
            kept.append(c)
        }
        return kept
    }

    public mutating func moveLeft() { isSelected = false; cursor = max(0, cursor - 1) }
    public mutating func moveRight() { isSelected = false; cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { isSelected = false; cursor = 0 }
    public mutating func moveEnd() { isSelected = false; cursor = characters.count }

    public mutating func deleteBackward() {
        if consumeSelection(clearing: true) { return }
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        if consumeSelection(clearing: true) { return }
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    private func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    public mutating func moveWordLeft() {
        isSelected = false
        while cursor > 0 && !isWordCharacter(characters[cursor - 1]) { cursor -= 1 }
        while cursor > 0 && isWordCharacter(characters[cursor - 1]) { cursor -= 1 }
    }

    public mutating func moveWordRight() {
        isSelected = false
        while cursor < characters.count && !isWordCharacter(characters[cursor]) { cursor += 1 }
        while cursor < characters.count && isWordCharacter(characters[cursor]) { cursor += 1 }
    }

    public mutating func deleteWordBackward() {
        if consumeSelection(clearing: true) { return }
        let end = cursor
        moveWordLeft()
        characters.removeSubrange(cursor..<end)
    }

    public mutating func killToStart() {
        if consumeSelection(clearing: true) { return }
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    public mutating func killToEnd() {
        if consumeSelection(clearing: true) { return }
        characters.removeSubrange(cursor...)
    }

    /// Applies an editing key; false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .control("a"): moveHome()
        case .end: moveEnd()
        case .backspace, .control("h"): deleteBackward()
        case .delete, .control("d"): deleteForward()
        case .wordLeft, .alt("b"): moveWordLeft()
        case .wordRight, .alt("f"): moveWordRight()
        case .control("w"), .alt("\u{7F}"): deleteWordBackward()
        case .control("u"): killToStart()
        case .control("k"): killToEnd()
        default: return false
        }
        return true
    }

    /// The text word-wrapped in `width` columns, and where the cursor falls (line, column): a long
    /// field is shown whole over several lines instead of scrolling sideways.
    public func wrapped(width: Int) -> (lines: [String], cursorLine: Int, cursorColumn: Int) {
        let width = max(2, width)
        // Break points as character offsets; a line keeps one column free for the cursor at its end.
        var starts = [0]
        var lineWidth = 0
        var lastSpace: Int?
        var i = 0
        while i < characters.count {
            let w = DisplayWidth.of(characters[i])
            if lineWidth + w > width - 1 && i > starts.last! {
                let breakAt = lastSpace.map { $0 + 1 } ?? i
                starts.append(breakAt)
                lineWidth = DisplayWidth.of(String(characters[breakAt..<i]))
                lastSpace = nil
            }
            if characters[i] == " " { lastSpace = i }
            lineWidth += w
            i += 1
        }
        var lines: [String] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : characters.count
            lines.append(String(characters[start..<end]))
        }
        let line = starts.lastIndex { $0 <= cursor } ?? 0
        let column = DisplayWidth.of(String(characters[starts[line]..<cursor]))
        return (lines, line, column)
    }

    /// Draws the field in `width` columns, scrolled so the cursor is visible; returns the cursor's column.
    @discardableResult
    public func render(into screen: inout Screen, row: Int, column: Int, width: Int, role: Role) -> Int {
        screen.fill(row: row, column: column, width: width, role: role)
        guard width > 1 else { return column }
        // Start far enough right that the cursor fits, leaving one column for it at the end.
        var start = 0
        var before = DisplayWidth.of(String(characters[0..<cursor]))
        while before > width - 1 && start < cursor {
            before -= DisplayWidth.of(characters[start])
            start += 1
        }
        let visible = String(characters[start...])
        // A selected value shows as selected (reverse video without colour), so the secretary sees typing will replace it.
        screen.put(visible, row: row, column: column, role: isSelected ? .selected : role, limit: width)
        return column + before
    }
}
