#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A time zone as the system's tz database file describes it (TZif, RFC 8536, under
/// /usr/share/zoneinfo): the offsets a session needs, read without Foundation's ICU, whose
/// time zone data costs ~0.5 ms and ~0.5 MiB at every start of `acta record`. It answers only
/// what the file says for sure; past the last listed change, a zone with daylight saving rules
/// answers nil and `TimeZones` asks Foundation instead.
struct ZoneInfo: Sendable {
    /// UTC seconds at which the offset changes, ascending, and the offset in seconds from each.
    let transitions: [Int64]
    let offsets: [Int]
    /// Before the first change (the file's first local time type).
    let initialOffset: Int
    /// After the last change, when the file's rule has no daylight saving; nil otherwise.
    let finalOffset: Int?

    static let folder = "/usr/share/zoneinfo"

    /// The zone's file, or nil when it is missing or not a TZif file (or the name could climb out of the folder).
    static func load(_ identifier: String) -> ZoneInfo? {
        guard !identifier.isEmpty, !identifier.hasPrefix("/"), !identifier.split(separator: "/").contains(".."),
              identifier.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        let fd = open("\(folder)/\(identifier)", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while bytes.count < 1 << 20 {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            bytes += chunk[0..<n]
        }
        return ZoneInfo(bytes)
    }

    init?(_ bytes: [UInt8]) {
        func be(_ at: Int, _ size: Int) -> Int64? {
            guard at >= 0, at + size <= bytes.count else { return nil }
            var v: UInt64 = 0
            for b in bytes[at..<at + size] { v = v << 8 | UInt64(b) }
            // Sign-extend 32-bit values.
            return size == 4 ? Int64(Int32(bitPattern: UInt32(v))) : Int64(bitPattern: v)
        }
        func counts(_ at: Int) -> (isut: Int, isstd: Int, leap: Int, time: Int, type: Int, char: Int)? {
            guard bytes.count >= at + 44, bytes[at..<at + 4].elementsEqual(Array("TZif".utf8)) else { return nil }
            let c = (0..<6).compactMap { be(at + 20 + $0 * 4, 4).map(Int.init) }
            guard c.count == 6, c.allSatisfy({ $0 >= 0 && $0 < 1 << 20 }) else { return nil }
            return (c[0], c[1], c[2], c[3], c[4], c[5])
        }
        guard let first = counts(0) else { return nil }
        var header = 0, timeSize = 4, n = first
        if bytes[4] >= UInt8(ascii: "2") {
            // Version 2 and later repeat the data with 64-bit times after the version 1 block.
            header = 44 + first.time * 5 + first.type * 6 + first.char + first.leap * 8 + first.isstd + first.isut
            guard let second = counts(header) else { return nil }
            n = second
            timeSize = 8
        }
        var at = header + 44
        var transitions: [Int64] = []
        for k in 0..<n.time {
            guard let t = be(at + k * timeSize, timeSize) else { return nil }
            transitions.append(t)
        }
        at += n.time * timeSize
        guard at + n.time + n.type * 6 <= bytes.count, n.type > 0 else { return nil }
        let indexes = bytes[at..<at + n.time].map(Int.init)
        at += n.time
        var types: [Int] = []
        for k in 0..<n.type {
            guard let offset = be(at + k * 6, 4) else { return nil }
            types.append(Int(offset))
        }
        guard indexes.allSatisfy({ $0 < types.count }) else { return nil }
        at += n.type * 6 + n.char + n.leap * (timeSize + 4) + n.isstd + n.isut
        self.transitions = transitions
        offsets = indexes.map { types[$0] }
        initialOffset = types[0]
        // The footer (version 2+): a POSIX TZ rule for times after the table, between newlines.
        if timeSize == 8, at < bytes.count, bytes[at] == 0x0A, let end = bytes[(at + 1)...].firstIndex(of: 0x0A) {
            finalOffset = Self.fixedOffset(String(decoding: bytes[(at + 1)..<end], as: UTF8.self))
        } else {
            finalOffset = nil
        }
    }

    /// The offset of a POSIX TZ rule without daylight saving ("CST6", "<-03>3", "UTC0"), else nil.
    static func fixedOffset(_ rule: String) -> Int? {
        var s = Substring(rule)
        if s.hasPrefix("<") {
            guard let close = s.firstIndex(of: ">") else { return nil }
            s = s[s.index(after: close)...]
        } else {
            let name = s.prefix { $0.isLetter }
            guard name.count >= 3 else { return nil }
            s = s.dropFirst(name.count)
        }
        var sign = 1
        if s.hasPrefix("-") { sign = -1; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        let seconds = numbers[0] * 3600 + (numbers.count > 1 ? numbers[1] * 60 : 0) + (numbers.count > 2 ? numbers[2] : 0)
        // POSIX offsets are west of UTC; ours east.
        return -sign * seconds
    }

    /// The offset in seconds at that instant, and the instant it may next change (Int.max when
    /// never); nil when only the zone's daylight saving rule could say.
    func offset(atEpochSeconds t: Int) -> (seconds: Int, until: Int)? {
        // The last change at or before t.
        var lo = 0, hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if transitions[mid] <= Int64(t) { lo = mid + 1 } else { hi = mid }
        }
        if transitions.isEmpty { return finalOffset.map { ($0, Int.max) } }
        if lo == 0 { return (initialOffset, Int(transitions[0])) }
        if lo < transitions.count { return (offsets[lo - 1], Int(transitions[lo])) }
        guard let finalOffset else { return nil }
        return (finalOffset, Int.max)
    }
}
