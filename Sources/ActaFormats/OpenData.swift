import ActaCore
import Foundation

/// A licence for the published data (SPDX ids, as Frictionless expects them).
public struct DataLicense: Sendable, Hashable {
    public let id: String
    public let title: String
    public let path: String

    public static let known: [DataLicense] = [
        DataLicense(id: "CC-BY-4.0", title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/"),
        DataLicense(id: "CC-BY-SA-4.0", title: "Creative Commons Attribution Share-Alike 4.0", path: "https://creativecommons.org/licenses/by-sa/4.0/"),
        DataLicense(id: "CC0-1.0", title: "CC0 1.0", path: "https://creativecommons.org/publicdomain/zero/1.0/"),
        DataLicense(id: "ODC-BY-1.0", title: "Open Data Commons Attribution License 1.0", path: "https://opendatacommons.org/licenses/by/1-0/"),
        DataLicense(id: "ODbL-1.0", title: "Open Data Commons Open Database License 1.0", path: "https://opendatacommons.org/licenses/odbl/1-0/"),
        DataLicense(id: "PDDL-1.0", title: "Open Data Commons Public Domain Dedication and License 1.0", path: "https://opendatacommons.org/licenses/pddl/1-0/"),
    ]
    public static let `default` = known[0]

    public static func named(_ id: String) -> DataLicense? { known.first { $0.id.lowercased() == id.lowercased() } }
}

/// The open data of the sessions: the hitos reported (`milestones.csv`/`.json`), the acuerdos
/// (`action-items.csv`/`.json`), the same tables for `acta history` and `acta actions`, and the
/// Frictionless Data Package (`datapackage.json`) that describes them.
public enum OpenData {
    static let statusCodes = MilestoneStatus.allCases.map(\.rawValue)

    static func sessionFields(_ l: Language) -> [DataField] {
        let t = { (es: String, en: String) in l == .es ? es : en }
        return [
            DataField("session", .string, t("Carpeta de la sesión (identificador)", "Session folder (identifier)"), required: true),
            DataField("session_date", .date, t("Fecha de la sesión", "Date of the session"), required: true),
            DataField("acta", .string, t("Número del acta", "Minutes number"), required: true),
            DataField("demonstration", .boolean, t("true: sesión de demostración con datos ficticios", "true: demonstration session with fictitious data"), required: true),
        ]
    }

    static func sessionValues(_ named: NamedSession) -> [DataValue] { sessionValues(SessionSummary(named)) }

    static func sessionValues(_ s: SessionSummary) -> [DataValue] {
        [.text(s.name), .text(s.date.iso), .text(s.actaNumber), .boolean(s.isDemonstration)]
    }

    /// The fields of a hito report; `acta history` adds the previous report.
    public static func milestoneFields(_ l: Language, previous: Bool = false) -> [DataField] {
        let t = { (es: String, en: String) in l == .es ? es : en }
        var fields = sessionFields(l) + [
            DataField("plan", .string, t("Id del plan de acción", "Action plan id"), required: true),
            DataField("commitment", .integer, t("Número del compromiso en el plan", "Commitment number in the plan"), required: true, range: 1...999),
            DataField("ogp_id", .string, t("Id del compromiso en OGP (p. ej. GT0109)", "OGP commitment id (e.g. GT0109)")),
            DataField("hito", .integer, t("Número del hito en el compromiso", "Milestone number in the commitment"), required: true, range: 1...999),
            DataField("hito_text", .string, t("Texto del hito según las fuentes; vacío si no se conoce", "Milestone text as the sources give it; empty when unknown")),
            DataField("hito_text_lang", .string, t("Idioma de hito_text", "Language of hito_text"), allowed: ["es", "en"]),
            DataField("institution", .string, t("Institución que informa", "Reporting institution")),
            DataField("status", .string, t("Estado (código): no_evidence, not_started, limited, substantial, complete", "Status (code): no_evidence, not_started, limited, substantial, complete"), allowed: statusCodes),
            DataField("status_label", .string, t("Estado en palabras", "Status in words")),
            DataField("percent", .integer, t("Avance, en por ciento (0–100)", "Progress, in percent (0–100)"), range: 0...100),
            DataField("validated", .boolean, t("true: la mesa validó el porcentaje", "true: the mesa validated the percentage"), required: true),
            DataField("rescheduled", .boolean, t("true: hito replanificado", "true: milestone rescheduled"), required: true),
            DataField("evidence", .string, t("Evidencia (enlace o documento)", "Evidence (link or document)")),
            DataField("note", .string, t("Nota de la secretaría", "Secretary's note")),
        ]
        if previous {
            fields += [
                DataField("previous_status", .string, t("Estado en el informe anterior del hito (código)", "Status at the milestone's previous report (code)"), allowed: statusCodes),
                DataField("previous_percent", .integer, t("Avance en el informe anterior, en por ciento", "Progress at the previous report, in percent"), range: 0...100),
            ]
        }
        return fields
    }

    public static func milestoneRow(_ named: NamedSession, _ r: MilestoneReport, language l: Language) -> [DataValue] {
        let s = named.session
        var institution: String?
        if case .report(let seat, _, _)? = s.agenda.item(r.item)?.kind { institution = s.agenda.seat(seat)?.name ?? seat }
        return milestoneRow(sessionValues(named), r, plan: s.plan, institution: institution, language: l)
    }

    /// The same from a session's summary (from the session index) and its plan.
    public static func milestoneRow(_ s: SessionSummary, _ r: MilestoneReport, plan: Plan, language l: Language) -> [DataValue] {
        milestoneRow(sessionValues(s), r, plan: plan, institution: s.slots.first { $0.item == r.item }?.institution, language: l)
    }

    static func milestoneRow(_ session: [DataValue], _ r: MilestoneReport, plan: Plan, institution: String?, language l: Language) -> [DataValue] {
        let commitment = plan.commitment(r.key.commitment)
        let milestone = commitment?.milestone(r.key.milestone)
        let textLang: String? = milestone?.textES != nil ? "es" : milestone?.textEN != nil ? "en" : nil
        return session + [
            .text(plan.id), .integer(r.key.commitment), .optional(commitment?.ogpID), .integer(r.key.milestone),
            .optional(milestone?.text), .optional(textLang), .optional(institution),
            .optional(r.status?.rawValue), .optional(r.status?.label(l)), .optional(r.percent),
            .boolean(r.validated), .boolean(r.rescheduled),
            .optional(ControlCharacters.stripped(r.evidence, keepNewlines: true)),
            .optional(ControlCharacters.stripped(r.note, keepNewlines: true)),
        ]
    }

    /// Every hito reported in the session, in agenda order.
    public static func milestones(of named: NamedSession, language l: Language = .es) -> DataTable {
        DataTable(fields: milestoneFields(l), rows: named.session.orderedReports.map { milestoneRow(named, $0, language: l) })
    }

    /// Acuerdo status codes: `overdue` is open past its due date on the day considered.
    static let actionStatusCodes = ["open", "closed", "overdue"]

    public static func actionItemFields(_ l: Language) -> [DataField] {
        let t = { (es: String, en: String) in l == .es ? es : en }
        return sessionFields(l) + [
            DataField("acuerdo", .string, t("Referencia del acuerdo: acta y número (p. ej. 2-2023-01)", "Action item reference: minutes and number (e.g. 2-2023-01)"), required: true),
            DataField("number", .integer, t("Número del acuerdo en su acta", "Number of the action item in its minutes"), required: true, range: 1...9999),
            DataField("kind", .string, t("Tipo (código): decision o task", "Kind (code): decision or task"), allowed: ActionItemKind.allCases.map(\.rawValue)),
            DataField("kind_label", .string, t("Tipo en palabras", "Kind in words")),
            DataField("text", .string, t("Texto del acuerdo", "Text of the action item"), required: true),
            DataField("responsable", .string, t("Responsable", "Responsible party")),
            DataField("due", .date, t("Fecha límite", "Due date")),
            DataField("status", .string, t("Estado (código): open, closed u overdue (abierto con la fecha límite pasada)", "Status (code): open, closed or overdue (open past its due date)"), required: true, allowed: actionStatusCodes),
            DataField("status_label", .string, t("Estado en palabras", "Status in words")),
        ]
    }

    /// Acuerdos with their state on `day` (the session's date for a session's own data).
    public static func actionItems(_ items: [CarriedActionItem], archive: MesaArchive, on day: CalendarDate, language l: Language) -> DataTable {
        let t = { (es: String, en: String) in l == .es ? es : en }
        let rows = items.map { c -> [DataValue] in
            let named = archive.sessions.first { $0.name == c.ref.session }
            let session: [DataValue] = named.map { sessionValues($0) }
                ?? [.text(c.ref.session), .text(c.date.iso), .text(c.actaNumber), .boolean(false)]
            let status = c.item.closed ? "closed" : c.item.isOverdue(on: day) ? "overdue" : "open"
            let label = c.item.closed ? t("Cerrado", "Closed") : c.item.isOverdue(on: day) ? t("Vencido", "Overdue") : t("Abierto", "Open")
            return session + [
                .text(ActionItem.reference(acta: c.actaNumber, number: c.item.number)), .integer(c.item.number),
                .text(c.item.kind.rawValue), .text(c.item.kind.label(l)),
                .text(ControlCharacters.stripped(c.item.text, keepNewlines: true)), .optional(c.item.responsible),
                .optional(c.item.due?.iso), .text(status), .text(label),
            ]
        }
        return DataTable(fields: actionItemFields(l), rows: rows)
    }

    /// `datapackage.json`: the resources with their schemas, licence, sources and where the data comes from.
    public static func dataPackage(_ named: NamedSession, resources: [(name: String, path: String, table: DataTable)],
                                   license: DataLicense, bom: Bool, language l: Language) -> String {
        let s = named.session
        let t = { (es: String, en: String) in l == .es ? es : en }
        let name = "acta-" + String(named.name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
        var sources: [JSONValue] = (s.agenda.sources + s.plan.sources).map { source in
            .object([("title", .text(source)), ("path", .text(source))])
        }
        sources.insert(.object([("title", .text(t("Agenda y diario de la sesión (acta)", "The session's agenda and journal (acta)"))),
                                ("path", .text("agenda.yaml"))]), at: 0)
        var description = t("Hitos informados y acuerdos de la sesión de la Mesa Técnica de Gobierno Abierto del \(s.agenda.date.long(.es)), \(s.plan.name).",
                            "Milestones reported and action items of the Open Government Technical Roundtable session of \(s.agenda.date.long(.en)), \(s.plan.name).")
        if named.isDemonstration {
            description += t(" DATOS FICTICIOS: sesión de demostración.", " FICTITIOUS DATA: demonstration session.")
        }
        let package: JSONValue = .object([
            ("profile", .text("tabular-data-package")),
            ("name", .text(name)),
            ("title", .text("\(t("Acta", "Minutes")) \(s.agenda.actaNumber) — \(s.agenda.title)")),
            ("description", .text(description)),
            ("keywords", .array(["gobierno abierto", "open government", "OGP", s.plan.id].map(JSONValue.text))),
            ("licenses", .array([.object([("name", .text(license.id)), ("title", .text(license.title)), ("path", .text(license.path))])])),
            ("sources", .array(sources)),
            ("resources", .array(resources.map { r in
                .object([
                    ("name", .text(r.name)), ("path", .text(r.path)), ("profile", .text("tabular-data-resource")),
                    ("format", .text("csv")), ("mediatype", .text("text/csv")),
                    // Python's name for UTF-8 after a byte order mark, which frictionless reads.
                    ("encoding", .text(bom ? "utf-8-sig" : "utf-8")),
                    ("schema", r.table.schema),
                ])
            })),
        ])
        return package.text() + "\n"
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
