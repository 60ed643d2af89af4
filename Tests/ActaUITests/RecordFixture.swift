import ActaCore
import ActaStore
import ActaTestSupport
import ActaUI

/// The bundled first mesa, loaded from a temporary copy, as the record screen sees it.
struct RecordFixture {
    static let start = Timestamp(iso: "2023-03-29T09:00:00-06:00")!
    let session: Session
    let archive: MesaArchive
    static let name = "2023-03-29-primera-mesa"

    init() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let all = SessionsDirectory(root: tmp.root).loadAll()
        session = all.first { $0.name == Self.name }!.session!
        archive = SessionsDirectory.archive(all)
    }

    func model(width: Int = 80, height: Int = 24, language: Language = .es, draft: Draft? = nil, clockless: Bool = false) -> RecordModel {
        RecordModel(session: session, name: Self.name, archive: archive, language: language, now: Self.start,
                    width: width, height: height, draft: draft, clockless: clockless)
    }
}

extension RecordModel {
    /// Feeds keys and performs journal flushes as the program would, with a clock advancing a second a key.
    mutating func press(_ keys: Key...) { for key in keys { perform(update(.key(key))) } }

    mutating func type(_ text: String) { for c in text { perform(update(.key(.character(c)))) } }

    mutating func perform(_ effects: [Effect]) {
        guard effects.contains(.flushJournal) else { return }
        var at = session.lastEventAt ?? RecordFixture.start
        while let event = nextPendingEvent(at: at.adding(seconds: 1)) {
            at = event.at
            recorded(event)
        }
    }
}
