/// A key as the UI understands it, decoded from the terminal by the adapter.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case wordLeft, wordRight
    case control(Character)
    case alt(Character)
    case function(Int)

    /// How the key is written in help screens.
    public var description: String {
        switch self {
        case .character(" "): return "Espacio"
        case .character(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Retroceso"
        case .delete: return "Supr"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Inicio"
        case .end: return "Fin"
        case .pageUp: return "RePág"
        case .pageDown: return "AvPág"
        case .wordLeft: return "C-←"
        case .wordRight: return "C-→"
        case .control(let c): return "C-\(c)"
        case .alt(let c): return "M-\(c)"
        case .function(let n): return "F\(n)"
        }
    }

    public func label(_ english: Bool) -> String {
        guard english else { return description }
        switch self {
        case .character(" "): return "Space"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        default: return description
        }
    }
}

/// Everything that reaches a model: keys, pasted text, time passing, the terminal's size.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case paste(String)
    case resize(width: Int, height: Int)
}
