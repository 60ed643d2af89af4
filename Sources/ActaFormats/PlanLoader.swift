import ActaCore
import Yams

/// Reads `sessions/plans/<id>.yaml`.
public enum PlanLoader {
    static let planFields = ["id", "name", "period", "sources", "notes", "commitments", "time_zone", "country"]
    static let commitmentFields = ["number", "ogp_id", "title_es", "title_en", "institution", "institution_short",
                                   "support", "hitos", "sources", "notes", "number_status", "summary_en"]
    static let milestoneFields = ["number", "text", "start", "end", "sources", "notes"]

    public static func load(_ text: String, file: String) throws(Diagnostics) -> Plan {
        var problems: [Diagnostic] = []
        do {
            let root = try YAMLFields(try YAMLDocument.parse(text, file: file), file: file,
                                      what: LocalizedText(es: "un plan", en: "a plan"))
            try root.rejectUnknown(allowed: planFields)
            let id = try root.string("id")
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
            milestones.append(Milestone(number: n, text: try h.optionalString("text"),
                                        start: try h.optionalString("start"), end: try h.optionalString("end")))
        }
        return Commitment(number: number, ogpID: try f.optionalString("ogp_id"), titleES: try f.optionalString("title_es"),
                          titleEN: try f.optionalString("title_en"), institution: try f.optionalString("institution"),
                          institutionShort: try f.optionalString("institution_short"),
                          support: try f.stringList("support"), milestones: milestones)
    }
}
