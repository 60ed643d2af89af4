import ActaCore
import Foundation

/// The wall clock as journal timestamps: local time with its UTC offset.
enum Clock {
    static func now() -> Timestamp {
        let date = Date()
        let offset = TimeZone.current.secondsFromGMT(for: date) / 60
        return Timestamp(epochSeconds: Int(date.timeIntervalSince1970.rounded(.down)), offsetMinutes: offset)
    }
}
