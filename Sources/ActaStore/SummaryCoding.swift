import ActaCore
import ActaFormats

/// The session index's compact binary form of a summary: varints and length-prefixed UTF-8.
/// Decoding anything unexpected fails, and the index then rebuilds that entry from the files.
enum SummaryCoding {
    static let version = 2

    struct Writer {
        var bytes: [UInt8] = []

        mutating func int(_ v: Int) {
            // Zig-zag, then 7 bits a byte.
            var u = UInt64(bitPattern: Int64((v << 1) ^ (v >> 63)))
            while u >= 0x80 { bytes.append(UInt8(u & 0x7F) | 0x80); u >>= 7 }
            bytes.append(UInt8(u))
        }

        mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }

        mutating func string(_ s: String) {
            int(s.utf8.count)
            bytes.append(contentsOf: s.utf8)
        }

        mutating func optionalInt(_ v: Int?) {
            bool(v != nil)
            if let v { int(v) }
        }

        mutating func date(_ d: CalendarDate) { int(d.year * 10_000 + d.month * 100 + d.day) }
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var i = 0

        struct Malformed: Error {}

        mutating func byte() throws(Malformed) -> UInt8 {
            guard i < bytes.count else { throw Malformed() }
            defer { i += 1 }
            return bytes[i]
        }

        mutating func int() throws(Malformed) -> Int {
            var u: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = try byte()
                guard shift < 64 else { throw Malformed() }
                u |= UInt64(b & 0x7F) << shift
                if b < 0x80 { break }
                shift += 7
            }
            let v = Int64(bitPattern: u)
            return Int((v >> 1) ^ -(v & 1))
        }

        mutating func bool() throws(Malformed) -> Bool { try byte() != 0 }

        mutating func string() throws(Malformed) -> String {
            let n = try int()
            guard n >= 0, i + n <= bytes.count else { throw Malformed() }
            defer { i += n }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[i..<(i + n)]), as: UTF8.self)
        }

        mutating func optionalInt() throws(Malformed) -> Int? { try bool() ? try int() : nil }

        mutating func date() throws(Malformed) -> CalendarDate {
            let v = try int()
            guard let d = CalendarDate(year: v / 10_000, month: v / 100 % 100, day: v % 100) else { throw Malformed() }
            return d
        }

        mutating func count() throws(Malformed) -> Int {
            let n = try int()
            guard n >= 0, n <= bytes.count else { throw Malformed() }
            return n
        }
    }

    static func encode(_ s: SessionSummary) -> [UInt8] {
        var w = Writer()
        w.int(version)
        w.string(s.name); w.date(s.date); w.string(s.actaNumber); w.string(s.title); w.string(s.planID)
        w.bool(s.isDemonstration)
        w.int(s.reports.count)
        for r in s.reports { w.report(r) }
        w.int(s.actionItems.count)
        for a in s.actionItems { w.actionItem(a) }
        let closures = s.carriedClosures.sorted { $0.key < $1.key }
        w.int(closures.count)
        for (ref, closed) in closures { w.string(ref.session); w.int(ref.number); w.bool(closed) }
        w.int(s.slots.count)
        for slot in s.slots {
            w.int(slot.item); w.string(slot.institution); w.int(slot.commitment)
            w.int(slot.milestones.count)
            for m in slot.milestones { w.int(m) }
        }
        return w.bytes
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws(Reader.Malformed) -> SessionSummary {
        var r = Reader(bytes: bytes)
        guard try r.int() == version else { throw Reader.Malformed() }
        let name = try r.string(), date = try r.date(), acta = try r.string(), title = try r.string(), plan = try r.string()
        let demonstration = try r.bool()
        var reports: [MilestoneReport] = []
        for _ in 0..<(try r.count()) { reports.append(try r.report()) }
        var items: [ActionItem] = []
        for _ in 0..<(try r.count()) { items.append(try r.actionItem()) }
        var closures: [ActionItemRef: Bool] = [:]
        for _ in 0..<(try r.count()) {
            let session = try r.string(), number = try r.int()
            closures[ActionItemRef(session: session, number: number)] = try r.bool()
        }
        var slots: [SessionSummary.ReportSlot] = []
        for _ in 0..<(try r.count()) {
            let item = try r.int(), institution = try r.string(), c = try r.int()
            var milestones: [Int] = []
            for _ in 0..<(try r.count()) { milestones.append(try r.int()) }
            slots.append(SessionSummary.ReportSlot(item: item, institution: institution, commitment: c, milestones: milestones))
        }
        guard r.i == bytes.count else { throw Reader.Malformed() }
        return SessionSummary(name: name, date: date, actaNumber: acta, title: title, planID: plan, isDemonstration: demonstration,
                              reports: reports, actionItems: items, carriedClosures: closures, slots: slots)
    }
}
