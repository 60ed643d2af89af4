/// Reads a fecha límite as a secretary types it: `2023-08-15`, `15/08`, `15/08/2024`, `+2w`, `+10d`
/// (`s` for semanas too). Relative dates count from `base`, the session's date.
public enum DueDateInput {
    public static func parse(_ text: String, base: CalendarDate) -> CalendarDate? {
        let t = text.trimmingSpaces()
        if t.isEmpty { return nil }
        if let d = CalendarDate(iso: t) { return d }
        if t.hasPrefix("+"), let unit = t.last, let n = Int(t.dropFirst().dropLast()), n >= 0 {
            switch unit {
            case "d": return base.adding(days: n)
            case "w", "s": return base.adding(days: 7 * n)
            default: return nil
            }
        }
        let parts = t.split(separator: "/")
        guard parts.count == 2 || parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        if parts.count == 3 {
            guard var year = Int(parts[2]) else { return nil }
            if year < 100 { year += 2000 }
            return CalendarDate(year: year, month: month, day: day)
        }
        // Without a year: the first such day on or after the session.
        if let d = CalendarDate(year: base.year, month: month, day: day), !(d < base) { return d }
        return CalendarDate(year: base.year + 1, month: month, day: day)
    }
}

extension String {
    /// The text without leading and trailing white space.
    public func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
