import ActaCore
import Foundation

/// A value of the open data: codes, numbers and booleans, never localised words.
public enum DataValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case boolean(Bool)
    case null

    public static func optional(_ text: String?) -> DataValue { text.map { $0.isEmpty ? .null : .text($0) } ?? .null }
    public static func optional(_ n: Int?) -> DataValue { n.map { .integer($0) } ?? .null }

    /// The cell as CSV writes it: `true`/`false`, empty for null.
    var csv: String {
        switch self {
        case .text(let s): return s
        case .integer(let n): return String(n)
        case .boolean(let b): return b ? "true" : "false"
        case .null: return ""
        }
    }
}

/// A column of the open data and its Table Schema (Frictionless) description.
public struct DataField: Sendable {
    public enum Kind: String, Sendable { case string, integer, boolean, date }

    public let name: String
    public let kind: Kind
    public let description: String
    public let required: Bool
    public let allowed: [String]?
    public let range: ClosedRange<Int>?

    public init(_ name: String, _ kind: Kind, _ description: String, required: Bool = false,
                allowed: [String]? = nil, range: ClosedRange<Int>? = nil) {
        self.name = name
        self.kind = kind
        self.description = description
        self.required = required
        self.allowed = allowed
        self.range = range
    }
}

/// Rows of typed values under named fields: written as CSV (RFC 4180, codes) and as JSON (every
/// field in every record, `null` where empty, keys in the fields' order), and described as a
/// Frictionless Table Schema.
public struct DataTable: Sendable {
    public let fields: [DataField]
    public var rows: [[DataValue]]

    public init(fields: [DataField], rows: [[DataValue]] = []) {
        self.fields = fields
        self.rows = rows
    }

    /// With `bom`, UTF-8 with a byte order mark so that Excel reads accents right.
    public func csv(bom: Bool = false) -> String {
        (bom ? "\u{FEFF}" : "") + CSV.write([fields.map(\.name)] + rows.map { $0.map(\.csv) })
    }

    public func json() -> String {
        guard !rows.isEmpty else { return "[]\n" }
        let records = rows.map { row in
            "  {\n" + zip(fields, row).map { field, value in "    \(JSONValue.string(field.name)): \(JSONValue.of(value))" }
                .joined(separator: ",\n") + "\n  }"
        }
        return "[\n" + records.joined(separator: ",\n") + "\n]\n"
    }

    /// The Table Schema, as a JSON value.
    public var schema: JSONValue {
        .object([("fields", .array(fields.map { f -> JSONValue in
            var constraints: [(String, JSONValue)] = []
            if f.required { constraints.append(("required", .bool(true))) }
            if let allowed = f.allowed { constraints.append(("enum", .array(allowed.map(JSONValue.text)))) }
            if let range = f.range {
                constraints.append(("minimum", .number(range.lowerBound)))
                constraints.append(("maximum", .number(range.upperBound)))
            }
            var properties: [(String, JSONValue)] = [("name", .text(f.name)), ("type", .text(f.kind.rawValue)),
                                                     ("description", .text(f.description))]
            if !constraints.isEmpty { properties.append(("constraints", .object(constraints))) }
            return .object(properties)
        }))])
    }
}

/// A JSON value written with its keys in the given order (JSONEncoder sorts or shuffles them).
public indirect enum JSONValue: Sendable {
    case text(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func of(_ value: DataValue) -> String {
        switch value {
        case .text(let s): return string(s)
        case .integer(let n): return String(n)
        case .boolean(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    /// A JSON string literal, control characters escaped.
    static func string(_ s: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(s)) ?? Data("\"\"".utf8)
        return JSONText.escapingControls(String(decoding: data, as: UTF8.self))
    }

    /// Pretty-printed with two spaces.
    public func text(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .text(let s): return Self.string(s)
        case .number(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { return "{}" }
            return "{\n" + pairs.map { inner + Self.string($0.0) + ": " + $0.1.text(indent: inner) }.joined(separator: ",\n")
                + "\n" + indent + "}"
        }
    }
}
