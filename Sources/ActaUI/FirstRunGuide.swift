import ActaCore

/// The guide `acta demo` lays over the record screen: a box with the few keys a first try
/// needs, closed by any key, then a one-line reminder on the message row while it is free.
/// It draws over a finished frame, so the record screen itself knows nothing about it.
public struct FirstRunGuide: Sendable, Hashable {
    public let language: Language
    /// The box is open; the first key closes it and does nothing else.
    public private(set) var isOpen = true

    public init(language: Language) { self.language = language }

    /// Returns whether the guide took the input (only the key that closes the box).
    public mutating func handle(_ input: InputEvent) -> Bool {
        guard isOpen, case .key = input else { return false }
        isOpen = false
        return true
    }

    public func draw(on screen: inout Screen) {
        // Over the "terminal too small" notice it would hide what to do.
        guard screen.width >= RecordModel.minimumWidth, screen.height >= RecordModel.minimumHeight else { return }
        if isOpen { box(&screen) } else { reminder(&screen) }
    }

    var t: (String, String) -> String { { es, en in language == .es ? es : en } }

    var title: String { t(" Demostración: una copia de la primera mesa (29/03/2023) ", " Demo: a copy of the first mesa (29 March 2023) ") }

    /// The box's lines (empty: a blank line), each wrapped to the box's width.
    var paragraphs: [(String, Role)] {
        [
            (t("Espacio: ir al hito siguiente.  ↑ ↓: moverse por la agenda.",
               "Space: go to the next hito.  ↑ ↓: move through the agenda."), .overlay),
            ("", .overlay),
            (t("Informe de un hito, cinco teclas: estado, %, Enter, nota, Enter",
               "A hito's report, five keys: status, %, Enter, note, Enter"), .overlay),
            (t("  p. ej.   s   6 0   Enter   Portal publicado   Enter",
               "  e.g.    s   6 0   Enter   Portal published   Enter"), .key),
            (t("  x sin evidencia, i no iniciado, l limitado, s sustancial, c completo",
               "  x no evidence, i not started, l limited, s substantial, c complete"), .dim),
            ("", .overlay),
            (t("a: añadir un acuerdo al punto (texto, tipo, responsable, fecha límite)",
               "a: add an acuerdo to the item (text, type, responsable, due date)"), .overlay),
            (t("?: todas las teclas.   q: terminar (el acta se escribe al salir).",
               "?: every key.   q: finish (the acta is written on quitting)."), .overlay),
            ("", .overlay),
            (t("Sus sesiones no se tocan. Pulse una tecla para empezar.",
               "Your own sessions are not touched. Press a key to start."), .heading),
        ]
    }

    var reminderText: String {
        t("Demo · hito: estado % Enter nota Enter · a acuerdo · ? teclas · q terminar",
          "Demo · hito: status % Enter note Enter · a acuerdo · ? keys · q finish")
    }

    func box(_ screen: inout Screen) {
        let width = min(screen.width - 2, 76)
        let inner = width - 4
        guard inner > 10 else { return }
        var lines: [(String, Role)] = []
        for (text, role) in paragraphs {
            // A continued line keeps the indent of the line it continues.
            let indent = String(text.prefix { $0 == " " })
            let wrapped = text.isEmpty ? [""] : wrap(String(text.dropFirst(indent.count)), width: inner - indent.count)
            lines += wrapped.enumerated().map { i, line in (i == 0 ? indent + line : indent + "  " + line, role) }
        }
        let height = min(screen.height - 2, lines.count + 2)
        let top = max(1, (screen.height - height) / 2), left = (screen.width - width) / 2
        for row in top..<(top + height) { screen.fill(row: row, column: left, width: width, role: .overlay) }
        let bar = String(repeating: "─", count: width - 2)
        screen.put("┌" + bar + "┐", row: top, column: left, role: .overlay)
        screen.put(DisplayWidth.truncated(title, to: width - 4), row: top, column: left + 2, role: .heading)
        for row in (top + 1)..<(top + height - 1) {
            screen.put("│", row: row, column: left, role: .overlay)
            screen.put("│", row: row, column: left + width - 1, role: .overlay)
        }
        screen.put("└" + bar + "┘", row: top + height - 1, column: left, role: .overlay)
        for (i, (text, role)) in lines.prefix(height - 2).enumerated() {
            screen.put(text, row: top + 1 + i, column: left + 2, role: role, limit: inner)
        }
    }

    /// The reminder uses the message row only when nothing else is said there.
    func reminder(_ screen: inout Screen) {
        let row = screen.height - 1
        guard row > 0, (0..<screen.width).allSatisfy({ screen[row, $0] == .blank }) else { return }
        screen.put(DisplayWidth.truncated(reminderText, to: screen.width - 2), row: row, column: 1, role: .hint)
    }
}
