import ActaCore
import Yams

/// Reads `sessions/plans/<id>.yaml`.
public enum PlanLoader {
    static let planFields = ["id", "name", "period", "sources", "notes", "commitments", "time_zone", "country"]
    static let commitmentFields = ["number", "ogp_id", "title_es", "title_en", "institution", "institution_short",
                                   "support", "hitos", "sources", "notes", "number_status", "summary_en"]
    static let milestoneFields = ["number", "text", "text_es", "text_en", "start", "end", "sources", "notes"]

    /// A plan id names a file in `plans/`: letters, digits, `.`, `_`, `-`, not starting with a dot,
    /// so an agenda cannot make acta read a file elsewhere (`../../x`).
    public static func isPlanID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 100 && !id.hasPrefix(".")
            && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }

    /// Checks an id read from `key` of a YAML file.
    static func checkID(_ id: String, _ fields: YAMLFields, key: String) throws(Diagnostic) {
        guard !isPlanID(id), let node = fields.value(key) else { return }
        throw fields.error(at: node, es: "«\(key)»: «\(ControlCharacters.shown(id))» no es un id de plan; use solo letras, cifras, «.», «_» y «-», p. ej. \(key): gt-pan5-2021-2023",
                           en: "“\(key)”: “\(ControlCharacters.shown(id))” is not a plan id; use only letters, digits, “.”, “_” and “-”, e.g. \(key): gt-pan5-2021-2023")
    }

    /// A hito's start or end as plans give them: a year, a month or a day (`2023`, `2023-07`, `2023-07-15`).
    static func isPartialDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        switch parts.count {
        case 1: return parts[0].count == 4 && (1...9999).contains(Int(parts[0]) ?? 0)
        case 2: return parts[0].count == 4 && parts[1].count == 2 && CalendarDate(iso: text + "-01") != nil
        case 3: return CalendarDate(iso: text) != nil
        default: return false
        }
    }

    public static func load(_ text: String, file: String) throws(Diagnostics) -> Plan {
        var problems: [Diagnostic] = []
        do {
            let root = try YAMLFields(try YAMLDocument.parse(text, file: file), file: file,
                                      what: LocalizedText(es: "un plan", en: "a plan"))
            try root.rejectUnknown(allowed: planFields)
            let id = try root.string("id")
            try checkID(id, root, key: "id")
            let name = try root.string("name")
            var commitments: [Commitment] = []
            var seen: [Int: Int] = [:]
            for node in try root.list("commitments", required: true) {
                do throws(Diagnostic) {
                    let c = try commitment(node, file: file)
                    if let line = seen[c.number] {
                        throw root.error(at: node, es: "compromiso \(c.number) repetido (ya definido en la línea \(line)); numere cada compromiso una vez",
                                         en: "commitment \(c.number) repeated (already defined at line \(line)); number each commitment once")
                    }
                    seen[c.number] = node.mark?.line ?? 0
                    commitments.append(c)
                } catch {
                    problems.append(error)
                }
            }
            let timeZone = try root.optionalString("time_zone")
            if let timeZone, let node = root.value("time_zone"), !TimeZones.isKnown(timeZone) {
                problems.append(root.error(at: node, es: "«time_zone»: «\(timeZone)» no es una zona horaria IANA; use p. ej. America/Guatemala",
                                           en: "“time_zone”: “\(timeZone)” is not an IANA time zone; use e.g. America/Guatemala"))
            }
            if problems.isEmpty {
                return Plan(id: id, name: name, commitments: commitments, timeZone: timeZone, sources: try root.stringList("sources"))
            }
        } catch {
            problems.append(error)
        }
        throw Diagnostics(problems)
    }

    static func commitment(_ node: Node, file: String) throws(Diagnostic) -> Commitment {
        let f = try YAMLFields(node, file: file, what: LocalizedText(es: "un compromiso", en: "a commitment"))
        try f.rejectUnknown(allowed: commitmentFields)
        let number = try f.int("number", range: 1...999)
        var milestones: [Milestone] = []
        for m in try f.list("hitos") {
            let h = try YAMLFields(m, file: file, what: LocalizedText(es: "un hito", en: "a milestone"))
            try h.rejectUnknown(allowed: milestoneFields)
            let n = try h.int("number", range: 1...999)
            if milestones.contains(where: { $0.number == n }) {
                throw h.error(at: m, es: "hito \(number).\(n) repetido; numere cada hito una vez",
                              en: "milestone \(number).\(n) repeated; number each milestone once")
            }
            var bounds: [String?] = []
            for key in ["start", "end"] {
                let value = try h.optionalString(key)
                if let value, !isPartialDate(value), let node = h.value(key) {
                    throw h.error(at: node, es: "«\(key)»: «\(ControlCharacters.shown(value))» no es una fecha posible; use AAAA, AAAA-MM o AAAA-MM-DD (años 0001–9999), p. ej. \(key): \"2023-07\"",
                                  en: "“\(key)”: “\(ControlCharacters.shown(value))” is not a possible date; use YYYY, YYYY-MM or YYYY-MM-DD (years 0001–9999), e.g. \(key): \"2023-07\"")
                }
                bounds.append(value)
            }
            // `text` is the plan's own (Spanish) text; `text_en` what only OGP's English pages give.
            let textES = try h.optionalString("text_es")
            let text = try h.optionalString("text")
            milestones.append(Milestone(number: n, text: textES ?? text, start: bounds[0], end: bounds[1],
                                        textEN: try h.optionalString("text_en")))
        }
        return Commitment(number: number, ogpID: try f.optionalString("ogp_id"), titleES: try f.optionalString("title_es"),
                          titleEN: try f.optionalString("title_en"), institution: try f.optionalString("institution"),
                          institutionShort: try f.optionalString("institution_short"),
                          support: try f.stringList("support"), milestones: milestones)
    }
}
