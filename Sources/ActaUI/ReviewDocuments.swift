import ActaCore
import ActaFormats

/// The documents the reader shows besides the acta: a commitment's timeline, the plan summary, the acuerdos table.
public enum ReviewDocuments {
    static func t(_ l: Language, _ es: String, _ en: String) -> String { l == .es ? es : en }

    /// Each hito of a commitment across sessions: date → status, %, validated, with the change marked.
    public static func timeline(archive: MesaArchive, plan: Plan, commitment number: Int, language l: Language) -> [DocumentBlock] {
        guard let c = plan.commitment(number) else { return [.paragraph(t(l, "Compromiso desconocido.", "Unknown commitment."))] }
        var blocks: [DocumentBlock] = [
            .heading(level: 1, text: t(l, "Compromiso ", "Commitment ") + "\(number)" + (c.ogpID.map { " (\($0))" } ?? "") + ": " + c.title(l)),
            .paragraph(t(l, "Institución responsable: ", "Lead institution: ") + (c.institution ?? "—") + " · " + plan.name),
        ]
        let history = archive.history(plan: plan.id, commitment: number)
        for m in c.milestones {
            blocks.append(.heading(level: 3, text: t(l, "Hito ", "Milestone ") + "\(number).\(m.number) — " + m.displayText(l)))
            let entries = history.filter { $0.report.key.milestone == m.number }
            if entries.isEmpty {
                blocks.append(.emphasis(t(l, "Sin informes en las sesiones registradas.", "No reports in the recorded sessions.")))
                continue
            }
            let rows = entries.map { e -> [String] in
                var change = "—"
                if let p = e.previous {
                    var parts: [String] = []
                    if e.statusChanged { parts.append("\(p.status?.label(l) ?? "—") → \(e.report.status?.label(l) ?? "—")") }
                    if e.percentChanged {
                        let arrow = (e.report.percent ?? 0) >= (p.percent ?? 0) ? "▲ " : "▼ "
                        parts.append(arrow + "\(p.percent.map { "\($0)\u{00A0}%" } ?? "—") → \(e.report.percent.map { "\($0)\u{00A0}%" } ?? "—")")
                    }
                    change = parts.isEmpty ? t(l, "= sin cambio", "= no change") : parts.joined(separator: "; ")
                }
                // The bar and the figure stay together: no-break spaces keep wrapping from parting them.
                let progress = e.report.percent.map { Bar.fill(Double($0) / 100, width: 6) + "\u{00A0}\($0)\u{00A0}%" } ?? "—"
                return [e.date.iso, e.actaNumber, e.report.status?.label(l) ?? "—", progress,
                        e.report.validated ? t(l, "Sí", "Yes") : t(l, "No", "No"), change]
            }
            blocks.append(.table(header: [t(l, "Fecha", "Date"), t(l, "Acta", "Minutes"), t(l, "Estado", "Status"),
                                          t(l, "% avance", "% progress"), t(l, "Validado", "Validated"),
                                          t(l, "Cambio vs anterior", "Change vs previous")],
                                 rows: rows))
        }
        return blocks
    }

    /// How many hitos per status, per institution, in the latest recorded session of a plan.
    public static func summary(archive: MesaArchive, plan: Plan, language l: Language) -> [DocumentBlock] {
        guard let summary = archive.statusSummary(plan: plan.id) else {
            return [.heading(level: 2, text: plan.name), .emphasis(t(l, "Ninguna sesión de este plan tiene informes todavía.",
                                                                         "No session of this plan has reports yet."))]
        }
        let statuses: [MilestoneStatus?] = MilestoneStatus.allCases.map { $0 } + [nil]
        var rows = summary.rows.map { row in
            [shortName(row.institution)] + statuses.map { String(row.counts[$0] ?? 0) }
        }
        rows.append([t(l, "Total", "Total")] + statuses.map { s in String(summary.rows.reduce(0) { $0 + ($1.counts[s] ?? 0) }) })
        return [
            .heading(level: 2, text: plan.name),
            .paragraph(t(l, "Hitos por estado en la última sesión con informes: ", "Milestones by status in the latest session with reports: ")
                       + "\(summary.session.actaNumber), \(summary.session.date.iso)"),
            .table(header: [t(l, "Institución", "Institution")] + statuses.map { $0?.label(l) ?? t(l, "No informado", "Not reported") },
                   rows: rows),
        ]
    }

    /// The plan summary as a chart: per institution a stacked bar of its hitos by status (the
    /// status letter inside each share, so it reads without colour), its counts, and a legend.
    public static func summaryChart(archive: MesaArchive, plan: Plan, language l: Language, width: Int) -> [StyledLine] {
        guard let summary = archive.statusSummary(plan: plan.id) else { return [] }
        let statuses: [MilestoneStatus?] = MilestoneStatus.allCases.reversed().map { $0 } + [nil]
        func letter(_ s: MilestoneStatus?) -> String { s.map { String($0.mark) } ?? "·" }
        // The legend, packed into as many lines as the width needs.
        var lines = [StyledLine(text: "", role: .dim)]
        for s in statuses {
            let entry = letter(s) + " " + (s?.label(l) ?? t(l, "No informado", "Not reported"))
            if !lines[lines.count - 1].text.isEmpty {
                if DisplayWidth.of(lines[lines.count - 1].text) + 2 + DisplayWidth.of(entry) > width {
                    lines.append(StyledLine(text: "", role: .dim))
                } else {
                    lines[lines.count - 1].text += "  "
                }
            }
            lines[lines.count - 1].runs.append(StyleRun(column: DisplayWidth.of(lines[lines.count - 1].text), width: 1, role: .bar(s)))
            lines[lines.count - 1].text += entry
        }
        let nameWidth = min(12, summary.rows.map { DisplayWidth.of(shortName($0.institution)) }.max() ?? 6)
        let most = summary.rows.map { $0.counts.values.reduce(0, +) }.max() ?? 1
        let barRoom = max(10, width - nameWidth - 2 - 22)
        // Bars share one scale, so a longer bar is an institution with more hitos.
        let cellsPerHito = max(1, min(4, barRoom / max(1, most)))
        for row in summary.rows {
            let total = row.counts.values.reduce(0, +)
            let name = DisplayWidth.padded(DisplayWidth.truncated(shortName(row.institution), to: nameWidth), to: nameWidth)
            let counts = statuses.compactMap { s in row.counts[s].flatMap { $0 > 0 ? "\($0)\(letter(s))" : nil } }
            let bar = Bar.stacked(statuses.map { ($0, row.counts[$0] ?? 0) }, total: total, width: total * cellsPerHito,
                                  column: nameWidth + 2)
            lines.append(StyledLine(text: name + "  " + bar.text + "  " + counts.joined(separator: " "), role: .normal, runs: bar.runs))
        }
        return lines
    }

    /// "Ministerio de Gobernación (MINGOB)" → "MINGOB".
    static func shortName(_ name: String) -> String {
        if let open = name.lastIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            return String(name[name.index(after: open)..<close])
        }
        return name
    }

    /// The acuerdos table rows, overdue ones marked.
    public static func actionRows(_ items: [CarriedActionItem], today: CalendarDate, language l: Language) -> (header: [String], rows: [[String]]) {
        let header = [t(l, "Acta", "Minutes"), t(l, "Fecha", "Date"), t(l, "N.º", "No."), t(l, "Acuerdo", "Action item"),
                      t(l, "Responsable", "Responsible"), t(l, "Límite", "Due"), t(l, "Estado", "Status")]
        let rows = items.map { c -> [String] in
            let state = c.item.closed ? t(l, "Cerrado", "Closed")
                : c.item.isOverdue(on: today) ? t(l, "VENCIDO", "OVERDUE") : t(l, "Abierto", "Open")
            return [c.actaNumber, c.date.iso, String(c.item.number), c.item.text, c.item.responsible, c.item.due?.iso ?? "—", state]
        }
        return (header, rows)
    }
}
