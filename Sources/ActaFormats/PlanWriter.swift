import ActaCore

/// Writes a plan as `sessions/plans/<id>.yaml`, in the format of the bundled plans.
public enum PlanWriter {
    public static func render(_ plan: Plan, header: [String] = []) -> String {
        func text(_ s: String?) -> String { s.map { AgendaWriter.quoted($0) } ?? "null" }
        var out = header.map { "# " + ControlCharacters.stripped($0, keepNewlines: false) }
        out.append("# Un hito sin texto en la fuente es `text: null` y se muestra como \"Hito N\": nunca se inventa.")
        out.append("id: \(plan.id)")
        out.append("name: \(AgendaWriter.quoted(plan.name))")
        if let zone = plan.timeZone { out.append("time_zone: \(zone)") }
        if !plan.sources.isEmpty {
            out.append("sources:")
            out += plan.sources.map { "  - \(AgendaWriter.quoted($0))" }
        }
        out.append("commitments:")
        for c in plan.commitments {
            out.append("  - number: \(c.number)")
            out.append("    ogp_id: \(text(c.ogpID))")
            out.append("    title_es: \(text(c.titleES))")
            out.append("    title_en: \(text(c.titleEN))")
            out.append("    institution: \(text(c.institution))")
            out.append("    institution_short: \(text(c.institutionShort))")
            out.append("    support: [\(c.support.map { AgendaWriter.quoted($0) }.joined(separator: ", "))]")
            if c.milestones.isEmpty {
                out.append("    hitos: []")
                continue
            }
            out.append("    hitos:")
            for m in c.milestones {
                let english = m.textEN.map { ", text_en: \(AgendaWriter.quoted($0))" } ?? ""
                out.append("      - {number: \(m.number), text: \(text(m.textES))\(english), start: \(text(m.start)), end: \(text(m.end))}")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
