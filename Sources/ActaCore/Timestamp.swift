/// An instant as written in the journal: local wall-clock time with its UTC offset,
/// e.g. `2023-03-29T09:02:11-06:00` (Guatemala is UTC-6).
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let epochSeconds: Int
    /// Offset of the local time from UTC, in minutes (Guatemala: -360).
    public let offsetMinutes: Int

    public init(epochSeconds: Int, offsetMinutes: Int) {
        self.epochSeconds = epochSeconds
        self.offsetMinutes = offsetMinutes
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS±HH:MM` (or `Z`).
    public init?(iso: String) {
        let chars = Array(iso.utf8)
        guard chars.count == 20 || chars.count == 25 else { return nil }
        func num(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in from..<(from + count) {
                let c = chars[i]
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"), chars[10] == UInt8(ascii: "T"),
              chars[13] == UInt8(ascii: ":"), chars[16] == UInt8(ascii: ":"),
              let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2),
              let h = num(11, 2), let mi = num(14, 2), let s = num(17, 2),
              h < 24, mi < 60, s < 60, let date = CalendarDate(year: y, month: mo, day: d) else { return nil }
        var offset = 0
        if chars.count == 20 {
            guard chars[19] == UInt8(ascii: "Z") else { return nil }
        } else {
            guard chars[22] == UInt8(ascii: ":"), let oh = num(20, 2), let om = num(23, 2), oh < 24, om < 60 else { return nil }
            switch chars[19] {
            case UInt8(ascii: "+"): offset = oh * 60 + om
            case UInt8(ascii: "-"): offset = -(oh * 60 + om)
            default: return nil
            }
        }
        let local = date.daysSinceEpoch * 86400 + h * 3600 + mi * 60 + s
        self.init(epochSeconds: local - offset * 60, offsetMinutes: offset)
    }

    private var localSeconds: Int { epochSeconds + offsetMinutes * 60 }

    /// Timestamps are parsed with a date in 0001–9999 or taken from the clock; clamping keeps
    /// a value built any other way from trapping.
    public var localDate: CalendarDate {
        let days = Int((Double(localSeconds) / 86400).rounded(.down))
        let range = CalendarDate.supportedDays
        return CalendarDate(daysSinceEpoch: min(max(days, range.lowerBound), range.upperBound))!
    }

    private var secondsOfDay: Int {
        let r = localSeconds % 86400
        return r < 0 ? r + 86400 : r
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// Local hour (0–23) and minute.
    public var hour: Int { secondsOfDay / 3600 }
    public var minute: Int { secondsOfDay / 60 % 60 }

    /// Local `HH:MM`.
    public var clock: String {
        let s = secondsOfDay
        return "\(Self.two(s / 3600)):\(Self.two(s / 60 % 60))"
    }

    /// Local `HH:MM:SS`.
    public var clockWithSeconds: String {
        "\(clock):\(Self.two(secondsOfDay % 60))"
    }

    public var iso: String {
        let sign = offsetMinutes < 0 ? "-" : "+"
        let o = abs(offsetMinutes)
        return "\(localDate.iso)T\(clockWithSeconds)\(sign)\(Self.two(o / 60)):\(Self.two(o % 60))"
    }

    public var description: String { iso }

    public func adding(seconds: Int) -> Timestamp {
        Timestamp(epochSeconds: epochSeconds + seconds, offsetMinutes: offsetMinutes)
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.epochSeconds < b.epochSeconds }
    public static func == (a: Timestamp, b: Timestamp) -> Bool {
        a.epochSeconds == b.epochSeconds && a.offsetMinutes == b.offsetMinutes
    }
}
