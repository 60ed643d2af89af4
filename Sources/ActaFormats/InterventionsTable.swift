import ActaCore

/// The interventions of an agenda item in the acta: in order, who spoke, for how long, and
/// the secretary's one-line summary.
enum InterventionsTable {
    static func blocks(_ list: SpeakersList?, agenda: Agenda, language: Language) -> [DocumentBlock] {
        guard let list, !list.interventions.isEmpty else { return [] }
        let t = { (es: String, en: String) in language == .es ? es : en }
        let rows = list.interventions.enumerated().map { i, turn in
            [String(i + 1), agenda.name(of: turn.speaker, fullSeatName: true),
             turn.end == nil ? t("en curso", "in progress") : duration(turn.seconds(now: nil), language),
             ControlCharacters.stripped(turn.summary, keepNewlines: false)]
        }
        return [.paragraph(t("Intervenciones, en el orden en que se dio la palabra:", "Interventions, in the order the floor was given:")),
                .table(header: [t("N.º", "No."), t("Interviene", "Speaker"), t("Duración", "Duration"), t("Resumen", "Summary")],
                       rows: rows)]
    }

    static func duration(_ seconds: Int, _ language: Language) -> String {
        let m = seconds / 60, s = seconds % 60
        return m == 0 ? "\(s) s" : "\(m) min \(s) s"
    }
}
