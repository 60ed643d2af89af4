// The original in-process figures: loading a long journal, exporting the acta, drawing a
// frame of the record screen. Run: swift run -c release acta-bench legacy [sessions-dir]
import ActaCore
import ActaFormats
import ActaStore
import ActaUI
import Foundation

func measure(_ label: String, runs: Int, _ body: () -> Void) -> Double {
    body() // warm up
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<runs { body() }
    let perRun = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(runs) / 1_000_000
    print("\(label): \(String(format: "%.3f", perRun)) ms")
    return perRun
}

func maxResidentMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func legacyFigures(_ root: String) -> Never {
let dir = SessionsDirectory(root: root)
let all = dir.loadAll()
guard let base = all.first(where: { $0.name == "2023-03-29-primera-mesa" })?.session else {
    print("bundled session not found under \(root)"); exit(1)
}
let archive = SessionsDirectory.archive(all)

// A long meeting: 20,000 events (about 40 full mesas of typing) over the real first mesa's agenda.
let eventCount = 20_000
var events: [SessionEvent] = []
var at = Timestamp(iso: "2023-03-29T09:00:00-06:00")!
let reportItems = base.agenda.items.filter { $0.commitment != nil }
for seq in 1...eventCount {
    at = at.adding(seconds: 2)
    let item = reportItems[seq % reportItems.count]
    let milestone = item.milestones[seq % item.milestones.count]
    let kind: SessionEventKind
    switch seq % 10 {
    case 0: kind = .noteAdded(item: item.number, text: "Nota número \(seq) con ñ, acentos y 会議")
    case 1: kind = .itemStarted(item: item.number)
    case 2: kind = .attendanceMarked(seat: base.agenda.seats[seq % base.agenda.seats.count].id, present: seq % 3 != 0, delegate: "Delegada \(seq)")
    default:
        kind = .milestoneReported(MilestoneReport(item: item.number, key: MilestoneKey(commitment: item.commitment!, milestone: milestone),
                                                  status: MilestoneStatus.allCases[seq % 5], percent: seq % 101,
                                                  validated: seq % 2 == 0, note: "Informe \(seq): avance según la institución"))
    }
    events.append(SessionEvent(seq: seq, at: at, kind: kind))
}
let journalText = events.map(JournalCodec.encode).joined(separator: "\n") + "\n"
print("journal: \(eventCount) events, \(journalText.utf8.count / 1024) KiB")

var session = base
let load = measure("read + fold a \(eventCount)-event journal", runs: 5) {
    let contents = JournalReader.read(journalText, file: "journal.jsonl")
    session = Session(agenda: base.agenda, plan: base.plan, events: contents.events)
}
let named = NamedSession(name: "2023-03-29-primera-mesa", session: session)
let export = measure("render minutes.md + action-items.md + CSV + JSON", runs: 20) {
    _ = MinutesWriter(session: named, archive: archive, language: .es).render()
    _ = ActionItemsWriter(session: named, archive: archive, language: .es).render()
    let milestones = OpenData.milestones(of: named)
    _ = milestones.csv()
    _ = milestones.json()
}
var model = RecordModel(session: session, name: named.name, archive: archive, language: .es, now: at, width: 120, height: 40)
let frame = measure("render one 120×40 record frame", runs: 500) { _ = RecordView.render(model) }
// Typing into a hito's note, as the secretary does.
_ = model.update(.key(.character(" ")))
_ = model.update(.key(.character("n")))
let keystroke = measure("apply a keystroke and render (typing a note)", runs: 500) {
    _ = model.update(.key(.character("ñ")))
    _ = RecordView.render(model)
}
let tmp = NSTemporaryDirectory() + "acta-bench-\(getpid()).jsonl"
if let writer = try? JournalWriter(path: tmp) {
    var seq = 0
    _ = measure("append + fsync one journal event", runs: 100) {
        seq += 1
        try? writer.append(SessionEvent(seq: seq, at: at, kind: .itemStarted(item: 1)))
    }
}
unlink(tmp)
print("peak resident memory: \(String(format: "%.1f", maxResidentMiB())) MiB")

// Targets: a keystroke must feel instant (< 16 ms, one frame at 60 Hz) and a long journal must open fast.
let targets: [(String, Double, Double)] = [("fold", load, 1000), ("export", export, 500), ("frame", frame, 16), ("keystroke", keystroke, 16)]
var failed = false
for (name, value, limit) in targets where value > limit {
    print("TARGET MISSED: \(name) \(value) ms > \(limit) ms"); failed = true
}
exit(failed ? 1 : 0)
}
