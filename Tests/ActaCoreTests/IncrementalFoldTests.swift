import ActaCore
import Testing

/// The incremental fold (each event, undo and redo applied to the state as it stands) must give
/// exactly what folding the whole journal again gives, whatever the events: random sessions,
/// seeded so a failure can be replayed.
@Suite struct IncrementalFoldTests {
    /// A small deterministic generator (xorshift).
    struct Dice {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
        mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }
    }

    /// A content event, valid or not (unknown seats, items and hitos, repeated acuerdos, speakers
    /// who are not waiting): invalid ones must become the same problems either way.
    static func content(_ dice: inout Dice) -> SessionEventKind {
        let item = 1 + dice.next(3)
        let minute = dice.next(120)
        switch dice.next(16) {
        case 0: return .attendanceMarked(seat: dice.pick(["gae", "mingob", "nadie"]), present: dice.next(2) == 0,
                                         delegate: dice.pick([nil, "Ana", "Luis"]))
        case 1, 2: return .itemStarted(item: item)
        case 3: return .itemEnded(item: item)
        case 4, 5: return .milestoneReported(MilestoneReport(item: dice.pick([2, 2, 1]), key: MilestoneKey(commitment: 1, milestone: 1 + dice.next(3)),
                                                             status: dice.pick(MilestoneStatus.allCases), percent: dice.pick([0, 50, 100, 120])))
        case 6: return .noteAdded(item: item, text: "nota \(dice.next(1000))")
        case 7: return .actionItemAdded(ActionItem(number: 1 + dice.next(4), item: item, kind: .task, text: dice.pick(["Enviar", ""]),
                                                   responsible: "GAE", due: nil, closed: false))
        case 8: return .actionItemEdited(number: 1 + dice.next(4), changes: ActionItemChanges(text: "cambio \(dice.next(9))"))
        case 9: return dice.next(2) == 0 ? .actionItemClosed(number: 1 + dice.next(4), session: dice.pick([nil, "2023-01-01-previa"]))
                                         : .actionItemReopened(number: 1 + dice.next(4), session: dice.pick([nil, "2023-01-01-previa"]))
        case 10: return .nextSessionSet(date: CalendarDate(iso: "2023-08-0\(1 + dice.next(9))")!, note: nil)
        case 11: return .speakerQueued(item: item, speaker: Speaker(seat: dice.pick([nil, "gae", "nadie"]), name: dice.pick(["Eva", "Ana", ""])))
        case 12: return .speakerWithdrawn(item: item, position: 1 + dice.next(3))
        case 13: return dice.next(2) == 0 ? .floorGiven(item: item) : .floorEnded(item: item)
        case 14: return .interventionSummarized(item: item, index: 1 + dice.next(3), summary: "resumen \(dice.next(9))")
        default: return .timeCorrected(item: dice.pick([nil, 1, 2, 5]), boundary: dice.pick(TimeBoundary.allCases), time: Fixture.at(minute))
        }
    }

    /// The next event as a secretary (or a hand-edited journal) might write it: mostly changes,
    /// undo and redo of the latest step, sometimes of any step or of nothing at all.
    static func next(_ s: Session, _ dice: inout Dice) -> SessionEventKind {
        switch dice.next(10) {
        case 0, 1: return s.undoStack.last.map { .undone(seq: $0) } ?? content(&dice)
        case 2: return s.redoStack.last.map { .redone(seq: $0) } ?? content(&dice)
        case 3 where dice.next(3) == 0: return .undone(seq: 1 + dice.next(s.nextSeq + 2))
        case 3: return .redone(seq: s.redoStack.isEmpty ? 1 + dice.next(s.nextSeq) : dice.pick(s.redoStack))
        default: return content(&dice)
        }
    }

    static func expectSame(_ a: Session, _ b: Session, _ context: Comment) {
        #expect(a.attendance == b.attendance, context)
        #expect(a.timings == b.timings, context)
        #expect(a.reports == b.reports, context)
        #expect(a.notes == b.notes, context)
        #expect(a.actionItems == b.actionItems, context)
        #expect(a.carriedClosures == b.carriedClosures, context)
        #expect(a.nextSession == b.nextSession, context)
        #expect(a.speakers == b.speakers, context)
        #expect(a.problems == b.problems, context)
        #expect(a.undoStack == b.undoStack, context)
        #expect(a.redoStack == b.redoStack, context)
        #expect(a.correctedStart == b.correctedStart && a.correctedEnd == b.correctedEnd, context)
        #expect(a.events == b.events, context)
        #expect(a.nextSeq == b.nextSeq && a.startedAt == b.startedAt && a.lastEventAt == b.lastEventAt, context)
        #expect(a.heldFrom == b.heldFrom && a.heldUntil == b.heldUntil && a.lastRecorder == b.lastRecorder, context)
    }

    @Test(arguments: 1...40)
    func randomSessionsFoldTheSameIncrementallyAsFromTheJournal(seed: Int) {
        var dice = Dice(state: 0x9E37_79B9_7F4A_7C15 &+ UInt64(seed) &* 0x1000_0000_01B3)
        var s = Session(agenda: Fixture.agenda, plan: Fixture.plan)
        for step in 0..<150 {
            let kind = Self.next(s, &dice)
            let recorder = dice.next(5) == 0 ? dice.pick(["a", "b"]) : nil
            s.apply(SessionEvent(seq: s.nextSeq, at: Fixture.at(step), kind: kind, recorder: recorder))
            if step % 10 == 9 || step == 149 {
                let full = Session(agenda: Fixture.agenda, plan: Fixture.plan, events: Array(s.events))
                Self.expectSame(s, full, "seed \(seed), after event \(step + 1)")
            }
        }
    }

    @Test func undoingEveryChangeOneByOneAndRedoingThemAllMatchesTheFullFold() {
        var dice = Dice(state: 42)
        var s = Session(agenda: Fixture.agenda, plan: Fixture.plan)
        for step in 0..<200 { s.apply(SessionEvent(seq: s.nextSeq, at: Fixture.at(step), kind: Self.content(&dice))) }
        let before = s
        var undone = 0
        while let last = s.undoStack.last {
            s.apply(SessionEvent(seq: s.nextSeq, at: Fixture.at(300), kind: .undone(seq: last)))
            undone += 1
            if undone % 25 == 0 {
                Self.expectSame(s, Session(agenda: Fixture.agenda, plan: Fixture.plan, events: Array(s.events)), "after \(undone) undos")
            }
        }
        #expect(s.reports.isEmpty && s.notes.isEmpty && s.timings.isEmpty && s.attendance.isEmpty)
        while let last = s.redoStack.last { s.apply(SessionEvent(seq: s.nextSeq, at: Fixture.at(400), kind: .redone(seq: last))) }
        Self.expectSame(s, Session(agenda: Fixture.agenda, plan: Fixture.plan, events: Array(s.events)), "after redoing all")
        #expect(s.reports == before.reports && s.timings == before.timings && s.problems == before.problems)
    }

    /// The events before a snapshot, held as a journal prefix would be: read only when asked.
    final class Earlier: EarlierEvents, @unchecked Sendable {
        let all: [SessionEvent]
        var reads = 0
        init(_ all: [SessionEvent]) { self.all = all }
        var count: Int { all.count }
        func events() -> [SessionEvent] { reads += 1; return all }
    }

    @Test(arguments: 1...20)
    func aSessionRestoredFromItsFoldStateGoesOnAsTheJournal(seed: Int) throws {
        var dice = Dice(state: 0x5151_5151 &+ UInt64(seed) &* 0x9E37_79B9)
        var s = Session(agenda: Fixture.agenda, plan: Fixture.plan)
        for step in 0..<120 { s.apply(SessionEvent(seq: s.nextSeq, at: Fixture.at(step), kind: Self.next(s, &dice))) }
        let cut = 40 + dice.next(80)
        let events = Array(s.events)
        let before = Session(agenda: Fixture.agenda, plan: Fixture.plan, events: Array(events[..<cut]))
        let earlier = Earlier(Array(events[..<cut]))
        var restored = Session(agenda: Fixture.agenda, plan: Fixture.plan, restoring: try #require(before.foldState), earlier: earlier)
        for event in events[cut...] { restored.apply(event) }
        Self.expectSame(restored, s, "seed \(seed), restored at \(cut)")
        // Going on: new events, undo and redo, some reaching back before the cut.
        for step in 120..<220 {
            let event = SessionEvent(seq: s.nextSeq, at: Fixture.at(step), kind: Self.next(s, &dice))
            s.apply(event)
            restored.apply(event)
        }
        Self.expectSame(restored, Session(agenda: Fixture.agenda, plan: Fixture.plan, events: Array(s.events)), "seed \(seed), going on")
    }

    @Test func undoingTheLatestChangesOfARestoredSessionNeedsNoEarlierEvent() throws {
        var dice = Dice(state: 3)
        var s = Session(agenda: Fixture.agenda, plan: Fixture.plan)
        for step in 0..<100 { s.apply(SessionEvent(seq: s.nextSeq, at: Fixture.at(step), kind: Self.content(&dice))) }
        let earlier = Earlier(Array(s.events))
        var restored = Session(agenda: Fixture.agenda, plan: Fixture.plan, restoring: try #require(s.foldState), earlier: earlier)
        for step in 0..<10 {
            restored.apply(SessionEvent(seq: restored.nextSeq, at: Fixture.at(200 + step), kind: .noteAdded(item: 1, text: "n\(step)")))
        }
        for _ in 0..<10 { restored.apply(SessionEvent(seq: restored.nextSeq, at: Fixture.at(300), kind: .undone(seq: restored.undoStack.last!))) }
        for _ in 0..<10 { restored.apply(SessionEvent(seq: restored.nextSeq, at: Fixture.at(300), kind: .redone(seq: restored.redoStack.last!))) }
        #expect(earlier.reads == 0, "the latest changes were undone and redone without reading the earlier events")
        restored.apply(SessionEvent(seq: restored.nextSeq, at: Fixture.at(400), kind: .undone(seq: 50)))
        #expect(earlier.reads > 0, "an older change re-folds, reading them")
        Self.expectSame(restored, Session(agenda: Fixture.agenda, plan: Fixture.plan, events: Array(restored.events)), "after an older undo")
    }

    @Test func sequenceNumbersOutOfOrderFoldLikeTheJournal() {
        var s = Fixture.session([Fixture.report(1, .limited, 20), Fixture.report(2, .complete, 100)])
        s.apply(SessionEvent(seq: 2, at: Fixture.at(5), kind: .noteAdded(item: 1, text: "repetido")))
        s.apply(SessionEvent(seq: 9, at: Fixture.at(6), kind: .undone(seq: 2)))
        Self.expectSame(s, Session(agenda: Fixture.agenda, plan: Fixture.plan, events: Array(s.events)), "repeated seq")
        #expect(s.notes[1] == nil, "undoing seq 2 takes back both events numbered 2, as the full fold does")
    }

    @Test func eventsAreFoundBySequenceNumber() {
        let s = Fixture.session([Fixture.report(1, .limited, 20), .noteAdded(item: 1, text: "a"), .undone(seq: 2)])
        #expect(s.event(seq: 2)?.kind == .noteAdded(item: 1, text: "a"))
        #expect(s.event(seq: 4) == nil && s.event(seq: 0) == nil)
    }
}
