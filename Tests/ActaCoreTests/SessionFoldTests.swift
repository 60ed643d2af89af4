import ActaCore
import Testing

@Suite struct SessionFoldTests {
    @Test func aListOfSpeakersGivesTheFloorInOrderAndTimesEachTurn() {
        let ana = Speaker(seat: "gae", name: "Ana"), luis = Speaker(seat: "mingob", name: "MINGOB"), eva = Speaker(seat: nil, name: "Eva")
        var s = Fixture.session([
            .speakerQueued(item: 2, speaker: ana),      // 09:00
            .speakerQueued(item: 2, speaker: luis),     // 09:01
            .speakerQueued(item: 2, speaker: eva),      // 09:02
            .floorGiven(item: 2),                       // 09:03 Ana
            .floorGiven(item: 2),                       // 09:04 MINGOB; Ana's turn ends
            .speakerWithdrawn(item: 2, position: 1),    // 09:05 Eva leaves the list
            .interventionSummarized(item: 2, index: 1, summary: "Pide el calendario"),
            .floorEnded(item: 2),                       // 09:07
        ])
        let list = s.speakers[2]!
        #expect(s.problems.isEmpty)
        #expect(list.queue.isEmpty)
        #expect(list.interventions.map(\.speaker) == [ana, luis])
        #expect(list.interventions.map { $0.seconds(now: nil) } == [60, 180])
        #expect(list.interventions[0].summary == "Pide el calendario")
        #expect(list.current == nil)
        // Undo takes back the end of the turn: MINGOB speaks again.
        s.apply(SessionEvent(seq: 9, at: Fixture.at(9), kind: .undone(seq: 8)))
        #expect(s.speakers[2]?.current?.speaker == luis)
    }

    @Test func theFloorIsRefusedWhenNoOneWaitsAndATurnEndsWithItsItem() {
        let s = Fixture.session([
            .floorGiven(item: 2),
            .itemStarted(item: 2),
            .speakerQueued(item: 2, speaker: Speaker(seat: nil, name: "Eva")),
            .floorGiven(item: 2),
            .itemStarted(item: 1),
            .speakerQueued(item: 2, speaker: Speaker(seat: "nadie", name: "X")),
            .interventionSummarized(item: 2, index: 5, summary: "?"),
        ])
        #expect(s.problems.map(\.seq) == [1, 6, 7])
        #expect(s.speakers[2]?.interventions.first?.end == Fixture.at(4), "moving to another item ends the turn")
    }

    @Test func attendanceLastMarkWins() {
        let s = Fixture.session([
            .attendanceMarked(seat: "gae", present: true, delegate: "Ana"),
            .attendanceMarked(seat: "gae", present: false, delegate: nil),
            .attendanceMarked(seat: "mingob", present: true, delegate: "Luis Núñez"),
        ])
        #expect(s.attendance["gae"] == Attendance(present: false, delegate: nil))
        #expect(s.attendance["mingob"]?.delegate == "Luis Núñez")
        #expect(s.problems.isEmpty)
    }

    @Test func laterReportReplacesEarlierOne() {
        let s = Fixture.session([Fixture.report(1, .limited, 20), Fixture.report(1, .substantial, 60)])
        #expect(s.report(MilestoneKey(commitment: 1, milestone: 1))?.percent == 60)
        #expect(s.orderedReports.count == 1)
    }

    @Test func undoTakesBackTheLastChangeAndRedoBringsItBack() {
        var s = Fixture.session([Fixture.report(1, .limited, 20), Fixture.report(1, .substantial, 60)])
        let key = MilestoneKey(commitment: 1, milestone: 1)
        #expect(s.undoStack == [1, 2])
        s.apply(SessionEvent(seq: 3, at: Fixture.at(3), kind: .undone(seq: 2)))
        #expect(s.report(key)?.percent == 20)
        #expect(s.redoStack == [2])
        s.apply(SessionEvent(seq: 4, at: Fixture.at(4), kind: .undone(seq: 1)))
        #expect(s.report(key) == nil)
        s.apply(SessionEvent(seq: 5, at: Fixture.at(5), kind: .redone(seq: 1)))
        #expect(s.report(key)?.percent == 20)
        #expect(s.redoStack == [2])
        // A new change clears what could be redone.
        s.apply(SessionEvent(seq: 6, at: Fixture.at(6), kind: Fixture.report(2, .complete, 100)))
        #expect(s.redoStack.isEmpty)
        #expect(s.problem(with: .redone(seq: 2)) != nil)
        #expect(s.problems.isEmpty)
    }

    @Test func undoOfUnknownEventIsAProblemNotACrash() {
        let s = Fixture.session([Fixture.report(1, .limited, 20), .undone(seq: 9)])
        #expect(s.problems.map(\.seq) == [2])
        #expect(s.report(MilestoneKey(commitment: 1, milestone: 1))?.percent == 20)
    }

    @Test func invalidEventsBecomeProblems() {
        let s = Fixture.session([
            .attendanceMarked(seat: "nadie", present: true, delegate: nil),
            Fixture.report(3, .limited, 10),  // hito 3 is not on the agenda item
            Fixture.report(1, .limited, 140),
            .itemStarted(item: 7),
            .actionItemClosed(number: 4, session: nil),
        ])
        #expect(s.problems.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(s.reports.isEmpty)
    }

    @Test func startingAnItemEndsTheRunningOne() {
        let s = Fixture.session([.itemStarted(item: 1), .itemStarted(item: 2), .itemEnded(item: 2), .itemStarted(item: 1)])
        #expect(s.timings[1]?.spans.count == 2)
        #expect(s.timings[2]?.seconds(now: nil) == 60)
        #expect(s.timings[1]?.seconds(now: Fixture.at(5)) == 60 + 120)
        #expect(s.runningItem == 1)
    }

    @Test func actionItemsAreAddedEditedClosedAndReopened() {
        let item = ActionItem(number: 1, item: 2, kind: .task, text: "Publicar", responsible: "MINGOB",
                              due: CalendarDate(iso: "2023-05-01"))
        let s = Fixture.session([
            .actionItemAdded(item),
            .actionItemEdited(number: 1, changes: ActionItemChanges(text: "Publicar datos", due: .some(nil))),
            .actionItemClosed(number: 1, session: nil),
            .actionItemClosed(number: 3, session: "2023-01-01-anterior"),
            .actionItemReopened(number: 3, session: "2023-01-01-anterior"),
            .nextSessionSet(date: CalendarDate(iso: "2023-08-16")!, note: "agosto"),
        ])
        #expect(s.actionItems.count == 1)
        #expect(s.actionItems[0].text == "Publicar datos")
        #expect(s.actionItems[0].due == nil)
        #expect(s.actionItems[0].closed)
        #expect(s.carriedClosures[ActionItemRef(session: "2023-01-01-anterior", number: 3)] == false)
        #expect(s.nextSession?.note == "agosto")
        #expect(s.nextActionItemNumber == 2)
        #expect(s.problem(with: .actionItemAdded(item)) != nil, "a duplicate number is refused")
    }

    @Test func overdueOnlyWhenOpenAndPastDue() {
        var a = ActionItem(number: 1, item: 1, kind: .task, text: "x", responsible: "y", due: CalendarDate(iso: "2023-05-01"))
        #expect(a.isOverdue(on: CalendarDate(iso: "2023-05-02")!))
        #expect(!a.isOverdue(on: CalendarDate(iso: "2023-05-01")!))
        a.closed = true
        #expect(!a.isOverdue(on: CalendarDate(iso: "2024-01-01")!))
    }
}

@Suite struct MesaArchiveTests {
    func named(_ name: String, _ date: String, _ kinds: [SessionEventKind], demonstration: Bool = false) -> NamedSession {
        let a = Fixture.agenda
        let agenda = Agenda(actaNumber: name, title: a.title, date: CalendarDate(iso: date)!, plannedStart: nil, place: nil,
                            convener: nil, planID: "p", seats: a.seats, items: a.items, isDemonstration: demonstration)
        return NamedSession(name: name, session: Session(agenda: agenda, plan: Fixture.plan, events: kinds.enumerated().map {
            SessionEvent(seq: $0.offset + 1, at: Fixture.at($0.offset), kind: $0.element)
        }))
    }

    @Test func previousReportAndCarriedActionItems() {
        let task = ActionItem(number: 1, item: 2, kind: .task, text: "t", responsible: "r", due: nil)
        let archive = MesaArchive([
            named("b", "2023-08-16", [Fixture.report(1, .substantial, 60), .actionItemClosed(number: 1, session: "a")]),
            named("a", "2023-03-29", [Fixture.report(1, .limited, 40), .actionItemAdded(task),
                                      .actionItemAdded(ActionItem(number: 2, item: 2, kind: .decision, text: "d", responsible: "", due: nil))]),
            named("c", "2023-10-01", []),
        ])
        #expect(archive.sessions.map(\.name) == ["a", "b", "c"])
        let key = MilestoneKey(commitment: 1, milestone: 1)
        #expect(archive.previousReport(of: key, before: "b")?.report.percent == 40)
        #expect(archive.previousReport(of: key, before: "c")?.report.percent == 60)
        #expect(archive.previousReport(of: key, before: "a") == nil)
        // As of "a" itself nothing is carried; as of "b" acuerdo a#1 is still open before b closes it.
        #expect(archive.openCarried(into: "a").isEmpty)
        #expect(archive.openCarried(into: "b").map(\.ref.number) == [2])
        #expect(archive.actionItems(asOf: "b").first { $0.ref == ActionItemRef(session: "a", number: 1) }?.item.closed == true)
        #expect(archive.openCarried(into: "c").map(\.ref.number) == [2])
    }

    @Test func demonstrationsNeverFeedRealSessions() {
        let task = ActionItem(number: 1, item: 2, kind: .task, text: "t", responsible: "r", due: nil)
        let archive = MesaArchive([
            named("real1", "2023-03-29", [Fixture.report(1, .limited, 40), .actionItemAdded(task)]),
            named("demo1", "2023-08-16", [Fixture.report(1, .substantial, 60), .actionItemAdded(task),
                                          .actionItemClosed(number: 1, session: "real1")], demonstration: true),
            named("demo2", "2023-10-18", [Fixture.report(1, .complete, 100)], demonstration: true),
            named("real2", "2023-11-22", [Fixture.report(1, .substantial, 70)]),
        ])
        let key = MilestoneKey(commitment: 1, milestone: 1)
        let previous = archive.previousReport(of: key, before: "real2")
        #expect(previous?.session == "real1")
        #expect(previous?.actaNumber == "real1")
        #expect(previous?.report.percent == 40)
        // Demonstrations compare among themselves.
        #expect(archive.previousReport(of: key, before: "demo2")?.session == "demo1")
        #expect(archive.previousReport(of: key, before: "demo1") == nil)
        // The demonstration's closure of real1#1 does not count; demo1's own acuerdo is not carried.
        #expect(archive.openCarried(into: "real2").map(\.ref) == [ActionItemRef(session: "real1", number: 1)])
        #expect(archive.openCarried(into: "demo2").map(\.ref) == [ActionItemRef(session: "demo1", number: 1)])
        #expect(archive.realSessions.map(\.name) == ["real1", "real2"])
        let history = archive.history(plan: "p", commitment: 1, milestone: 1)
        #expect(history.first { $0.session == "real2" }?.previous?.percent == 40)
    }
}
