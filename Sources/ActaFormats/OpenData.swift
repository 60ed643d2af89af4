import ActaCore
import Foundation

/// One hito as reported in one session: a row of the open data.
public struct MilestoneRecord: Sendable, Hashable, Codable {
    public var session: String
    public var session_date: String
    public var acta: String
    public var plan: String
    public var commitment: Int
    public var hito: Int
    public var hito_text: String?
    public var institution: String
    public var status: String?
    public var percent: Int?
    public var validated: Bool
    public var rescheduled: Bool
    public var evidence: String
    public var note: String

    public static let columns = ["session", "session_date", "acta", "plan", "commitment", "hito", "hito_text", "institution",
                                 "status", "percent", "validated", "rescheduled", "evidence", "note"]

    public static func records(of session: NamedSession) -> [MilestoneRecord] {
        let s = session.session
        return s.orderedReports.map { r in
            let item = s.agenda.item(r.item)
            var institution = ""
            if case .report(let seat, _, _)? = item?.kind { institution = s.agenda.seat(seat)?.name ?? seat }
            return MilestoneRecord(
                session: session.name, session_date: s.agenda.date.iso, acta: s.agenda.actaNumber, plan: s.plan.id,
                commitment: r.key.commitment, hito: r.key.milestone,
                hito_text: s.plan.commitment(r.key.commitment)?.milestone(r.key.milestone)?.text,
                institution: institution, status: r.status?.rawValue, percent: r.percent, validated: r.validated,
                rescheduled: r.rescheduled,
                evidence: ControlCharacters.stripped(r.evidence, keepNewlines: true),
                note: ControlCharacters.stripped(r.note, keepNewlines: true))
        }
    }

    var fields: [String] {
        [session, session_date, acta, plan, String(commitment), String(hito), hito_text ?? "", institution, status ?? "",
         percent.map(String.init) ?? "", validated ? "true" : "false", rescheduled ? "true" : "false", evidence, note]
    }
}

/// `milestones.csv` and `milestones.json`.
public enum OpenData {
    public static func csv(_ records: [MilestoneRecord]) -> String {
        CSV.write([MilestoneRecord.columns] + records.map(\.fields))
    }

    public static func json(_ records: [MilestoneRecord]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard !records.isEmpty else { return "[]\n" }
        let data = (try? encoder.encode(records)) ?? Data("[]".utf8)
        return JSONText.escapingControls(String(decoding: data, as: UTF8.self)) + "\n"
    }
}

/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break.
public enum CSV {
    /// Every cell goes through `cell(_:)` (control characters, formula injection) before quoting.
    public static func write(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { text in
                let field = cell(text)
                if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                }
                return field
            }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }

    /// Reads RFC 4180 text back into rows (round trips, scripts' users, and imported spreadsheets
    /// whose delimiter may be `;` or TAB).
    public static func read(_ text: String, delimiter: Unicode.Scalar = ",") -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == delimiter {
                row.append(field); field = ""
            } else if c == "\r" || c == "\n" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
