import ActaCore
import ActaFormats

/// Regenerates a session's outputs from agenda, plan and journal.
public enum Exporter {
    public static let outputs = ["minutes.md", "action-items.md", "milestones.csv", "milestones.json"]

    /// Writes the four files atomically; returns their paths.
    @discardableResult
    public static func export(_ session: NamedSession, archive: MesaArchive, into folder: String,
                              language: Language) throws(StoreError) -> [String] {
        let records = MilestoneRecord.records(of: session)
        let contents = [
            MinutesWriter(session: session, archive: archive, language: language).render(),
            ActionItemsWriter(session: session, archive: archive, language: language).render(),
            OpenData.csv(records),
            OpenData.json(records),
        ]
        var paths: [String] = []
        for (name, text) in zip(outputs, contents) {
            let path = "\(folder)/\(name)"
            // A last guard: no control character reaches the Markdown, whatever a writer let through.
            try FileIO.writeAtomically(name.hasSuffix(".md") ? ControlCharacters.stripped(text, keepNewlines: true) : text, to: path)
            paths.append(path)
        }
        return paths
    }
}
