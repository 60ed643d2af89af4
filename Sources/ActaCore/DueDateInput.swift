/// Reads a fecha límite as a secretary types it: `2023-08-15`, `15/08`, `15/08/2024`, `+2w`, `+10d`
/// (`s` for semanas too). Relative dates count from `base`, the session's date.
public enum DueDateInput {
    public static func parse(_ text: String, base: CalendarDate) -> CalendarDate? {
        let t = text.trimmingSpaces()
        if t.isEmpty { return nil }
        if let d = CalendarDate(iso: t) { return d }
        if t.hasPrefix("+"), let unit = t.last {
            // Digits only (no sign, no spaces); a count too large for Int is refused by Int(_:).
            let digits = t.dropFirst().dropLast()
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
            switch unit {
            case "d": return base.adding(days: n)
            case "w", "s":
                let (days, overflow) = n.multipliedReportingOverflow(by: 7)
                return overflow ? nil : base.adding(days: days)
            default: return nil
            }
        }
        let parts = t.split(separator: "/")
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        if parts.count == 3 {
            guard var year = Int(parts[2]), parts[2].count <= 4 else { return nil }
            if year < 100 { year += 2000 }
            return CalendarDate(year: year, month: month, day: day)
        }
        // Without a year: the first such day on or after the session.
        if let d = CalendarDate(year: base.year, month: month, day: day), !(d < base) { return d }
        return base.year < 9999 ? CalendarDate(year: base.year + 1, month: month, day: day) : nil
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
