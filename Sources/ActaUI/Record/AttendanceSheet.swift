import ActaCore

/// Taking attendance: a cursor over the seats and, while a delegate's name is typed, its field.
public struct AttendanceSheet: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case stay
        /// Record this seat's attendance; `typed` when the delegate's name was typed (its draft is done).
        case mark(seat: String, present: Bool, delegate: String?, typed: Bool)
        case cancelledDelegate
        case close
        /// A command of the whole screen (undo, quit, add acuerdo…), to be handled by the screen.
        case screenCommand
    }

    public private(set) var selection: Int
    public var delegate: TextField?

    public init(selection: Int = 0, delegate: TextField? = nil) {
        self.selection = selection
        self.delegate = delegate
    }

    public var contexts: [KeyContext] { delegate == nil ? [.attendance, .global] : [.form, .text] }

    public mutating func handle(_ key: Key, seats: [Seat], attendance: [String: Attendance], keyMap: KeyMap) -> Outcome {
        guard !seats.isEmpty else { return .close }
        let last = seats.count - 1
        if var field = delegate {
            switch keyMap.command(for: key, in: [.form]) {
            case .cancel?:
                delegate = nil
                return .cancelledDelegate
            case .accept?:
                let name = field.text.trimmingSpaces()
                let seat = seats[selection].id
                delegate = nil
                selection = min(selection + 1, last)
                return .mark(seat: seat, present: true, delegate: name.isEmpty ? nil : name, typed: true)
            default:
                _ = field.handle(key)
                delegate = field
                return .stay
            }
        }
        switch keyMap.command(for: key, in: [.attendance, .global]) {
        case .moveDown?: selection = min(selection + 1, last)
        case .moveUp?: selection = max(0, selection - 1)
        case .markPresent?:
            // One key per state: pressing it again never flips the seat back.
            let seat = seats[selection]
            selection = min(selection + 1, last)
            return .mark(seat: seat.id, present: true, delegate: attendance[seat.id]?.delegate ?? seat.delegates.first, typed: false)
        case .markAbsent?:
            let seat = seats[selection]
            selection = min(selection + 1, last)
            return .mark(seat: seat.id, present: false, delegate: nil, typed: false)
        case .editDelegate?:
            let seat = seats[selection]
            delegate = TextField(attendance[seat.id]?.delegate ?? seat.delegates.first ?? "", selected: true)
        case .back?: return .close
        case nil: break
        default: return .screenCommand
        }
        return .stay
    }
}
