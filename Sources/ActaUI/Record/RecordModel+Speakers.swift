import ActaCore

/// The list of speakers of an item.
extension RecordModel {
    mutating func speakersKey(_ key: Key, _ panel: SpeakersPanel) -> [Effect] {
        var panel = panel
        let candidates = SpeakerCandidate.all(session.agenda, attendance: shown.attendance)
        let outcome = panel.handle(key, list: shown.speakers[panel.item], candidates: candidates, keyMap: keyMap)
        mode = .speakers(panel)
        switch outcome {
        case .stay:
            return []
        case .close:
            mode = .browse
            return []
        case .cancelledTyping:
            draftSaved = nil
            return [.clearDraft]
        case .refused(let text):
            message = StatusMessage(text: text.text(language), isError: true)
            return []
        case .record(let kind):
            record(kind)
            draftSaved = nil
            return [.clearDraft, .flushJournal]
        case .screenCommand:
            return screenCommand(key)
        }
    }
}
