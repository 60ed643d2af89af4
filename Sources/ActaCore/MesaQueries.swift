/// One hito as reported in one session, with the change since its previous report.
public struct HistoryEntry: Sendable, Hashable {
    public let session: String
    public let actaNumber: String
    public let date: CalendarDate
    public let report: MilestoneReport
    public let previous: MilestoneReport?

    public var percentChanged: Bool { previous.map { $0.percent != report.percent } ?? false }
    public var statusChanged: Bool { previous.map { $0.status != report.status } ?? false }
}

/// Which acuerdos to show.
public struct ActionItemFilter: Sendable, Hashable {
    public enum State: String, Sendable, CaseIterable { case all, open, closed }

    public var state: State = .all
    public var overdueOnly = false
    /// Matches the responsable, ignoring case and accents.
    public var responsible = ""

    public init(state: State = .all, overdueOnly: Bool = false, responsible: String = "") {
        self.state = state
        self.overdueOnly = overdueOnly
        self.responsible = responsible
    }

    public func accepts(_ item: ActionItem, today: CalendarDate) -> Bool {
        switch state {
        case .open where item.closed, .closed where !item.closed: return false
        default: break
        }
        if overdueOnly && !item.isOverdue(on: today) { return false }
        if !responsible.isEmpty && !Folding.fold(item.responsible).contains(Folding.fold(responsible)) { return false }
        return true
    }
}

/// Case- and accent-insensitive matching for Spanish text.
public enum Folding {
    public static func fold(_ s: String) -> String {
        // One pass, appending to one view: the pager folds every line of a long acta per search.
        var out = String.UnicodeScalarView()
        for scalar in s.lowercased().unicodeScalars {
            switch scalar {
            case "á", "à", "â": out.append("a")
            case "é", "è", "ê": out.append("e")
            case "í", "ì": out.append("i")
            case "ó", "ò", "ô": out.append("o")
            case "ú", "ù", "ü": out.append("u")
            case "ñ": out.append("n")
            default: if !(0x300...0x36F).contains(scalar.value) { out.append(scalar) }
            }
        }
        return String(out)
    }
}

/// The OGP minimum: the forum meets at least every six months, at least twice a year.
public struct MeetingCadence: Sendable, Hashable {
    public let lastSession: CalendarDate?
    public let sessionsInLastYear: Int
    public let today: CalendarDate

    public var lastIsTooOld: Bool { lastSession.map { last in last.adding(days: 183).map { $0 < today } ?? false } ?? true }
    public var tooFew: Bool { sessionsInLastYear < 2 }
    public var isBehind: Bool { lastIsTooOld || tooFew }

    public func warning(_ language: Language) -> String? {
        guard isBehind else { return nil }
        let last = lastSession.map { $0.iso } ?? (language == .es ? "ninguna" : "none")
        return language == .es
            ? "Aviso: la mesa está por debajo del mínimo de OGP (última sesión real: \(last); sesiones reales en los últimos 12 meses: \(sessionsInLastYear); se pide al menos una cada seis meses y dos al año)."
            : "Warning: the mesa is below OGP's minimum (last real session: \(last); real sessions in the last 12 months: \(sessionsInLastYear); at least one every six months and two a year are required)."
    }
}

extension MesaArchive {
    /// Every report of the hitos of a commitment (or one hito) across sessions of a plan, oldest first.
    public func history(plan: String, commitment: Int, milestone: Int? = nil) -> [HistoryEntry] {
        var entries: [HistoryEntry] = []
        // The change of a real report is against real reports only; demonstrations among themselves.
        struct Key: Hashable { let milestone: MilestoneKey; let demonstration: Bool }
        var last: [Key: MilestoneReport] = [:]
        for s in sessions where s.planID == plan {
            for report in s.reports where report.key.commitment == commitment {
                if let milestone, report.key.milestone != milestone { continue }
                let key = Key(milestone: report.key, demonstration: s.isDemonstration)
                entries.append(HistoryEntry(session: s.name, actaNumber: s.actaNumber, date: s.date,
                                            report: report, previous: last[key]))
                last[key] = report
            }
        }
        return entries.sorted { ($0.report.key, $0.date) < ($1.report.key, $1.date) }
    }

    /// Real sessions that met (dated on or before today): demonstrations never count for OGP.
    public func cadence(today: CalendarDate) -> MeetingCadence {
        let held = realSessions.filter { !(today < $0.date) }
        let yearAgo = today.adding(days: -365) ?? today
        return MeetingCadence(lastSession: held.last?.date,
                              sessionsInLastYear: held.filter { !($0.date < yearAgo) }.count, today: today)
    }

    /// For the latest session of a plan: how many hitos reported per status, per institution.
    public func statusSummary(plan: String) -> (session: SessionSummary, rows: [(institution: String, counts: [MilestoneStatus?: Int])])? {
        guard let latest = sessions.last(where: { $0.planID == plan && !$0.reports.isEmpty }) else { return nil }
        var rows: [(String, [MilestoneStatus?: Int])] = []
        for slot in latest.slots {
            var counts: [MilestoneStatus?: Int] = [:]
            for m in slot.milestones {
                let status = latest.report(MilestoneKey(commitment: slot.commitment, milestone: m))?.status
                counts[status, default: 0] += 1
            }
            let name = slot.institution
            if let i = rows.firstIndex(where: { $0.0 == name }) {
                for (k, v) in counts { rows[i].1[k, default: 0] += v }
            } else {
                rows.append((name, counts))
            }
        }
        return (latest, rows.map { (institution: $0.0, counts: $0.1) })
    }
}
