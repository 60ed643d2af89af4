import ActaCore
import ActaFormats

/// How the open data is written: a byte order mark for spreadsheet users, and its licence.
public struct OpenDataOptions: Sendable {
    public var bom: Bool
    public var license: DataLicense

    public init(bom: Bool = false, license: DataLicense = .default) {
        self.bom = bom
        self.license = license
    }
}

/// Regenerates a session's outputs from agenda, plan and journal.
public enum Exporter {
    public static let outputs = ["minutes.md", "action-items.md", "milestones.csv", "milestones.json",
                                 "action-items.csv", "action-items.json", "datapackage.json"]

    /// Writes the outputs atomically; returns their paths.
    @discardableResult
    public static func export(_ session: NamedSession, archive: MesaArchive, into folder: String,
                              language: Language, options: OpenDataOptions = OpenDataOptions()) throws(StoreError) -> [String] {
        let milestones = OpenData.milestones(of: session, language: language)
        let own = archive.actionItems(asOf: session.name).filter { $0.ref.session == session.name }
        let actions = OpenData.actionItems(own, archive: archive, on: session.date, language: language)
        let contents = [
            MinutesWriter(session: session, archive: archive, language: language).render(),
            ActionItemsWriter(session: session, archive: archive, language: language).render(),
            milestones.csv(bom: options.bom),
            milestones.json(),
            actions.csv(bom: options.bom),
            actions.json(),
            OpenData.dataPackage(session, resources: [("milestones", "milestones.csv", milestones),
                                                      ("action-items", "action-items.csv", actions)],
                                 license: options.license, bom: options.bom, language: language),
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
