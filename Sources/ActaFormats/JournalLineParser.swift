/// Reads one journal line's JSON object straight from its UTF-8 bytes, without a JSONDecoder:
/// opening a long journal spent most of its time decoding lines one JSONDecoder at a time.
///
/// It only accepts what acta writes (one flat object of strings, integers, booleans and
/// nulls) and answers nil for anything else, malformed or merely unusual (a fraction, an
/// exponent, a repeated key, a nested value, a key it does not know); the caller then decodes the line with
/// JSONDecoder, whose errors name the problem. A line is never read differently by the two.
enum JournalLineParser {
    static func parse(_ text: String) -> JournalLine? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> JournalLine? {
        var cursor = Cursor(bytes: bytes)
        return cursor.object()
    }

    /// A JSON value of a journal line.
    enum Value {
        case string(String), integer(Int), boolean(Bool), null
    }

    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count {
                switch bytes[i] {
                case 0x20, 0x09, 0x0A, 0x0D: i += 1
                default: return
                }
            }
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
            return true
        }

        mutating func object() -> JournalLine? {
            guard expect(UInt8(ascii: "{")) else { return nil }
            var seq: Int?, at: String?, event: String?
            var fields: [(Field, Value)] = []
            var seen: UInt64 = 0
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { return nil }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let key = string() else { return nil }
                guard expect(UInt8(ascii: ":")) else { return nil }
                guard let value = value() else { return nil }
                if let field = Field(rawValue: key) {
                    let bit = UInt64(1) << field.bit
                    guard seen & bit == 0 else { return nil }
                    seen |= bit
                    switch (field, value) {
                    case (.seq, .integer(let n)): seq = n
                    case (.at, .string(let s)): at = s
                    case (.event, .string(let s)): event = s
                    case (.seq, _), (.at, _), (.event, _): return nil
                    default: fields.append((field, value))
                    }
                } else {
                    // A key added to the journal after this parser: JSONDecoder knows it.
                    return nil
                }
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; break }
                return nil
            }
            skipSpace()
            guard i == bytes.count, let seq, let at, let event else { return nil }
            var line = JournalLine(seq: seq, at: at, event: event)
            for (field, value) in fields {
                guard field.assign(value, to: &line) else { return nil }
            }
            return line
        }

        mutating func value() -> Value? {
            skipSpace()
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "t"): return literal("true") ? .boolean(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .boolean(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            default: return integer().map(Value.integer)
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count else { return false }
            for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
            i += n
            return true
        }

        /// An integer as JSON writes it; a fraction, an exponent or an overflow is left to JSONDecoder.
        mutating func integer() -> Int? {
            var negative = false
            if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            let start = i
            var value = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(bytes[i] - 0x30))
                guard !o1, !o2 else { return nil }
                value = a
                i += 1
            }
            guard i > start else { return nil }
            // JSON forbids leading zeros ("01").
            if bytes[start] == 0x30 && i - start > 1 { return nil }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                return nil
            }
            return negative ? -value : value
        }

        /// A string from its opening quote; escapes decoded, raw control characters refused.
        mutating func string() -> String? {
            i += 1
            let start = i
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    i += 1
                    return s
                }
                if b == UInt8(ascii: "\\") { return escapedString(from: start) }
                if b < 0x20 { return nil }
                i += 1
            }
            return nil
        }

        mutating func escapedString(from start: Int) -> String? {
            var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { return nil }
                guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
                i += 1
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var unit = hex4() else { return nil }
                    var scalar: Unicode.Scalar?
                    if (0xD800...0xDBFF).contains(unit) {
                        // A surrogate pair: the low half must follow as another \u escape.
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { return nil }
                        i += 2
                        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        scalar = Unicode.Scalar(unit)
                    } else {
                        scalar = Unicode.Scalar(unit)
                    }
                    guard let scalar else { return nil }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let d: UInt8
                switch b {
                case 0x30...0x39: d = b - 0x30
                case 0x41...0x46: d = b - 0x41 + 10
                case 0x61...0x66: d = b - 0x61 + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
                i += 1
            }
            return v
        }
    }

    /// The keys of a journal line, as `JournalLine` names them.
    enum Field: String, CaseIterable {
        case seq, at, event, seat, present, delegate, item, commitment, hito, status, percent, validated, rescheduled
        case evidence, note, text, number, kind, responsable, due, due_removed, session, date, target, recorder, speaker, time

        var bit: UInt64 { UInt64(Self.allCases.firstIndex(of: self)!) }

        /// Sets the field; false when the value has the wrong type (JSONDecoder then explains).
        func assign(_ value: Value, to line: inout JournalLine) -> Bool {
            if case .null = value { return true }
            switch self {
            case .seq, .at, .event: return true
            case .seat: return set(value, &line.seat)
            case .delegate: return set(value, &line.delegate)
            case .status: return set(value, &line.status)
            case .evidence: return set(value, &line.evidence)
            case .note: return set(value, &line.note)
            case .text: return set(value, &line.text)
            case .kind: return set(value, &line.kind)
            case .responsable: return set(value, &line.responsable)
            case .due: return set(value, &line.due)
            case .session: return set(value, &line.session)
            case .date: return set(value, &line.date)
            case .item: return set(value, &line.item)
            case .commitment: return set(value, &line.commitment)
            case .hito: return set(value, &line.hito)
            case .percent: return set(value, &line.percent)
            case .number: return set(value, &line.number)
            case .target: return set(value, &line.target)
            case .recorder: return set(value, &line.recorder)
            case .speaker: return set(value, &line.speaker)
            case .time: return set(value, &line.time)
            case .present: return set(value, &line.present)
            case .validated: return set(value, &line.validated)
            case .rescheduled: return set(value, &line.rescheduled)
            case .due_removed: return set(value, &line.due_removed)
            }
        }

        private func set(_ value: Value, _ field: inout String?) -> Bool {
            guard case .string(let s) = value else { return false }
            field = s
            return true
        }

        private func set(_ value: Value, _ field: inout Int?) -> Bool {
            guard case .integer(let n) = value else { return false }
            field = n
            return true
        }

        private func set(_ value: Value, _ field: inout Bool?) -> Bool {
            guard case .boolean(let b) = value else { return false }
            field = b
            return true
        }
    }
}
