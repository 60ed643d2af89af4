import ActaCore

/// A plan as the GAE's spreadsheet: one row per hito (a commitment without hitos gets one row),
/// under acta's Spanish headers. `PlanImport` reads it back to the same plan.
public enum PlanSheet {
    public static let fields: [PlanField] = [.commitment, .ogpID, .title, .titleEN, .institution, .institutionShort,
                                             .support, .hito, .hitoText, .hitoTextEN, .start, .end]

    public static func rows(_ plan: Plan) -> [[XLSXSheet.Value]] {
        var rows: [[XLSXSheet.Value]] = [fields.map { .text($0.header) }]
        for c in plan.commitments {
            let common: [PlanField: XLSXSheet.Value] = [
                .commitment: .number(c.number), .ogpID: .text(c.ogpID ?? ""), .title: .text(c.titleES ?? ""),
                .titleEN: .text(c.titleEN ?? ""), .institution: .text(c.institution ?? ""),
                .institutionShort: .text(c.institutionShort ?? ""), .support: .text(c.support.joined(separator: "; ")),
            ]
            let hitos: [Milestone?] = c.milestones.isEmpty ? [nil] : c.milestones
            for m in hitos {
                var row = common
                if let m {
                    row[.hito] = .number(m.number)
                    row[.hitoText] = .text(m.textES ?? "")
                    row[.hitoTextEN] = .text(m.textEN ?? "")
                    row[.start] = .text(m.start ?? "")
                    row[.end] = .text(m.end ?? "")
                }
                rows.append(fields.map { row[$0] ?? .text("") })
            }
        }
        return rows
    }

    /// The same rows as text, for CSV.
    public static func textRows(_ plan: Plan) -> [[String]] {
        rows(plan).map { $0.map { value in
            switch value {
            case .text(let t): return t
            case .number(let n): return String(n)
            }
        } }
    }
}
