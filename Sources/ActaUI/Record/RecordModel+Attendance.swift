import ActaCore

/// Attendance and the list of speakers: sheets over the seats and an item's speakers.
extension RecordModel {
    // MARK: Attendance

    mutating func attendanceKey(_ key: Key, _ sheet: AttendanceSheet) -> [Effect] {
        var sheet = sheet
        let outcome = sheet.handle(key, seats: session.agenda.seats, attendance: shown.attendance, keyMap: keyMap)
        mode = .attendance(sheet)
        switch outcome {
        case .stay:
            return []
        case .cancelledDelegate:
            draftSaved = nil
            return [.clearDraft]
        case .mark(let seat, let present, let delegate, let typed):
            record(.attendanceMarked(seat: seat, present: present, delegate: delegate))
            let seats = session.agenda.seats
            if seat == seats.last?.id {
                let count = shown.attendance.values.filter(\.present).count
                message = say("Último asiento marcado: \(count) de \(seats.count) presentes. Esc vuelve a la agenda.",
                              "Last seat marked: \(count) of \(seats.count) present. Esc goes back to the agenda.")
            }
            guard typed else { return [.flushJournal] }
            draftSaved = nil
            return [.clearDraft, .flushJournal]
        case .close:
            mode = .browse
            return []
        case .screenCommand:
            // Undo and redo keep the sheet open; any other command of the whole screen leaves it.
            switch keyMap.command(for: key, in: [.global]) {
            case .undo?: undo(); return [.flushJournal]
            case .redo?: redo(); return [.flushJournal]
            default:
                mode = .browse
                return browse(key)
            }
        }
    }

    // MARK: List of speakers

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
            switch keyMap.command(for: key, in: [.global]) {
            case .undo?: undo(); return [.flushJournal]
            case .redo?: redo(); return [.flushJournal]
            default:
                mode = .browse
                return browse(key)
            }
        }
    }
}
