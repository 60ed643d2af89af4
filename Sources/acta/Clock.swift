import ActaCore
import ActaFormats

/// The wall clock as journal timestamps: the mesa's local time with its UTC offset, whatever
/// the machine's `TZ` (Guatemala's unless the session says otherwise).
enum Clock {
    static func now(in zone: String = TimeZones.defaultIdentifier) -> Timestamp {
        TimeZones.now(in: zone)
    }
}
