import ActaUI
import CNcurses

/// Turns what `wget_wch` returned into a `Key`: a pure function, tested without a terminal.
public struct KeyDecoder: Sendable {
    /// Codes ncurses assigns at run time to Ctrl+arrows (from terminfo's kLFT5/kRIT5).
    public var wordLeftCode: Int32?
    public var wordRightCode: Int32?

    public init(wordLeftCode: Int32? = nil, wordRightCode: Int32? = nil) {
        self.wordLeftCode = wordLeftCode
        self.wordRightCode = wordRightCode
    }

    /// `status` is wget_wch's result (OK or KEY_CODE_YES); `value` what it stored.
    public func decode(status: Int32, value: UInt32) -> Key? {
        if status == KEY_CODE_YES {
            let code = Int32(bitPattern: value)
            switch code {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
            default:
                if let w = wordLeftCode, code == w { return .wordLeft }
                if let w = wordRightCode, code == w { return .wordRight }
                return nil
            }
        }
        guard status == OK else { return nil }
        switch value {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return nil
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
