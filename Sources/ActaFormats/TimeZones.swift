import ActaCore
import Foundation
import Synchronization

/// IANA time zones from the system's database: a session's times are the mesa's local time,
/// whatever the machine's `TZ` says.
public enum TimeZones {
    public static let defaultIdentifier = Session.defaultTimeZone

    public static func isKnown(_ identifier: String) -> Bool { file(identifier) != nil || zone(identifier) != nil }

    /// Zones read from their tz database file (see ZoneInfo: no ICU at start), misses included.
    private static let files = Mutex<[String: ZoneInfo?]>([:])

    static func file(_ identifier: String) -> ZoneInfo? {
        if let known = files.withLock({ $0[identifier] }) { return known }
        let info = ZoneInfo.load(identifier)
        files.withLock { $0[identifier] = .some(info) }
        return info
    }

    /// Zones already read from the database: the record screen asks for the time on every key
    /// and every second, and reading the zone each time was a good part of an idle second.
    private static let zones = Mutex<[String: TimeZone]>([:])

    static func zone(_ identifier: String) -> TimeZone? {
        if let known = zones.withLock({ $0[identifier] }) { return known }
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        zones.withLock { $0[identifier] = zone }
        return zone
    }

    /// Minutes east of UTC in the zone at that instant (daylight saving included); 0 for an unknown zone.
    public static func offsetMinutes(_ identifier: String, atEpochSeconds seconds: Int) -> Int {
        if let known = file(identifier)?.offset(atEpochSeconds: seconds) { return known.seconds / 60 }
        guard let zone = zone(identifier) else { return 0 }
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))) / 60
    }

    /// The same instant written in the zone's local time.
    public static func local(_ t: Timestamp, in identifier: String) -> Timestamp {
        Timestamp(epochSeconds: t.epochSeconds, offsetMinutes: offsetMinutes(identifier, atEpochSeconds: t.epochSeconds))
    }

    /// Now, in the zone's local time.
    public static func now(in identifier: String) -> Timestamp {
        let seconds = Int(Date().timeIntervalSince1970.rounded(.down))
        return Timestamp(epochSeconds: seconds, offsetMinutes: currentOffset(identifier, atEpochSeconds: seconds))
    }

    /// The zone's offset now, asked of the database again only once the zone's next change of
    /// offset (daylight saving) has passed: the record screen asks every second.
    private static let offsets = Mutex<[String: (offset: Int, from: Int, until: Int)]>([:])

    private static func currentOffset(_ identifier: String, atEpochSeconds seconds: Int) -> Int {
        if let known = offsets.withLock({ $0[identifier] }), known.from <= seconds, seconds < known.until { return known.offset }
        if let known = file(identifier)?.offset(atEpochSeconds: seconds) {
            offsets.withLock { $0[identifier] = (known.seconds / 60, seconds, known.until) }
            return known.seconds / 60
        }
        let offset = offsetMinutes(identifier, atEpochSeconds: seconds)
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        let next = zone(identifier)?.nextDaylightSavingTimeTransition(after: date).map { Int($0.timeIntervalSince1970.rounded(.down)) }
        offsets.withLock { $0[identifier] = (offset, seconds, next ?? Int.max) }
        return offset
    }

    /// The instant at a wall-clock time of a day in the zone (the offset of that moment, daylight saving included).
    public static func timestamp(_ day: CalendarDate, hour: Int, minute: Int, in identifier: String) -> Timestamp {
        let local = day.daysSinceEpoch * 86400 + hour * 3600 + minute * 60
        // Two steps settle the offset, even on the day a zone changes it.
        let first = offsetMinutes(identifier, atEpochSeconds: local)
        let offset = offsetMinutes(identifier, atEpochSeconds: local - first * 60)
        return Timestamp(epochSeconds: local - offset * 60, offsetMinutes: offset)
    }
}
