import ActaCore
import ActaFormats

extension RecordModel {
    // MARK: Times typed by the secretary

    /// The times of an item (or of the session) as the editor opens with them: "09:05-10:40", "09:05-".
    func typedTimes(item: Int?) -> String {
        let s = shown
        let (start, end) = item.map { (s.timings[$0]?.firstStart, s.timings[$0]?.lastEnd) } ?? (s.heldFrom, s.correctedEnd)
        func clock(_ t: Timestamp?) -> String { t.map { TimeZones.local($0, in: s.timeZone).clock } ?? "" }
        return start == nil && end == nil ? "" : clock(start) + "-" + clock(end)
    }

    /// The corrections typed, checked against the session; nil (with the reason shown) when refused.
    mutating func timeCorrections(_ text: String, item: Int?) -> [SessionEventKind]? {
        guard let range = ClockRangeInput.parse(text) else {
            message = say("Hora no válida: use 09:05-10:40, 09:05 (inicio) o -10:40 (fin).",
                          "Invalid time: use 09:05-10:40, 09:05 (start) or -10:40 (end).", error: true)
            return nil
        }
        var check = shown
        var kinds: [SessionEventKind] = []
        for (boundary, clock) in [(TimeBoundary.start, range.start), (.end, range.end)] {
            guard let clock else { continue }
            let time = TimeZones.timestamp(check.agenda.date, hour: clock.hour, minute: clock.minute, in: check.timeZone)
            let kind = SessionEventKind.timeCorrected(item: item, boundary: boundary, time: time)
            if let problem = check.problem(with: kind) {
                message = StatusMessage(text: problem.text(language), isError: true)
                return nil
            }
            check.apply(SessionEvent(seq: check.nextSeq, at: now, kind: kind))
            kinds.append(kind)
        }
        return kinds
    }
}
