import ActaCore
import ActaStore
import ActaUI
import Foundation

/// The text being typed, in `<session>/.draft.json`, written atomically.
struct DraftStore {
    let path: String

    init(folder: String) { path = "\(folder)/.draft.json" }

    func load() -> Draft? {
        guard let bytes = try? FileIO.read(path, limit: InputLimits.draftFileBytes, followLinks: false) else { return nil }
        return try? JSONDecoder().decode(Draft.self, from: Data(bytes))
    }

    func save(_ draft: Draft) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(draft)
        try FileIO.writeAtomically(String(decoding: data, as: UTF8.self), to: path)
    }

    func clear() { unlink(path) }
}
