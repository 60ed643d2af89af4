/// One line of a scrolled pane, drawn later at whatever row the scroll puts it.
public struct PaneLine: Sendable {
    public struct Segment: Sendable {
        public var column: Int
        public var text: String
        public var role: Role
        public var limit: Int?
    }

    public var segments: [Segment] = []
    /// A run painted before the text (an active field's background).
    public var fill: (column: Int, width: Int, role: Role)?
    /// A run whose role is repainted after the text (a status in its colour, a selection bar).
    public var paint: (column: Int, width: Int, role: Role)?
    /// Where the terminal cursor goes on this line, when a field is being typed here.
    public var cursor: Int?
    /// The line holds what has the focus (the cursor, the selected acuerdo): scrolling keeps it in view.
    public var isFocus = false

    public init() {}

    public init(_ text: String, _ role: Role = .normal, column: Int = 0) {
        segments = [Segment(column: column, text: text, role: role, limit: nil)]
    }

    public mutating func put(_ text: String, column: Int, role: Role, limit: Int? = nil) {
        segments.append(Segment(column: column, text: text, role: role, limit: limit))
    }

    public func draw(into screen: inout Screen, row: Int, x: Int, width: Int) {
        if let fill { screen.fill(row: row, column: x + fill.column, width: fill.width, role: fill.role) }
        for s in segments {
            screen.put(s.text, row: row, column: x + s.column, role: s.role, limit: min(s.limit ?? width, width - s.column))
        }
        if let paint { screen.paint(row: row, column: x + paint.column, width: paint.width, role: paint.role) }
        if let cursor { screen.cursor = (row, x + cursor) }
    }

    /// The first line to show so that `preferred` is honoured when it can be and the focus is in view.
    public static func firstShown(_ lines: [PaneLine], height: Int, preferred: Int) -> Int {
        firstShown(count: lines.count, focus: DetailLayout(lines).focus, height: height, preferred: preferred)
    }

    /// The same, from the line count and the focus's first and last line.
    static func firstShown(count: Int, focus: ClosedRange<Int>?, height: Int, preferred: Int) -> Int {
        let maxStart = max(0, count - height)
        var start = min(max(0, preferred), maxStart)
        if let focus {
            if focus.upperBound >= start + height { start = min(maxStart, focus.upperBound - height + 1) }
            if focus.lowerBound < start { start = focus.lowerBound }
        }
        return start
    }

    /// A text field being typed, wrapped over as many lines as it needs, the cursor on its line.
    static func editing(_ field: TextField, column: Int, width: Int) -> [PaneLine] {
        let wrapped = field.wrapped(width: width)
        return wrapped.lines.enumerated().map { i, text in
            var line = PaneLine()
            line.fill = (column, width, .fieldActive)
            line.put(text, column: column, role: field.isSelected ? .selected : .fieldActive, limit: width)
            if i == wrapped.cursorLine {
                line.cursor = column + wrapped.cursorColumn
                line.isFocus = true
            }
            return line
        }
    }
}
