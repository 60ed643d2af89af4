// Generates the benchmark's corpora: a mesa of many realistic sessions, and sessions whose
// journals hold 100 … 100,000 events. Deterministic, so runs are comparable.
import ActaCore
import ActaFormats
import ActaStore
import Foundation

/// A small deterministic generator (xorshift), so the corpus is the same on every run.
struct Dice {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return Int(state % UInt64(n))
    }
}

enum Corpus {
    static let phrases = [
        "La institución informó avances en la publicación de datos abiertos",
        "Sociedad civil pidió evidencia verificable antes de validar el porcentaje",
        "Se realizaron capacitaciones en tres departamentos con participación ciudadana",
        "El portal de transparencia se actualizó con los informes trimestrales",
        "La contratación del consultor sigue en trámite; se replanifica el hito",
        "Se acordó compartir el borrador de la política con la mesa",
        "Hubo diálogo con pueblos indígenas en Quetzaltenango y Alta Verapaz",
        "El presupuesto asignado no alcanza para la segunda fase del compromiso",
    ]
    /// Words the search figure looks for: one common, one rare (a few sessions), both accented.
    static let rareWord = "fideicomiso"

    static func write(_ text: String, _ path: String) throws {
        try FileIO.writeAtomically(text, to: path)
    }

    static func copyPlans(from bundled: String, to sessions: String) throws {
        try? FileIO.createDirectory(sessions)
        try? FileIO.createDirectory("\(sessions)/plans")
        for file in FileIO.listDirectory("\(bundled)/plans") where file.hasSuffix(".yaml") {
            let bytes = try FileIO.read("\(bundled)/plans/\(file)")
            try write(String(decoding: bytes, as: UTF8.self), "\(sessions)/plans/\(file)")
        }
    }

    /// One session's events as a secretary records them: attendance, each item's clock, every
    /// hito reported (some corrected, some undone), notes, acuerdos, closures of carried ones.
    static func sessionEvents(_ agenda: Agenda, day: CalendarDate, previous: (name: String, open: [Int])?,
                              dice: inout Dice, rare: Bool) -> [SessionEvent] {
        var events: [SessionEvent] = []
        var at = Timestamp(iso: "\(day.iso)T09:00:00-06:00")!
        func add(_ kind: SessionEventKind) {
            at = at.adding(seconds: 15 + dice.next(60))
            events.append(SessionEvent(seq: events.count + 1, at: at, kind: kind))
        }
        var actionNumber = 0
        for seat in agenda.seats {
            add(.attendanceMarked(seat: seat.id, present: dice.next(6) != 0, delegate: seat.delegates.first))
        }
        for item in agenda.items {
            add(.itemStarted(item: item.number))
            switch item.kind {
            case .free:
                if item.number == 2, let previous {
                    for n in previous.open where dice.next(2) == 0 {
                        add(.actionItemClosed(number: n, session: previous.name))
                    }
                }
                for k in 0..<(1 + dice.next(3)) {
                    var text = phrases[dice.next(phrases.count)] + " (nota \(k + 1))."
                    if rare && k == 0 { text += " Se revisó el \(rareWord) del programa." }
                    add(.noteAdded(item: item.number, text: text))
                }
            case .report(_, let c, let milestones):
                for m in milestones {
                    var report = MilestoneReport(item: item.number, key: MilestoneKey(commitment: c, milestone: m),
                                                 status: MilestoneStatus.allCases[dice.next(5)], percent: dice.next(11) * 10,
                                                 validated: dice.next(3) != 0, rescheduled: dice.next(8) == 0,
                                                 evidence: dice.next(2) == 0 ? "https://datos.example.gt/informe-\(m)" : "",
                                                 note: phrases[dice.next(phrases.count)] + ".")
                    add(.milestoneReported(report))
                    if dice.next(5) == 0 {
                        // A correction, as typed: the percent again.
                        report.percent = min(100, (report.percent ?? 0) + 10)
                        add(.milestoneReported(report))
                    }
                    if dice.next(12) == 0 { add(.undone(seq: events.count)) }
                }
                if dice.next(2) == 0 {
                    actionNumber += 1
                    add(.actionItemAdded(ActionItem(number: actionNumber, item: item.number, kind: .task,
                                                    text: "Enviar a la mesa la evidencia del compromiso \(c)",
                                                    responsible: agenda.seats[dice.next(agenda.seats.count)].id.uppercased(),
                                                    due: day.adding(days: 30 + dice.next(60)), closed: false)))
                }
            }
        }
        if actionNumber > 0, dice.next(3) == 0 { add(.actionItemClosed(number: 1, session: nil)) }
        add(.nextSessionSet(date: day.adding(days: 11) ?? day, note: nil))
        add(.itemEnded(item: agenda.items.count))
        return events
    }

    static func journal(_ events: [SessionEvent]) -> String {
        events.map(JournalCodec.encode).joined(separator: "\n") + "\n"
    }

    /// `count` sessions, one every 11 days from 1995 on, each a copy of the real first mesa's
    /// agenda (14 seats, 19 hitos) with its own journal.
    static func mesa(bundled: String, out: String, count: Int) throws {
        let source = SessionsDirectory(root: bundled)
        guard let base = source.load("2023-03-29-primera-mesa").session else { throw CorpusError("bundled session") }
        try copyPlans(from: bundled, to: out)
        var dice = Dice(state: 0x9E37_79B9_7F4A_7C15)
        var day = CalendarDate(iso: "1995-01-11")!
        var previous: (name: String, open: [Int])?
        for i in 1...count {
            let name = "\(day.iso)-sesion-\(i)"
            let agenda = Agenda(actaNumber: "\(i)-\(day.year)", title: "Mesa Técnica de Gobierno Abierto, sesión \(i)",
                                date: day, plannedStart: "09:00", place: "Ciudad de Guatemala", convener: base.agenda.convener,
                                planID: base.agenda.planID, seats: base.agenda.seats, items: base.agenda.items)
            let events = sessionEvents(agenda, day: day, previous: previous, dice: &dice, rare: i % 97 == 0)
            try? FileIO.createDirectory("\(out)/\(name)")
            try write(AgendaWriter.render(agenda, language: .es), "\(out)/\(name)/agenda.yaml")
            try write(journal(events), "\(out)/\(name)/journal.jsonl")
            let open = events.compactMap { e -> Int? in
                if case .actionItemAdded(let a) = e.kind { return a.number }
                return nil
            }
            previous = (name, open)
            day = day.adding(days: 11) ?? day
        }
    }

    /// A sessions folder with one session whose journal has `count` events: a very long
    /// meeting, corrected over and over. Free items collect many notes.
    static func longJournal(bundled: String, out: String, count: Int) throws {
        let source = SessionsDirectory(root: bundled)
        guard let base = source.load("2023-10-18-ejemplo-octubre").session else { throw CorpusError("bundled session") }
        try copyPlans(from: bundled, to: out)
        let agenda = base.agenda
        var dice = Dice(state: 0x1234_5678_9ABC_DEF1)
        var events: [SessionEvent] = []
        var at = Timestamp(iso: "2023-10-18T09:00:00-06:00")!
        let reportItems = agenda.items.filter { $0.commitment != nil }
        var lastContent = 0
        while events.count < count {
            at = at.adding(seconds: 1)
            let seq = events.count + 1
            let item = reportItems[dice.next(reportItems.count)]
            let kind: SessionEventKind
            switch dice.next(20) {
            case 0: kind = .noteAdded(item: 1 + dice.next(2), text: phrases[dice.next(phrases.count)] + " (\(seq)).")
            case 1: kind = .itemStarted(item: item.number)
            case 2: kind = .attendanceMarked(seat: agenda.seats[dice.next(agenda.seats.count)].id, present: dice.next(2) == 0, delegate: nil)
            case 3 where lastContent > 0: kind = .undone(seq: lastContent)
            default:
                let m = item.milestones[dice.next(item.milestones.count)]
                kind = .milestoneReported(MilestoneReport(item: item.number, key: MilestoneKey(commitment: item.commitment!, milestone: m),
                                                          status: MilestoneStatus.allCases[dice.next(5)], percent: dice.next(101),
                                                          validated: dice.next(2) == 0, note: phrases[dice.next(phrases.count)]))
            }
            if case .undone = kind { lastContent = 0 } else { lastContent = seq }
            events.append(SessionEvent(seq: seq, at: at, kind: kind))
        }
        let name = "2023-10-18-larga"
        try? FileIO.createDirectory("\(out)/\(name)")
        let bytes = try FileIO.read("\(bundled)/2023-10-18-ejemplo-octubre/agenda.yaml")
        try write(String(decoding: bytes, as: UTF8.self), "\(out)/\(name)/agenda.yaml")
        try write(journal(events), "\(out)/\(name)/journal.jsonl")
    }
}

struct CorpusError: Error, CustomStringConvertible {
    let description: String
    init(_ what: String) { description = "cannot generate the corpus: \(what) not found" }
}
