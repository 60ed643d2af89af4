import ActaCore

/// The help overlay laid out from the key table: whole lines, the description wrapped beside its
/// keys; one column, or two on wide terminals. The pager scrolls it a line or a page at a time.
enum HelpPane {
    static let keysWidth = 16

    /// Lines of one column `width` wide.
    static func lines(_ keyMap: KeyMap, _ language: Language, width: Int) -> [PaneLine] {
        var out: [PaneLine] = []
        let textWidth = max(8, width - keysWidth - 3)
        for entry in keyMap.helpLines(language) {
            if entry.isHeading {
                out.append(PaneLine(entry.keys, .heading))
                continue
            }
            if entry.keys.isEmpty && entry.text.isEmpty { out.append(PaneLine()); continue }
            for (i, text) in wrap(entry.text, width: textWidth).enumerated() {
                var line = PaneLine()
                line.fill = (0, width, .overlay)
                if i == 0 { line.put(entry.keys, column: 1, role: .key, limit: keysWidth) }
                line.put(text, column: keysWidth + 2, role: .overlay, limit: textWidth)
                out.append(line)
            }
        }
        return out
    }

    /// Columns of the overlay and their width for a terminal.
    static func columns(screenWidth: Int) -> (count: Int, width: Int) {
        screenWidth >= 120 ? (2, (screenWidth - 4) / 2) : (1, screenWidth - 4)
    }

    /// Rows per column: the panes' rows less the title.
    static func rows(screenHeight: Int) -> Int { max(1, screenHeight - 4) }
}
