@testable import ActaFormats
import Foundation
import Testing

/// Offsets read from the tz database file agree with Foundation's (ICU's) for the same instants.
@Suite struct ZoneInfoTests {
    @Test(arguments: ["America/Guatemala", "America/Mexico_City", "America/New_York", "Europe/Madrid", "UTC", "Etc/GMT+6", "Asia/Kolkata"])
    func offsetsAgreeWithFoundation(_ identifier: String) throws {
        let info = try #require(ZoneInfo.load(identifier), "no tz database file for \(identifier)")
        let zone = try #require(TimeZone(identifier: identifier))
        // Every 6 days 11 hours from 1990 to 2035, and around every change the file lists.
        var instants = Array(stride(from: 631_152_000, to: 2_051_222_400, by: 558_000))
        instants += info.transitions.filter { $0 > 631_152_000 && $0 < 2_051_222_400 }.flatMap { [Int($0) - 1, Int($0), Int($0) + 1] }
        for t in instants {
            let expected = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(t)))
            if let found = info.offset(atEpochSeconds: t) {
                #expect(found.seconds == expected, "\(identifier) at \(t)")
                #expect(found.until > t)
            }
            #expect(TimeZones.offsetMinutes(identifier, atEpochSeconds: t) == expected / 60, "\(identifier) at \(t)")
        }
    }

    @Test func zonesWithoutDaylightSavingAnswerPastTheirTable() throws {
        let guatemala = try #require(ZoneInfo.load("America/Guatemala"))
        #expect(guatemala.offset(atEpochSeconds: 4_102_444_800)?.seconds == -6 * 3600)  // 2100
        #expect(ZoneInfo.fixedOffset("CST6") == -21600)
        #expect(ZoneInfo.fixedOffset("<-03>3") == -10800)
        #expect(ZoneInfo.fixedOffset("<+0530>-5:30") == 19800)
        #expect(ZoneInfo.fixedOffset("UTC0") == 0)
        #expect(ZoneInfo.fixedOffset("EST5EDT,M3.2.0,M11.1.0") == nil)
    }

    @Test func onlyZoneFilesAreRead() {
        for name in ["", "/etc/passwd", "../../etc/passwd", "America/../../../etc/passwd", "No/Such_Zone", "America"] {
            #expect(ZoneInfo.load(name) == nil, "\(name)")
        }
        #expect(ZoneInfo(Array("TZif2 not really".utf8)) == nil)
        #expect(ZoneInfo([]) == nil)
        #expect(!TimeZones.isKnown("No/Such_Zone"))
        #expect(TimeZones.isKnown("America/Guatemala"))
    }
}
