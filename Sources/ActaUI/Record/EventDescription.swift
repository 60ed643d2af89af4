import ActaCore

extension SessionEventKind {
    /// What the event changed, as the undo message names it.
    func summary(_ language: Language) -> String {
        let t = { (es: String, en: String) in language == .es ? es : en }
        switch self {
        case .attendanceMarked(let seat, _, _): return t("asistencia de \(seat)", "attendance of \(seat)")
        case .itemStarted(let n): return t("inicio del punto \(n)", "start of item \(n)")
        case .itemEnded(let n): return t("fin del punto \(n)", "end of item \(n)")
        case .milestoneReported(let r): return t("informe del hito \(r.key)", "report of milestone \(r.key)")
        case .noteAdded(let n, _): return t("nota del punto \(n)", "note of item \(n)")
        case .actionItemAdded(let a): return t("acuerdo \(a.number)", "action item \(a.number)")
        case .actionItemEdited(let n, _): return t("edición del acuerdo \(n)", "edit of action item \(n)")
        case .actionItemClosed(let n, _): return t("cierre del acuerdo \(n)", "closing of action item \(n)")
        case .actionItemReopened(let n, _): return t("reapertura del acuerdo \(n)", "reopening of action item \(n)")
        case .nextSessionSet: return t("próxima sesión", "next session")
        case .speakerQueued(_, let s): return t("\(s.name) en la lista de oradores", "\(s.name) on the list of speakers")
        case .speakerWithdrawn(let n, let p): return t("retiro del orador \(p) del punto \(n)", "withdrawal of speaker \(p) of item \(n)")
        case .floorGiven(let n): return t("turno de palabra en el punto \(n)", "floor given in item \(n)")
        case .floorEnded(let n): return t("fin del turno en el punto \(n)", "end of the turn in item \(n)")
        case .interventionSummarized(_, let i, _): return t("resumen de la intervención \(i)", "summary of intervention \(i)")
        case .timeCorrected(let n?, let b, let time):
            return b == .start ? t("inicio del punto \(n) a las \(time.clock)", "start of item \(n) at \(time.clock)")
                : t("fin del punto \(n) a las \(time.clock)", "end of item \(n) at \(time.clock)")
        case .timeCorrected(nil, let b, let time):
            return b == .start ? t("inicio de la sesión a las \(time.clock)", "start of the session at \(time.clock)")
                : t("fin de la sesión a las \(time.clock)", "end of the session at \(time.clock)")
        case .undone, .redone: return ""
        }
    }
}
