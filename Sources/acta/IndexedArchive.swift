import ActaCore
import ActaStore
import Foundation

/// Every session's summary from the session index (a cache checked against the files on
/// each use; see DECISIONS), and the archive built from them.
struct IndexedArchive {
    let sessions: [IndexedSession]
    let archive: MesaArchive

    /// - Parameter mayWriteInFolder: false for `acta review`, which never writes into the sessions folder.
    init(_ dir: SessionsDirectory, mayWriteInFolder: Bool = true) {
        let index = SessionIndex(dir, environment: processEnvironment, mayWriteInFolder: mayWriteInFolder)
        sessions = index.sessions()
        archive = MesaArchive(summaries: sessions.compactMap(\.summary))
    }
}
