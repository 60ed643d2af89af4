import ActaCore

/// The fields of a hito's report typed as text (% avance, nota, evidencia): what a typed value
/// does to the report, and which field comes next in the fast path (status, %, Enter, note, Enter).
public enum MilestoneReportForm {
    public enum Field: Sendable, Hashable { case percent, note, evidence }

    public enum Rejection: Error, Sendable, Hashable {
        case percentOutOfRange
    }

    public static func target(_ field: Field, _ key: MilestoneKey) -> EditTarget {
        switch field {
        case .percent: return .percent(commitment: key.commitment, milestone: key.milestone)
        case .note: return .note(commitment: key.commitment, milestone: key.milestone)
        case .evidence: return .evidence(commitment: key.commitment, milestone: key.milestone)
        }
    }

    public static func field(of target: EditTarget) -> Field? {
        switch target {
        case .percent: return .percent
        case .note: return .note
        case .evidence: return .evidence
        default: return nil
        }
    }

    /// The editor opened on one field of the report, holding its current value.
    public static func editor(_ field: Field, _ report: MilestoneReport, flow: FieldEditor.Flow? = nil) -> FieldEditor {
        let text: String
        switch field {
        case .percent: text = report.percent.map(String.init) ?? ""
        case .note: text = report.note
        case .evidence: text = report.evidence
        }
        return FieldEditor(target(field, report.key), text: text, flow: flow)
    }

    /// The report with the typed value in `field`; an empty % clears it.
    public static func applying(_ text: String, to field: Field, of report: MilestoneReport) -> Result<MilestoneReport, Rejection> {
        var report = report
        switch field {
        case .percent:
            let trimmed = text.trimmingSpaces()
            if trimmed.isEmpty {
                report.percent = nil
            } else {
                guard let p = Int(trimmed), (0...100).contains(p) else { return .failure(.percentOutOfRange) }
                report.percent = p
            }
        case .note: report.note = text
        case .evidence: report.evidence = text
        }
        return .success(report)
    }

    /// After accepting a field: the next field to type (the note after the %), else nil.
    public static func next(after field: Field, flow: FieldEditor.Flow?, report: MilestoneReport) -> FieldEditor? {
        guard field == .percent, flow == .thenNote else { return nil }
        return editor(.note, report, flow: .thenNext)
    }
}
