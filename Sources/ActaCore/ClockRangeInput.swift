/// Reads the times a secretary types for an item or the session: `09:05-10:40`, `09:05` (start
/// only), `-10:40` or `09:05-` (one end), also `9:05` and `09.05`.
public enum ClockRangeInput {
    public struct Clock: Sendable, Hashable {
        public let hour: Int
        public let minute: Int

        public init(hour: Int, minute: Int) {
            self.hour = hour
            self.minute = minute
        }
    }

    /// One wall-clock time, or nil.
    public static func clock(_ text: String) -> Clock? {
        let parts = text.trimmingSpaces().split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return Clock(hour: h, minute: m)
    }

    /// Start and end; nil when the text is not a time, a range, or half a range (or is empty).
    public static func parse(_ text: String) -> (start: Clock?, end: Clock?)? {
        let t = text.trimmingSpaces()
        guard !t.isEmpty else { return nil }
        let halves = t.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
        if halves.count == 1 { return clock(t).map { (start: $0, end: nil) } }
        let start = String(halves[0]).trimmingSpaces(), end = String(halves[1]).trimmingSpaces()
        let s = start.isEmpty ? nil : clock(start), e = end.isEmpty ? nil : clock(end)
        guard (start.isEmpty || s != nil), (end.isEmpty || e != nil), s != nil || e != nil else { return nil }
        return (s, e)
    }
}
