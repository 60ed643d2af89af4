import ActaCore
import ActaStore
import ActaUI
import Foundation

/// The text being typed, in `<session>/.draft.json`, written atomically.
struct DraftStore {
    let path: String

    init(folder: String) { path = "\(folder)/.draft.json" }

    /// What was found at start: a draft to offer, and a notice when one could not be read.
    struct Found {
        var draft: Draft?
        var notice: LocalizedText?
    }

    /// A draft that cannot be read (damaged, too large, a link) is renamed aside, never deleted,
    /// and reported; an empty one holds nothing and is removed, never offered.
    func load(for session: Session, now: Int = Int(Date().timeIntervalSince1970)) -> Found {
        guard FileIO.exists(path) || FileIO.isSymbolicLink(path) else { return Found() }
        if let bytes = try? FileIO.read(path, limit: InputLimits.draftFileBytes, followLinks: false),
           let draft = try? JSONDecoder().decode(Draft.self, from: Data(bytes)),
           draft.text.utf8.count <= InputLimits.fieldBytes, draft.fits(session) {
            if draft.holdsText { return Found(draft: draft) }
            unlink(path)
            return Found()
        }
        let aside = "\(path).unreadable-\(now)"
        guard rename(path, aside) == 0 else {
            let reason = String(cString: strerror(errno))
            return Found(notice: LocalizedText(
                es: "El borrador \(path) no se puede leer ni apartar (\(reason)); revíselo con un editor.",
                en: "The draft \(path) cannot be read nor set aside (\(reason)); check it with an editor."))
        }
        return Found(notice: LocalizedText(
            es: "El borrador no se pudo leer: se guardó aparte como \(aside) (ábralo con un editor para recuperar el texto).",
            en: "The draft could not be read: it was kept aside as \(aside) (open it with an editor to recover the text)."))
    }

    func save(_ draft: Draft) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(draft)
        try FileIO.writeAtomically(String(decoding: data, as: UTF8.self), to: path)
    }

    func clear() { unlink(path) }
}
