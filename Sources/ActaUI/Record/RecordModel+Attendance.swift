import ActaCore

/// Attendance: the sheet over the seats.
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
            return screenCommand(key)
        }
    }
}
