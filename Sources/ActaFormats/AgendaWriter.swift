import ActaCore

/// Writes an agenda skeleton as YAML text with comments, for `acta new`.
/// (Agendas are otherwise only read: acta never rewrites one.)
public enum AgendaWriter {
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in ControlCharacters.stripped(s, keepNewlines: false).unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    public static func render(_ agenda: Agenda, language: Language) -> String {
        let t = { (es: String, en: String) in language == .es ? es : en }
        var out: [String] = []
        out.append(t("# Agenda de la sesión. La lee acta; complete los campos y revise con «acta check».",
                     "# Session agenda. acta reads it; fill in the fields and check with “acta check”."))
        out.append("acta: \(quoted(agenda.actaNumber))")
        out.append("title: \(quoted(agenda.title))")
        out.append("date: \(agenda.date.iso)")
        out.append("start: \(quoted(agenda.plannedStart ?? "09:00"))")
        out.append("place: \(quoted(agenda.place ?? t("Por definir", "To be decided")))")
        out.append("convener: \(quoted(agenda.convener ?? "Comisión Presidencial de Gobierno Abierto y Electrónico (GAE)"))")
        out.append("plan: \(agenda.planID)")
        if let zone = agenda.timeZone { out.append("time_zone: \(zone)") }
        if agenda.isDemonstration {
            out.append(t("# Sesión de demostración (datos ficticios): nunca cuenta como sesión real.",
                         "# Demonstration session (fictitious data): never counts as a real session."))
            out.append("demonstration: true")
        }
        if !agenda.suggested.isEmpty {
            out.append(t("# Valores que sugirió acta (número de acta, minutos previstos): quite de la lista los que la mesa confirme.",
                         "# Values acta suggested (acta number, planned minutes): remove from the list those the mesa confirms."))
            let names = SuggestedField.allCases.filter(agenda.suggested.contains).map(\.rawValue)
            out.append("suggested: [\(names.joined(separator: ", "))]")
        }
        out.append("")
        out.append(t("# Asientos de la mesa: id (corto, único), nombre, kind (gobierno | sociedad civil), delegados.",
                     "# Member seats: id (short, unique), name, kind (gobierno | sociedad civil), delegates."))
        out.append("seats:")
        for seat in agenda.seats {
            out.append("  - id: \(seat.id)")
            out.append("    name: \(quoted(seat.name))")
            out.append("    kind: \(seat.kind.rawValue)")
            out.append("    delegates: [\(seat.delegates.map(quoted).joined(separator: ", "))]")
        }
        out.append("")
        out.append(t("# Orden del día: un punto libre (title, presenter, minutes) o un informe (report: id de asiento, commitment, hitos, minutes).",
                     "# Order of the day: a free item (title, presenter, minutes) or a report (report: seat id, commitment, hitos, minutes)."))
        out.append("items:")
        for item in agenda.items {
            switch item.kind {
            case .free(let title, let presenter):
                out.append("  - title: \(quoted(title))")
                if let presenter { out.append("    presenter: \(quoted(presenter))") }
                if let acta = item.approvesActa { out.append("    approves_acta: \(quoted(acta))") }
            case .report(let institution, let commitment, let milestones):
                out.append("  - report: \(institution)")
                out.append("    commitment: \(commitment)")
                out.append("    hitos: [\(milestones.map(String.init).joined(separator: ", "))]")
            }
            if let m = item.plannedMinutes { out.append("    minutes: \(m)") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
