import ActaCore
import ActaUI
import Testing

/// Each mode of the record screen on its own, without a session or a journal.
@Suite struct AgendaNavigatorTests {
    let key = MilestoneKey(commitment: 1, milestone: 1)
    var rows: [TreeRow] {
        [.attendance, .item(1), .item(2), .milestone(item: 2, key: key), .milestone(item: 2, key: MilestoneKey(commitment: 1, milestone: 2)), .item(3)]
    }

    @Test func movesClampAndScrollKeepsTheSelectionVisible() {
        var nav = AgendaNavigator(rows: rows, height: 3)
        var outcome = nav.move(.bottom, actionCount: 0)
        #expect(outcome)
        #expect(nav.selection == 5)
        #expect(nav.scroll == 3)
        outcome = nav.move(.moveDown, actionCount: 0)
        #expect(outcome)
        #expect(nav.selection == 5, "stays on the last row")
        _ = nav.move(.pageUp, actionCount: 0)
        #expect(nav.selection == 3)
        _ = nav.move(.top, actionCount: 0)
        #expect(nav.selection == 0 && nav.scroll == 0)
        outcome = nav.move(.help, actionCount: 0)
        #expect(!outcome, "not a move")
    }

    @Test func tabGoesThroughThePanesThatHaveSomethingToShow() {
        var nav = AgendaNavigator(rows: rows, selection: 1, height: 5)
        let alone = nav.switchPane(actionCount: 0, detailsFocusable: false)
        #expect(!alone, "no acuerdos and details that fit: Tab stays on the agenda")
        #expect(nav.pane == .agenda)
        let toActions = nav.switchPane(actionCount: 2, detailsFocusable: false)
        #expect(toActions && nav.pane == .actionItems)
        _ = nav.move(.moveDown, actionCount: 2)
        _ = nav.move(.moveDown, actionCount: 2)
        #expect(nav.actionSelection == 1)
        #expect(nav.selection == 1, "↓ moves among acuerdos, not agenda rows")
        _ = nav.switchPane(actionCount: 2, detailsFocusable: false)
        #expect(nav.pane == .agenda)
        _ = nav.switchPane(actionCount: 2, detailsFocusable: true)
        #expect(nav.pane == .details)
        _ = nav.move(.pageDown, actionCount: 2, detailOverflow: 7)
        _ = nav.move(.moveDown, actionCount: 2, detailOverflow: 7)
        #expect(nav.detailScroll == 5, "a page is the pane's height less one line")
        _ = nav.move(.bottom, actionCount: 2, detailOverflow: 7)
        _ = nav.move(.moveDown, actionCount: 2, detailOverflow: 7)
        #expect(nav.detailScroll == 7, "never past the last line")
        #expect(nav.selection == 1, "scrolling the details keeps the agenda's selection")
        _ = nav.switchPane(actionCount: 2, detailsFocusable: true)
        #expect(nav.pane == .actionItems)
    }

    @Test func findsTheNextMilestoneAndWrapsSearches() {
        let nav = AgendaNavigator(rows: rows, selection: 3, height: 5)
        #expect(nav.nextMilestoneIndex == 4)
        #expect(nav.nextMatch { $0 == .item(1) } == 1, "wraps around to the top")
        #expect(nav.nextMatch { $0 == .milestone(item: 2, key: key) } == 3, "the selection itself comes last")
    }
}

@Suite struct MilestoneReportFormTests {
    let report = MilestoneReport(item: 3, key: MilestoneKey(commitment: 1, milestone: 1), status: .limited, percent: 40)

    @Test func percentIsZeroToHundredOrEmpty() throws {
        try #expect(MilestoneReportForm.applying(" 80 ", to: .percent, of: report).get().percent == 80)
        try #expect(MilestoneReportForm.applying("", to: .percent, of: report).get().percent == nil)
        #expect(MilestoneReportForm.applying("101", to: .percent, of: report) == .failure(.percentOutOfRange))
        #expect(MilestoneReportForm.applying("6080", to: .percent, of: report) == .failure(.percentOutOfRange))
        #expect(MilestoneReportForm.applying("x", to: .percent, of: report) == .failure(.percentOutOfRange))
    }

    @Test func theFastPathGoesFromPercentToNote() {
        let next = MilestoneReportForm.next(after: .percent, flow: .thenNote, report: report)
        #expect(next?.target == .note(commitment: 1, milestone: 1))
        #expect(next?.flow == .thenNext)
        #expect(MilestoneReportForm.next(after: .percent, flow: nil, report: report) == nil)
        #expect(MilestoneReportForm.next(after: .note, flow: .thenNext, report: report) == nil)
    }

    @Test func theEditorOpensOnTheCurrentValue() {
        #expect(MilestoneReportForm.editor(.percent, report).field.text == "40")
        var withNote = report
        withNote.note = "Portal"
        #expect(MilestoneReportForm.editor(.note, withNote).field.text == "Portal")
    }
}

@Suite struct FieldEditorTests {
    @Test func typesAcceptsCancelsAndOpensTheEditor() {
        var editor = FieldEditor(.itemNote(item: 2))
        var outcome = editor.handle(.character("a"), keyMap: .record)
        #expect(outcome == .typing)
        outcome = editor.handle(.character("ñ"), keyMap: .record)
        #expect(outcome == .typing)
        outcome = editor.handle(.control("e"), keyMap: .record)
        #expect(outcome == .openEditor("añ"))
        outcome = editor.handle(.enter, keyMap: .record)
        #expect(outcome == .accepted("añ"))
        outcome = editor.handle(.escape, keyMap: .record)
        #expect(outcome == .cancelled)
    }
}

@Suite struct SearchPromptTests {
    @Test func remembersAcceptedQueriesOnce() {
        var prompt = SearchPrompt()
        for c in "salud" { _ = prompt.handle(.character(c), keyMap: .record) }
        var outcome = prompt.handle(.enter, keyMap: .record)
        #expect(outcome == .search("salud"))
        #expect(prompt.history == ["salud"])
        var again = SearchPrompt(history: ["educación", "salud"])
        #expect(again.field.text.isEmpty, "opens empty")
        _ = again.handle(.up, keyMap: .record)
        _ = again.handle(.up, keyMap: .record)
        _ = again.handle(.up, keyMap: .record)
        #expect(again.field.text == "educación", "↑ stops at the oldest")
        _ = again.handle(.down, keyMap: .record)
        _ = again.handle(.enter, keyMap: .record)
        #expect(again.history == ["educación", "salud"], "a repeated query is not stored twice")
        _ = again.handle(.down, keyMap: .record)
        #expect(again.field.text == "salud")
        outcome = again.handle(.escape, keyMap: .record)
        #expect(outcome == .cancelled)
    }
}

@Suite struct HelpPagerTests {
    @Test func scrollsByLineAndPageWithinTheLines() {
        var help = HelpPager()
        func press(_ key: Key) -> Bool { help.handle(key, keyMap: .record, page: 10, lastStart: 25) }
        #expect(press(.down) && press(.down))
        #expect(help.scroll == 2)
        #expect(press(.up))
        #expect(help.scroll == 1)
        #expect(press(.pageDown))
        #expect(help.scroll == 10, "a page less one line, so one line stays for context")
        #expect(press(.pageDown) && press(.pageDown))
        #expect(help.scroll == 25, "never past the last page")
        #expect(press(.pageUp))
        #expect(help.scroll == 16)
        #expect(!press(.escape))
    }
}

@Suite struct AttendanceSheetTests {
    let seats = [Seat(id: "gae", name: "Gobierno Abierto (GAE)", kind: .government, delegates: ["Ana"]),
                 Seat(id: "sesan", name: "SESAN", kind: .government, delegates: [])]

    @Test func marksMovesAndNamesDelegates() {
        var sheet = AttendanceSheet()
        var outcome = sheet.handle(.character("p"), seats: seats, attendance: [:], keyMap: .record)
        #expect(outcome == .mark(seat: "gae", present: true, delegate: "Ana", typed: false))
        #expect(sheet.selection == 1)
        outcome = sheet.handle(.character("d"), seats: seats, attendance: [:], keyMap: .record)
        #expect(outcome == .stay)
        #expect(sheet.contexts == [.form, .text])
        for c in "Luis" { _ = sheet.handle(.character(c), seats: seats, attendance: [:], keyMap: .record) }
        outcome = sheet.handle(.enter, seats: seats, attendance: [:], keyMap: .record)
        #expect(outcome == .mark(seat: "sesan", present: true, delegate: "Luis", typed: true))
        #expect(sheet.delegate == nil)
        let absent = sheet.handle(.character("a"), seats: seats, attendance: [:], keyMap: .record)
        #expect(absent == .mark(seat: "sesan", present: false, delegate: nil, typed: false))
        outcome = sheet.handle(.character("u"), seats: seats, attendance: [:], keyMap: .record)
        #expect(outcome == .screenCommand)
        outcome = sheet.handle(.escape, seats: seats, attendance: [:], keyMap: .record)
        #expect(outcome == .close)
    }
}

@Suite struct ActionItemFormTests {
    let seats = [Seat(id: "sesan", name: "Secretaría de Seguridad Alimentaria (SESAN)", kind: .government, delegates: [])]

    @Test func walksTheFieldsAndSaves() throws {
        var form = ActionItemForm(item: 3)
        var outcome = form.handle(.enter, seats: seats, keyMap: .record)
        #expect(outcome == .missingText)
        for c in "Publicar" { _ = form.handle(.character(c), seats: seats, keyMap: .record) }
        _ = form.handle(.enter, seats: seats, keyMap: .record)
        #expect(form.field == .kind)
        _ = form.handle(.character("d"), seats: seats, keyMap: .record)
        #expect(form.kind == .decision)
        _ = form.handle(.enter, seats: seats, keyMap: .record)
        for c in "ses" { _ = form.handle(.character(c), seats: seats, keyMap: .record) }
        _ = form.handle(.tab, seats: seats, keyMap: .record)
        #expect(form.responsible.text == "SESAN")
        _ = form.handle(.enter, seats: seats, keyMap: .record)
        for c in "+2w" { _ = form.handle(.character(c), seats: seats, keyMap: .record) }
        outcome = form.handle(.enter, seats: seats, keyMap: .record)
        #expect(outcome == .save)
        let parsed = try form.parsed(base: CalendarDate(iso: "2023-03-29")!).get()
        #expect(parsed.due == CalendarDate(iso: "2023-04-12"))
        form.due.set("31/02")
        #expect(throws: ActionItemForm.Rejection.invalidDueDate) { try form.parsed(base: CalendarDate(iso: "2023-03-29")!).get() }
    }
}

@Suite struct SpeakersPanelTests {
    let agenda = Agenda(actaNumber: "1", title: "Mesa", date: CalendarDate(iso: "2023-03-29")!, plannedStart: nil, place: nil,
                        convener: nil, planID: "p",
                        seats: [Seat(id: "gae", name: "Gobierno Abierto (GAE)", kind: .government, delegates: ["Jaime Muñoz Flores"]),
                                Seat(id: "sesan", name: "Secretaría de Seguridad Alimentaria (SESAN)", kind: .government, delegates: [])],
                        items: [AgendaItem(number: 1, kind: .free(title: "Bienvenida", presenter: nil), plannedMinutes: 5)])

    func press(_ panel: inout SpeakersPanel, _ keys: [Key], list: SpeakersList? = nil) -> [SpeakersPanel.Outcome] {
        let candidates = SpeakerCandidate.all(agenda, attendance: [:])
        return keys.map { panel.handle($0, list: list, candidates: candidates, keyMap: .record) }
    }

    @Test func tabCompletesFromSeatsAndDelegatesAndCycles() {
        var panel = SpeakersPanel(item: 1, list: nil)
        _ = press(&panel, [.character("a"), .character("j"), .character("a"), .tab])
        #expect(panel.field?.text == "Jaime Muñoz Flores (GAE)", "a delegate, by the start of a word")
        let queued = press(&panel, [.enter])
        #expect(queued == [.record(.speakerQueued(item: 1, speaker: Speaker(seat: "gae", name: "Jaime Muñoz Flores")))])
        _ = press(&panel, [.character("a"), .character("s"), .tab])
        #expect(panel.field?.text == "SESAN")
        _ = press(&panel, [.tab])
        #expect(panel.field?.text == "Secretaría de Seguridad Alimentaria (SESAN)" || panel.field?.text == "SESAN",
                "Tab again cycles through what matches")
        _ = press(&panel, [.control("u")])
        for c in "Lucía Ñáñez" { _ = press(&panel, [.character(c)]) }
        #expect(press(&panel, [.enter]) == [.record(.speakerQueued(item: 1, speaker: Speaker(seat: nil, name: "Lucía Ñáñez")))],
                "anyone can be named")
    }

    @Test func oneKeyGivesTheFloorAndAnEmptyListIsSaidNotRecorded() {
        var panel = SpeakersPanel(item: 1, list: nil)
        guard case .refused = press(&panel, [.character(" ")])[0] else { Issue.record("refused with a message"); return }
        var list = SpeakersList()
        list.queue = [Speaker(seat: "sesan", name: "SESAN")]
        #expect(press(&panel, [.character(" ")], list: list) == [.record(.floorGiven(item: 1))])
        list.queue = []
        list.interventions = [Intervention(speaker: Speaker(seat: "sesan", name: "SESAN"), start: Timestamp(iso: "2023-03-29T09:00:00-06:00")!)]
        #expect(press(&panel, [.character("f")], list: list) == [.record(.floorEnded(item: 1))])
        _ = press(&panel, [.character("r")], list: list)
        for c in "Pide datos" { _ = press(&panel, [.character(c)], list: list) }
        #expect(press(&panel, [.enter], list: list) == [.record(.interventionSummarized(item: 1, index: 1, summary: "Pide datos"))])
        #expect(press(&panel, [.character("u")], list: list) == [.screenCommand], "undo is the screen's")
        #expect(press(&panel, [.escape], list: list) == [.close])
    }
}
