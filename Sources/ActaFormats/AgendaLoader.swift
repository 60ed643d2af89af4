import ActaCore
import Yams

/// Reads `sessions/<folder>/agenda.yaml` and checks it against its plan.
public enum AgendaLoader {
    static let agendaFields = ["acta", "title", "date", "start", "place", "city", "convener", "plan", "seats", "items", "notes",
                               "demonstration", "suggested", "time_zone", "sources"]
    static let seatFields = ["id", "name", "kind", "delegates"]
    static let freeItemFields = ["title", "presenter", "minutes", "approves_acta"]
    static let reportItemFields = ["report", "commitment", "hitos", "minutes"]

    /// An agenda's YAML, parsed once: its plan id is read first so the plan can be found, then the rest.
    public struct Parsed {
        let node: Node
        let file: String
    }

    public static func parse(_ text: String, file: String) throws(Diagnostic) -> Parsed {
        Parsed(node: try YAMLDocument.parse(text, file: file), file: file)
    }

    /// The plan id named by an agenda, read before the whole agenda so the plan can be found.
    public static func planID(_ text: String, file: String) throws(Diagnostic) -> String {
        try planID(try parse(text, file: file))
    }

    public static func planID(_ parsed: Parsed) throws(Diagnostic) -> String {
        let root = try YAMLFields(parsed.node, file: parsed.file, what: LocalizedText(es: "una agenda", en: "an agenda"))
        let id = try root.string("plan")
        try PlanLoader.checkID(id, root, key: "plan")
        return id
    }

    public static func load(_ text: String, file: String, plan: Plan?) throws(Diagnostics) -> Agenda {
        let parsed: Parsed
        do { parsed = try parse(text, file: file) } catch { throw Diagnostics([error]) }
        return try load(parsed, plan: plan)
    }

    public static func load(_ parsed: Parsed, plan: Plan?) throws(Diagnostics) -> Agenda {
        var problems: [Diagnostic] = []
        let file = parsed.file
        do {
            let root = try YAMLFields(parsed.node, file: file, what: LocalizedText(es: "una agenda", en: "an agenda"))
            try root.rejectUnknown(allowed: agendaFields)
            let acta = try root.string("acta")
            let title = try root.string("title")
            let date = try root.date("date")
            let start = try root.optionalString("start")
            if let start, let node = root.value("start"), !isClock(start) {
                problems.append(root.error(at: node, es: "«start»: «\(start)» no es una hora; use HH:MM, p. ej. 09:00",
                                           en: "“start”: “\(start)” is not a time; use HH:MM, e.g. 09:00"))
            }
            let planID = try root.string("plan")
            try PlanLoader.checkID(planID, root, key: "plan")
            if let plan, plan.id != planID, let node = root.value("plan") {
                problems.append(root.error(at: node, es: "el plan «\(planID)» no coincide con el «id» del archivo del plan («\(plan.id)»); corrija uno de los dos, p. ej. plan: \(plan.id)",
                                           en: "plan “\(planID)” does not match the plan file's “id” (“\(plan.id)”); fix one of them, e.g. plan: \(plan.id)"))
            }
            var seats: [Seat] = []
            for node in try root.list("seats", required: true) {
                do throws(Diagnostic) {
                    let s = try seat(node, file: file)
                    if seats.contains(where: { $0.id == s.id }) {
                        throw root.error(at: node, es: "asiento «\(s.id)» repetido; cada id debe ser único: bórrelo o cámbielo, p. ej. id: \(s.id)2",
                                         en: "seat “\(s.id)” repeated; each id must be unique: delete it or change it, e.g. id: \(s.id)2")
                    }
                    seats.append(s)
                } catch { problems.append(error) }
            }
            var items: [AgendaItem] = []
            var reported: [MilestoneKey: Int] = [:]
            for node in try root.list("items", required: true) {
                do throws(Diagnostic) {
                    let item = try self.item(node, number: items.count + 1, file: file, seats: seats, plan: plan)
                    if let c = item.commitment {
                        for m in item.milestones {
                            let key = MilestoneKey(commitment: c, milestone: m)
                            if let other = reported[key] {
                                throw root.error(at: node, es: "el hito \(key) ya se informa en el punto \(other); infórmelo una sola vez",
                                                 en: "milestone \(key) is already reported in item \(other); report it once")
                            }
                            reported[key] = item.number
                        }
                    }
                    items.append(item)
                } catch { problems.append(error) }
            }
            problems += composition(seats, root: root)
            let demonstration = try root.optionalBool("demonstration") ?? false
            var suggested: Set<SuggestedField> = []
            for node in try root.list("suggested") {
                let name = try root.scalarString(node, key: "suggested")
                guard let field = SuggestedField(rawValue: name) else {
                    let valid = SuggestedField.allCases.map(\.rawValue).joined(separator: ", ")
                    problems.append(root.error(at: node, es: "«suggested»: «\(name)» no es un campo que la herramienta sugiera; use: \(valid)",
                                               en: "“suggested”: “\(name)” is not a field the tool suggests; use: \(valid)"))
                    continue
                }
                suggested.insert(field)
            }
            let timeZone = try root.optionalString("time_zone")
            if let timeZone, let node = root.value("time_zone"), !TimeZones.isKnown(timeZone) {
                problems.append(root.error(at: node, es: "«time_zone»: «\(timeZone)» no es una zona horaria IANA; use p. ej. America/Guatemala",
                                           en: "“time_zone”: “\(timeZone)” is not an IANA time zone; use e.g. America/Guatemala"))
            }
            if problems.isEmpty {
                return Agenda(actaNumber: acta, title: title, date: date, plannedStart: start,
                              place: try root.optionalString("place"), convener: try root.optionalString("convener"),
                              planID: planID, seats: seats, items: items, isDemonstration: demonstration,
                              suggested: suggested, timeZone: timeZone, city: try root.optionalString("city"),
                              sources: try root.stringList("sources"))
            }
        } catch {
            problems.append(error)
        }
        throw Diagnostics(problems)
    }

    /// The sources' composition of the mesa: up to 8 public-sector institutions (GAE included)
    /// and up to 8 non-governmental entities.
    static let seatsPerSector = 8

    static func composition(_ seats: [Seat], root: YAMLFields) -> [Diagnostic] {
        guard let node = root.value("seats") else { return [] }
        return SeatKind.allCases.compactMap { kind in
            let count = seats.filter { $0.kind == kind }.count
            guard count > seatsPerSector else { return nil }
            return root.error(at: node,
                es: "hay \(count) asientos de «\(kind.rawValue)»; la mesa tiene a lo sumo \(seatsPerSector) instituciones públicas (incluida GAE) y \(seatsPerSector) entidades no gubernamentales; quite los que no son miembros",
                en: "there are \(count) “\(kind.rawValue)” seats; the mesa has at most \(seatsPerSector) public institutions (GAE included) and \(seatsPerSector) non-governmental entities; remove those that are not members")
        }
    }

    static func isClock(_ s: String) -> Bool {
        let parts = s.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]) else { return false }
        return (0..<24).contains(h) && (0..<60).contains(m)
    }

    static func seat(_ node: Node, file: String) throws(Diagnostic) -> Seat {
        let f = try YAMLFields(node, file: file, what: LocalizedText(es: "un asiento", en: "a seat"))
        try f.rejectUnknown(allowed: seatFields)
        let kindText = try f.string("kind")
        guard let kind = SeatKind(rawValue: kindText.lowercased()) else {
            throw f.error(at: try f.required("kind"), es: "«kind»: «\(kindText)» no es válido; use «gobierno» o «sociedad civil»",
                          en: "“kind”: “\(kindText)” is not valid; use “gobierno” or “sociedad civil”")
        }
        return Seat(id: try f.string("id"), name: try f.string("name"), kind: kind, delegates: try f.stringList("delegates"))
    }

    static func item(_ node: Node, number: Int, file: String, seats: [Seat], plan: Plan?) throws(Diagnostic) -> AgendaItem {
        let f = try YAMLFields(node, file: file, what: LocalizedText(es: "un punto de agenda", en: "an agenda item"))
        let minutes = try f.optionalInt("minutes", range: 1...600)
        if f.has("report") {
            try f.rejectUnknown(allowed: reportItemFields)
            let institution = try f.string("report")
            if !seats.contains(where: { $0.id == institution }) {
                let ids = seats.map(\.id).joined(separator: ", ")
                throw f.error(at: try f.required("report"),
                              es: "«report»: el asiento «\(institution)» no existe; use uno de: \(ids)",
                              en: "“report”: seat “\(institution)” does not exist; use one of: \(ids)")
            }
            let commitmentNumber = try f.int("commitment", range: 1...999)
            let commitment = plan?.commitment(commitmentNumber)
            if let plan, commitment == nil {
                let known = plan.commitments.map { String($0.number) }.joined(separator: ", ")
                throw f.error(at: try f.required("commitment"),
                              es: "el compromiso \(commitmentNumber) no está en el plan \(plan.id); los compromisos son: \(known)",
                              en: "commitment \(commitmentNumber) is not in plan \(plan.id); its commitments are: \(known)")
            }
            var milestones: [Int] = []
            for m in try f.list("hitos", required: true) {
                let n = try f.intValue(m, key: "hitos", range: 1...999)
                if milestones.contains(n) {
                    throw f.error(at: m, es: "hito \(n) repetido en este punto; bórrelo de «hitos»", en: "milestone \(n) repeated in this item; delete it from “hitos”")
                }
                if let commitment, !commitment.hasMilestone(n) {
                    let known = commitment.milestones.map { String($0.number) }.joined(separator: ", ")
                    throw f.error(at: m, es: "el compromiso \(commitmentNumber) no tiene hito \(n); sus hitos son: \(known.isEmpty ? "ninguno" : known)",
                                  en: "commitment \(commitmentNumber) has no milestone \(n); its milestones are: \(known.isEmpty ? "none" : known)")
                }
                milestones.append(n)
            }
            if milestones.isEmpty {
                throw f.error(at: node, es: "un informe debe nombrar al menos un hito en «hitos», p. ej. hitos: [1, 2]",
                              en: "a report must name at least one milestone in “hitos”, e.g. hitos: [1, 2]")
            }
            return AgendaItem(number: number, kind: .report(institution: institution, commitment: commitmentNumber,
                                                            milestones: milestones), plannedMinutes: minutes)
        }
        try f.rejectUnknown(allowed: freeItemFields)
        return AgendaItem(number: number, kind: .free(title: try f.string("title"), presenter: try f.optionalString("presenter")),
                          plannedMinutes: minutes, approvesActa: try f.optionalString("approves_acta"))
    }
}
