import ActaFormats
import Foundation
import ActaStore
import ActaTestSupport
import ActaCore
import ActaUI
import Testing

@Suite struct RecordModelTests {
    let fixture: RecordFixture
    init() throws { fixture = try RecordFixture() }

    func key(_ c: Int, _ m: Int) -> MilestoneKey { MilestoneKey(commitment: c, milestone: m) }

    @Test func aWholeHitoReportIsStatusPercentNoteEnter() {
        var m = fixture.model()
        m.press(.character(" "))                  // first hito: 1.1, starts item 3
        #expect(m.selectedRow == .milestone(item: 3, key: key(1, 1)))
        m.press(.character("s"))
        m.type("60")
        m.press(.enter)
        m.type("Portal relanzado; año 2023")
        m.press(.enter)
        let r = m.session.report(key(1, 1))
        #expect(r?.status == .substantial)
        #expect(r?.percent == 60)
        #expect(r?.note == "Portal relanzado; año 2023")
        #expect(m.session.runningItem == 3)
        #expect(m.selectedRow == .milestone(item: 3, key: key(1, 2)), "moves on to the next hito")
        #expect(m.pending.isEmpty)
        #expect(m.mode == .browse)
    }

    @Test func nextHitoCrossesToTheNextInstitution() {
        var m = fixture.model()
        for _ in 0..<6 { m.press(.character(" ")) }
        #expect(m.selectedRow == .milestone(item: 4, key: key(3, 1)))
        #expect(m.session.runningItem == 4)
        #expect(m.session.timings[3] != nil)
    }

    @Test func percentMustBeZeroToHundredAndTheBadValueIsReplacedByTyping() {
        var m = fixture.model()
        m.press(.character(" "), .character("1"))
        m.type("50")
        m.press(.enter)
        #expect(m.message?.isError == true)
        #expect(m.message?.text.contains("150") == true, "names the refused value")
        guard case .editing(let editor) = m.mode else { Issue.record("stays in the editor"); return }
        #expect(editor.field.isSelected, "the refused value is selected")
        m.type("15")
        m.press(.enter)
        #expect(m.session.report(key(1, 1))?.percent == 15)
        #expect(m.mode == .browse)
    }

    @Test func typingOverAPrefilledPercentReplacesIt() {
        var m = fixture.model()
        m.press(.character(" "), .character("s"))
        m.type("60")
        m.press(.enter, .enter)                      // % 60, empty note: on to 1.2
        m.press(.character("k"), .character("l"))    // back to 1.1, a new status: the % field opens on 60
        guard case .editing(let editor) = m.mode else { Issue.record("the % field opens"); return }
        #expect(editor.field.text == "60")
        #expect(editor.field.isSelected)
        m.type("80")
        m.press(.enter)
        #expect(m.session.report(key(1, 1))?.percent == 80, "not 6080")
        m.press(.escape)
        #expect(m.mode == .browse, "Esc always leaves a field")
    }

    @Test func anOutOfRangePercentNeverTrapsTheField() {
        var m = fixture.model()
        m.press(.character(" "), .character("%"))
        m.type("6080")
        m.press(.enter)
        #expect(m.message?.isError == true)
        m.press(.escape)
        #expect(m.mode == .browse)
        #expect(m.session.report(key(1, 1))?.percent == nil, "nothing recorded")
    }

    @Test func correctingAFinishedItemKeepsEveryClock() {
        var m = fixture.model()
        m.press(.character(" "), .character("s"), .enter, .enter)   // item 3 runs; 1.1 reported
        for _ in 0..<5 { m.press(.character(" ")) }                  // into item 4: item 3 ends
        #expect(m.session.runningItem == 4)
        let item3 = m.session.timings[3]
        m.press(.character("/"))
        m.type("1.1")
        m.press(.enter)
        #expect(m.selectedRow == .milestone(item: 3, key: key(1, 1)))
        m.press(.character("c"))
        m.type("100")
        m.press(.enter, .enter)
        m.press(.character("v"), .character("a"))
        m.type("Corregido")
        m.press(.enter, .enter, .enter, .enter)
        #expect(m.session.report(key(1, 1))?.status == .complete)
        #expect(m.session.actionItems.count == 1)
        #expect(m.session.runningItem == 4, "the running item keeps running")
        #expect(m.session.timings[3] == item3, "the finished item's clock did not move")
    }

    @Test func aRoundOfSpeakersIsTimedSummarisedUndoneAndWrittenInTheActa() throws {
        var m = fixture.model()
        m.press(.character(" "))                               // item 3 runs
        m.press(.character("o"), .character("a"))
        m.type("ming")
        m.press(.tab, .enter)
        m.press(.character("a"))
        m.type("jaime")
        m.press(.tab, .enter)
        m.press(.character(" "))                               // MINGOB has the floor
        m.press(.character(" "))                               // Jaime Muñoz Flores (GAE); MINGOB's turn ends
        m.press(.character("k"), .character("r"))
        m.type("Presenta el portal de datos")
        m.press(.enter, .character("f"))
        let list = try #require(m.session.speakers[3])
        #expect(list.interventions.map(\.speaker.name) == ["MINGOB", "Jaime Muñoz Flores"])
        #expect(list.interventions[0].summary == "Presenta el portal de datos")
        #expect(list.interventions.allSatisfy { $0.end != nil })
        #expect(RecordView.render(m).text.contains("Jaime Muñoz Flores (GAE)"))
        m.press(.character("u"))
        #expect(m.session.speakers[3]?.current != nil, "undo takes back the end of the turn")
        m.press(.character("U"), .escape)
        #expect(m.mode == .browse)
        let minutes = MinutesWriter(session: NamedSession(name: RecordFixture.name, session: m.session), archive: fixture.archive, language: .es).render()
        #expect(minutes.contains("| 1 | Ministerio de Gobernación (MINGOB) |"))
        #expect(minutes.contains("Presenta el portal de datos"))
        #expect(minutes.contains("Jaime Muñoz Flores (GAE)"))
    }

    @Test func anOverrunIsShownInText() {
        var m = fixture.model()
        m.press(.character(" "))                                    // item 3 runs, planned 15′
        _ = m.tick(RecordFixture.start.adding(seconds: 17 * 60 + 30))
        let screen = RecordView.render(m).text
        #expect(screen.contains("/15′ +3′"), "\(screen)")
    }

    @Test func anEmptyNoteRecordsNothing() {
        var m = fixture.model()
        m.press(.character(" "))
        let events = m.session.events.count
        m.press(.character("n"), .enter)
        #expect(m.session.events.count == events, "an empty hito note")
        m.press(.character("g"), .character("j"), .character("n"), .enter)   // item 1, a free item
        #expect(m.session.events.count == events, "an empty item note")
        #expect(m.message?.text.contains("no se registró nada") == true)
    }

    @Test func theSearchPromptOpensEmptyAndUpRecallsEarlierQueries() {
        var m = fixture.model()
        m.press(.character("/"))
        m.type("educacion")
        m.press(.enter)
        m.press(.character("/"))
        guard case .search(let prompt) = m.mode else { Issue.record("the prompt opens"); return }
        #expect(prompt.field.text.isEmpty, "not the previous query")
        m.type("mintrab")
        m.press(.enter, .character("/"), .up)
        guard case .search(let recalled) = m.mode else { Issue.record("still searching"); return }
        #expect(recalled.field.text == "mintrab")
        m.press(.up)
        guard case .search(let older) = m.mode else { Issue.record("still searching"); return }
        #expect(older.field.text == "educacion")
        m.press(.enter)
        #expect(m.selectedRow == .item(5))
    }

    @Test func togglesRecordAtOnceAndUndoRedoWork() {
        var m = fixture.model()
        m.press(.character(" "), .character("v"), .character("r"))
        #expect(m.session.report(key(1, 1))?.validated == true)
        #expect(m.session.report(key(1, 1))?.rescheduled == true)
        m.press(.character("u"))
        #expect(m.session.report(key(1, 1))?.rescheduled == false)
        #expect(m.message?.text.contains("Deshecho") == true)
        m.press(.control("r"))
        #expect(m.session.report(key(1, 1))?.rescheduled == true)
    }

    @Test func attendanceHasOneKeyPerStateAndNamesTheDelegate() {
        var m = fixture.model()
        m.press(.character("t"), .character("p"))
        #expect(m.session.attendance["gae"] == Attendance(present: true, delegate: "Jaime Muñoz Flores"))
        m.press(.character("k"), .character("p"))
        #expect(m.session.attendance["gae"]?.present == true, "pressing present again never flips it back")
        m.press(.character("d"))
        m.type("Lucía Núñez")
        m.press(.enter)
        #expect(m.session.attendance["mingob"] == Attendance(present: true, delegate: "Lucía Núñez"))
        m.press(.character("a"))
        #expect(m.session.attendance.values.count == 3)
        #expect(m.session.attendance.first { $0.value.present == false } != nil, "absent with its own key")
        for _ in 0..<20 { m.press(.character("p")) }
        let last = m.session.agenda.seats.last!.id
        #expect(m.session.attendance[last]?.present == true, "the last seat is marked like the others")
        m.press(.character("p"))
        #expect(m.session.attendance[last]?.present == true)
        #expect(m.message?.text.contains("Último asiento") == true)
        m.press(.escape)
        #expect(m.mode == .browse)
    }

    @Test func anAcuerdoWithCompletedResponsableAndRelativeDate() {
        var m = fixture.model()
        m.press(.character(" "), .character("a"))
        m.type("Publicar el calendario")
        m.press(.enter, .enter)                      // text → type → responsable
        m.type("ses")
        m.press(.tab, .enter)
        m.type("+2w")
        m.press(.enter)
        let a = m.session.actionItems.first
        #expect(a?.text == "Publicar el calendario")
        #expect(a?.responsible == "SESAN")
        #expect(a?.due == CalendarDate(iso: "2023-04-12"))
        #expect(a?.item == 3)
        // Edit and close it from the right pane.
        m.press(.tab)
        #expect(m.pane == .actionItems)
        m.press(.character("x"))
        #expect(m.session.actionItems.first?.closed == true)
        m.press(.enter)
        m.press(.control("u"))
        m.type("Publicar el calendario anual")
        m.press(.enter, .enter, .enter, .enter)
        #expect(m.session.actionItems.first?.text == "Publicar el calendario anual")
    }

    @Test(arguments: [("2023-08-15", "2023-08-15"), ("15/08", "2023-08-15"), ("15/02", "2024-02-15"), ("+10d", "2023-04-08"),
                      ("+2w", "2023-04-12"), ("1/3/24", "2024-03-01")])
    func dueDates(_ input: String, _ expected: String) {
        #expect(DueDateInput.parse(input, base: CalendarDate(iso: "2023-03-29")!) == CalendarDate(iso: expected))
    }

    @Test func badDueDatesAreRefused() {
        for bad in ["31/02", "mañana", "+2y", "2023-02-30"] {
            #expect(DueDateInput.parse(bad, base: CalendarDate(iso: "2023-03-29")!) == nil, "\(bad)")
        }
    }

    @Test func draftsAreSavedAtMostEverySecondWhileTyping() {
        var m = fixture.model()
        m.press(.character(" "), .character("n"))
        m.type("Nota larga")
        let t0 = RecordFixture.start
        #expect(m.tick(t0).contains(.saveDraft(Draft(target: .note(commitment: 1, milestone: 1), text: "Nota larga"))))
        m.type(" más")
        #expect(!m.tick(t0).contains { if case .saveDraft = $0 { return true } else { return false } })
        #expect(m.tick(t0.adding(seconds: 1)).contains(.saveDraft(Draft(target: .note(commitment: 1, milestone: 1), text: "Nota larga más"))))
        #expect(m.update(.key(.escape)).contains(.clearDraft))
    }

    @Test func aDraftIsOfferedBackOnRestart() {
        var m = fixture.model(draft: Draft(target: .note(commitment: 3, milestone: 2), text: "texto perdido"))
        if case .draftOffer = m.mode {} else { Issue.record("the draft is offered") }
        m.press(.enter)
        #expect(m.selectedRow == .milestone(item: 4, key: key(3, 2)))
        m.press(.enter)
        #expect(m.session.report(key(3, 2))?.note == "texto perdido")
    }

    @Test func aFailedWriteKeepsTheChangeAndSaysSo() {
        var m = fixture.model()
        _ = m.update(.key(.character(" ")))
        _ = m.update(.key(.character("v")))
        #expect(m.pending.count == 2)
        m.writeFailed("disco lleno")
        #expect(m.message?.isError == true)
        #expect(m.shown.report(key(1, 1))?.validated == true, "the change stays on screen")
        #expect(m.tick(RecordFixture.start).contains(.flushJournal), "and is retried")
        m.perform([.flushJournal])
        #expect(m.pending.isEmpty)
        #expect(m.session.report(key(1, 1))?.validated == true)
    }

    @Test func resumesWhereRecordingLeftOff() {
        var m = fixture.model()
        m.press(.character(" "), .character(" "), .character("l"), .enter, .enter)
        let reopened = RecordModel(session: m.session, name: RecordFixture.name, archive: fixture.archive, language: .es,
                                   now: RecordFixture.start, width: 80, height: 24)
        #expect(reopened.selectedRow == .milestone(item: 3, key: key(1, 3)))
    }

    @Test func searchFindsAgendaRowsWithoutAccents() {
        var m = fixture.model()
        m.press(.character("/"))
        m.type("educacion")
        m.press(.enter)
        #expect(m.selectedRow == .item(5))
    }

    @Test func helpListsEveryBindingOfTheKeyTable() {
        let lines = KeyMap.record.helpLines(.es)
        for binding in KeyMap.record.bindings {
            #expect(lines.contains { $0.text == binding.help.es }, "\(binding.help.es)")
        }
        var m = fixture.model()
        m.press(.character("?"))
        #expect(m.mode == .help(HelpPager()))
        m.press(.escape)
        #expect(m.mode == .browse)
    }

    @Test func quitFlushesAndQuits() {
        var m = fixture.model()
        #expect(m.update(.key(.character("q"))).contains(.quit))
        #expect(!m.update(.key(.character("q"))).contains(.clearDraft))
        var small = fixture.model(width: 59, height: 20)
        #expect(small.isTooSmall)
        // A typed q while the "too small" message shows must not quit; F10 does.
        #expect(!small.update(.key(.character("q"))).contains(.quit))
        #expect(small.update(.key(.function(10))).contains(.quit))
    }

    @Test func aTooSmallTerminalNeverTurnsTypingIntoCommands() {
        var m = fixture.model()
        m.press(.character(" "))
        m.press(.character("n"))
        #expect(m.isTyping)
        _ = m.update(.resize(width: 40, height: 12))
        for c in "quiet u" { _ = m.update(.key(.character(c))) }
        #expect(m.currentDraft?.text == "quiet u")
        _ = m.update(.resize(width: 80, height: 24))
        #expect(m.isTyping)
        #expect(m.currentDraft?.text == "quiet u")
    }

    @Test func anEmptyDraftIsNeverOffered() {
        let empty = Draft(target: .itemNote(item: 1), text: "  ")
        #expect(!empty.holdsText)
        let m = fixture.model(draft: empty)
        #expect(m.mode == .browse)
        let json = #"{"text":"","actionItem":{"item":1,"text":"","isDecision":false,"responsible":"","due":"+2w"}}"#
        let form = try? JSONDecoder().decode(Draft.self, from: Data(json.utf8))
        #expect(form?.holdsText == true)
    }

    @Test func aWindowShrunkMidSentenceKeepsTypingIntoTheField() {
        var m = fixture.model()
        m.press(.character(" "), .character("n"))
        m.type("Portal ")
        _ = m.update(.resize(width: 40, height: 10))
        #expect(m.isTooSmall)
        m.type("quiere decir")
        _ = m.update(.resize(width: 80, height: 24))
        m.press(.enter)
        #expect(m.session.report(key(1, 1))?.note == "Portal quiere decir", "q and every other key went to the note")
    }

    @Test func sixtyByTwentyShowsOnePaneAtATimeAndTabSwitches() {
        var m = fixture.model(width: 60, height: 20)
        #expect(!m.isTooSmall && m.isCompact)
        m.press(.character(" "))
        #expect(!m.showsRightPane, "the agenda alone")
        m.press(.tab)
        #expect(m.pane == .details)
        #expect(m.showsRightPane)
        #expect(RecordView.render(m).text.contains("Hito 1.1 · Compromiso 1"))
        m.press(.tab)
        #expect(m.pane == .agenda, "no acuerdos yet: back to the agenda")
        m.press(.character("s"))
        #expect(m.showsRightPane, "a field being typed is shown")
    }

    @Test func aLongNoteIsShownWholeAndTheDetailsScroll() {
        var m = fixture.model()
        let note = (1...40).map { "palabra\($0)" }.joined(separator: " ")
        m.press(.character(" "), .character("n"))
        m.type(note)
        m.press(.enter)
        m.press(.tab)
        #expect(m.pane == .details, "details that do not fit take the focus")
        var seen = ""
        for _ in 0..<20 {
            seen += RecordView.render(m).text
            m.press(.down)
        }
        for word in note.split(separator: " ") { #expect(seen.contains(word), "\(word) is shown") }
    }
}

@Suite struct TextFieldTests {
    @Test func aSelectedValueIsReplacedByTheFirstCharacterOrClearedOrKeptByAMove() {
        var typed = TextField("60", selected: true)
        typed.insert("8")
        #expect(typed.text == "8")
        #expect(!typed.isSelected)
        var deleted = TextField("Nota", selected: true)
        deleted.deleteBackward()
        #expect(deleted.text.isEmpty)
        var moved = TextField("Nota", selected: true)
        moved.moveEnd()
        moved.insert(" más")
        #expect(moved.text == "Nota más")
        #expect(!TextField("", selected: true).isSelected, "nothing to select")
    }

    @Test func editsByCharacterNotByte() {
        var f = TextField("año")
        f.deleteBackward()
        #expect(f.text == "añ")
        f.moveLeft()
        f.deleteBackward()
        #expect(f.text == "ñ")
        f.insert("会議 ")
        #expect(f.text == "会議 ñ")
        f.moveEnd()
        f.insert("e\u{301}")
        #expect(f.text == "会議 ñé")
        #expect(f.characters.count == 5)
    }

    @Test func wordMovesAndKills() {
        var f = TextField("Se acuerda publicar datos")
        f.moveWordLeft()
        #expect(f.cursor == 20)
        f.moveWordLeft()
        f.killToEnd()
        #expect(f.text == "Se acuerda ")
        f.moveHome()
        f.moveWordRight()
        #expect(f.cursor == 2)
        f.moveEnd()
        f.deleteWordBackward()
        #expect(f.text == "Se ")
        f.killToStart()
        #expect(f.text.isEmpty)
    }

    @Test func pastedTextArrivesWholeWithoutControlCharacters() {
        var f = TextField()
        f.insert("línea 1\nlínea 2\u{1B}[31m")
        #expect(f.text == "línea 1 línea 2[31m")
    }

    @Test func aLongFieldWrapsAtSpacesAndTheCursorFollows() {
        var f = TextField("Portal en versión de prueba; falta el catálogo")
        let end = f.wrapped(width: 12)
        #expect(end.lines.joined() == f.text, "nothing lost in wrapping")
        #expect(end.lines.allSatisfy { DisplayWidth.of($0) <= 12 })
        #expect(end.lines.first == "Portal en ")
        #expect(end.cursorLine == end.lines.count - 1)
        f.moveHome()
        let home = f.wrapped(width: 12)
        #expect(home.cursorLine == 0 && home.cursorColumn == 0)
        let long = TextField(String(repeating: "会", count: 10)).wrapped(width: 6)
        #expect(long.lines.allSatisfy { DisplayWidth.of($0) <= 6 }, "a word longer than the line is cut, by columns")
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        let f = TextField(String(repeating: "ñandú ", count: 10))
        var screen = Screen(width: 20, height: 1)
        let column = f.render(into: &screen, row: 0, column: 0, width: 20, role: .field)
        #expect(column == 19)
        #expect(screen.text.hasSuffix("ñandú"))
    }
}

@Suite struct FollowUpTests {
    @Test func openAcuerdosOfEarlierSessionsCanBeClosedInTheFollowUpItem() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let all = SessionsDirectory(root: tmp.root).loadAll()
        let name = "2023-10-18-ejemplo-octubre"
        let recorded = all.first { $0.name == name }!.session!
        // The October session as it began: nothing recorded yet.
        let fresh = Session(agenda: recorded.agenda, plan: recorded.plan)
        var m = RecordModel(session: fresh, name: name, archive: SessionsDirectory.archive(all), language: .es,
                            now: RecordFixture.start, width: 80, height: 24)
        m.press(.character("j"), .character("j"))            // item 1, then item 2: the follow-up
        #expect(m.selectedRow == .item(2))
        #expect(m.itemActionItems.map(\.ref?.number) == [1, 2, 3])
        m.press(.tab, .character("x"))
        #expect(m.session.carriedClosures[ActionItemRef(session: "2023-08-16-ejemplo-agosto", number: 1)] == true)
        #expect(m.itemActionItems.first?.item.closed == true)
        #expect(RecordView.render(m).text.contains("[x] EJEMPLO-1 1."))
        #expect(RecordView.render(m).text.contains("Vencido"), "the acuerdo due 2023-09-30 is overdue on 2023-10-18")
    }
}
