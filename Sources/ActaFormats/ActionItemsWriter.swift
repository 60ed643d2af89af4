import ActaCore

/// Writes `action-items.md`: this session's acuerdos as a GFM task list, then those carried from earlier sessions.
public struct ActionItemsWriter {
    public let session: NamedSession
    public let archive: MesaArchive
    public let language: Language

    public init(session: NamedSession, archive: MesaArchive, language: Language) {
        self.session = session
        self.archive = archive
        self.language = language
    }

    private func t(_ es: String, _ en: String) -> String { language == .es ? es : en }

    private func line(_ item: ActionItem, acta: String, origin: String?) -> String {
        var details = [t("responsable: ", "responsible: ") + (item.responsible.isEmpty ? "—" : MarkdownText.inline(item.responsible)),
                       t("fecha límite: ", "due: ") + (item.due?.iso ?? "—")]
        if let origin { details.append(origin) }
        return "- [\(item.closed ? "x" : " ")] **\(MarkdownText.inline(ActionItem.reference(acta: acta, number: item.number))).** \(item.kind.label(language)): "
            + MarkdownText.inline(item.text) + " (" + details.joined(separator: "; ") + ")"
    }

    public func render() -> String {
        let agenda = session.session.agenda
        var out = ["# " + MarkdownText.inline("\(t("Acuerdos", "Action items")) — \(t("Acta", "Minutes")) \(agenda.actaNumber), \(agenda.date.long(language))"), ""]
        out.append("## " + t("Acuerdos de esta sesión", "This session's action items"))
        out.append("")
        if session.session.actionItems.isEmpty {
            out.append(t("No se tomaron acuerdos.", "No action items were agreed."))
        } else {
            out += session.session.actionItems.map { line($0, acta: agenda.actaNumber, origin: nil) }
        }
        out.append("")
        out.append("## " + t("Acuerdos abiertos de sesiones anteriores", "Open action items from earlier sessions"))
        out.append("")
        let carried = archive.openCarried(into: session.name)
        if carried.isEmpty {
            out.append(t("Ninguno.", "None."))
        } else {
            out += carried.map { c in
                line(c.item, acta: c.actaNumber, origin: t("acta ", "minutes ") + MarkdownText.inline(c.actaNumber) + ", " + c.date.iso)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
