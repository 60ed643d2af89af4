import ActaCore
import ActaFormats
import ActaStore
import ActaTestSupport
import ActaUI
import Testing

/// The bundled sessions as the reader sees them, on a given day.
func reviewModel(width: Int = 80, height: Int = 24, today: String = "2023-11-20", follow: String? = nil,
                 language: Language = .es, prepare: (TemporarySessions) throws -> Void = { _ in }) throws -> ReviewModel {
    let tmp = try TemporarySessions()
    defer { tmp.remove() }
    try prepare(tmp)
    let entries = SessionsDirectory(root: tmp.root).loadAll().map {
        ReviewEntry(name: $0.name, session: $0.session, problem: $0.errors.first?.formatted(language))
    }
    return ReviewModel(entries: entries, today: CalendarDate(iso: today)!, language: language, width: width, height: height, follow: follow)
}

extension ReviewModel {
    mutating func press(_ keys: Key...) { for k in keys { _ = update(.key(k)) } }
    mutating func type(_ text: String) { for c in text { _ = update(.key(.character(c))) } }
}

@Suite struct ReviewModelTests {
    @Test func listIsNewestFirstAndTypingFilters() throws {
        var m = try reviewModel()
        #expect(m.listed.map(\.name) == ["2023-10-18-ejemplo-octubre", "2023-08-16-ejemplo-agosto", "2023-06-20-mesa-junio",
                                         "2023-03-29-primera-mesa"])
        m.press(.character("/"))
        m.type("primera")
        #expect(m.listed.map(\.name) == ["2023-03-29-primera-mesa"])
        m.press(.escape)
        #expect(m.listed.count == 4)
    }

    @Test func openSearchAndJumpBetweenHeadings() throws {
        var m = try reviewModel()
        m.press(.enter)
        #expect(m.screen == .session("2023-10-18-ejemplo-octubre"))
        m.press(.character("/"))
        m.type("dialogos")
        m.press(.enter)
        #expect(m.pager.matches.count >= 2, "accents ignored")
        let first = m.pager.top
        m.press(.character("n"))
        #expect(m.pager.top != first || m.pager.matches.count == 1)
        m.press(.character("g"), .character("]"))
        #expect(m.pager.lines[m.pager.top].isHeading)
        m.press(.character("q"))
        #expect(m.screen == .list)
        let quits = m.update(.key(.character("q")))
        #expect(quits, "q on the list quits")
    }

    @Test func timelineShowsTheChangeBetweenSessions() throws {
        var m = try reviewModel(width: 160, height: 40)
        m.press(.character("c"), .enter)
        #expect(m.screen == .timeline(commitment: 1))
        let text = m.pager.lines.map(\.text).joined(separator: "\n")
        #expect(text.contains("Sustancial → Completo"))
        #expect(text.contains("▲ 60 % → 100 %"))
        #expect(text.contains("= sin cambio"))
    }

    @Test func acuerdosFilterOverdueOpenAndByResponsableThenJump() throws {
        var m = try reviewModel()
        m.press(.character("a"))
        #expect(m.shownActionItems.count == 6)
        m.press(.character("v"))
        #expect(m.shownActionItems.map(\.item.responsible).sorted() == ["MINGOB", "SESAN"])
        m.press(.character("v"), .character("o"))
        #expect(m.shownActionItems.count == 5, "open only")
        m.press(.character("r"))
        m.type("conadi")
        m.press(.enter)
        #expect(m.shownActionItems.map(\.item.responsible) == ["CONADI"])
        m.press(.enter)
        #expect(m.screen == .session("2023-10-18-ejemplo-octubre"))
        #expect(m.pager.lines[m.pager.top].text.hasPrefix("5. "), "shows the item where it was agreed")
    }

    @Test func warnsWhenTheMesaIsBehindOGPsMinimum() throws {
        let late = try reviewModel(today: "2026-11-23")
        #expect(late.archive.cadence(today: late.today).isBehind)
        #expect(ReviewView.render(late).text.contains("por debajo del mínimo de OGP"))
        let onTime = try reviewModel(today: "2023-11-20")
        #expect(!onTime.archive.cadence(today: onTime.today).isBehind)
    }

    @Test func brokenSessionsAreListedWithAReason() throws {
        let m = try reviewModel { tmp in
            try tmp.write("2023-08-16-ejemplo-agosto/agenda.yaml", "acta: [\n")
        }
        let broken = m.listed.first { $0.name == "2023-08-16-ejemplo-agosto" }
        #expect(broken?.session == nil)
        #expect(broken?.problem?.contains("agenda.yaml:") == true)
        #expect(ReviewView.render(m).text.contains("⚠"))
    }

    @Test func escapeSequencesInNotesAreShownNotSent() throws {
        var m = try reviewModel { tmp in
            let w = try JournalWriter(path: tmp.path("2023-10-18-ejemplo-octubre/journal.jsonl"))
            try w.append(SessionEvent(seq: 200, at: Timestamp(iso: "2023-10-18T10:00:00-06:00")!,
                                      kind: .noteAdded(item: 1, text: "hola \u{1B}]2;PWNED\u{07}\u{1B}[2J fin")))
        }
        m.press(.enter, .character("/"))
        m.type("PWNED")
        m.press(.enter)
        let screen = ReviewView.render(m)
        #expect(screen.text.contains("hola ^[]2;PWNED^G^[[2J fin"))
        #expect(!screen.cells.contains { $0.character.unicodeScalars.contains { ControlCharacters.isControl($0) } })
    }

    @Test func followReloadsKeepingTheEnd() throws {
        var m = try reviewModel(follow: "2023-10-18-ejemplo-octubre")
        #expect(m.screen == .session("2023-10-18-ejemplo-octubre"))
        let before = m.pager.lines.count
        var entries: [ReviewEntry] = []
        _ = try reviewModel { tmp in
            let w = try JournalWriter(path: tmp.path("2023-10-18-ejemplo-octubre/journal.jsonl"))
            try w.append(SessionEvent(seq: 200, at: Timestamp(iso: "2023-10-18T10:00:00-06:00")!, kind: .actionItemAdded(
                ActionItem(number: 4, item: 6, kind: .task, text: "Acuerdo recién tomado", responsible: "GAE", due: nil))))
            entries = SessionsDirectory(root: tmp.root).loadAll().map { ReviewEntry(name: $0.name, session: $0.session, problem: nil) }
        }
        m.reload(entries, at: Timestamp(iso: "2023-10-18T10:00:01-06:00")!)
        #expect(m.pager.lines.count > before)
        // The acuerdos table may wrap the text over lines.
        #expect(m.pager.lines.map(\.text).joined(separator: " ").contains("EJEMPLO-2-04"))
        #expect(m.pager.lines.contains { $0.text.contains("recién") })
        #expect(ReviewView.render(m).text.contains("EN VIVO"))
    }
}

@Suite struct ReviewGoldenTests {
    func golden(_ m: ReviewModel, _ name: String) throws {
        try assertGolden(ReviewView.render(m).text + "\n", "ActaUITests/Golden/review-\(name)-\(m.width)x\(m.height).txt")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func reviewScreens(_ width: Int, _ height: Int) throws {
        var m = try reviewModel(width: width, height: height)
        try golden(m, "list")
        m.press(.enter, .character("/"))
        m.type("portal")
        m.press(.enter)
        try golden(m, "acta-search")
        m.press(.character("q"), .character("c"))
        try golden(m, "commitments")
        m.press(.enter)
        try golden(m, "timeline")
        m.press(.character("q"), .character("q"), .character("a"), .character("v"))
        try golden(m, "acuerdos-overdue")
        m.press(.character("?"))
        try golden(m, "help")
    }
}

@Suite struct ReviewHelpTests {
    @Test func helpListsEveryBindingAndScrolls() throws {
        let lines = KeyMap.review.helpLines(.en)
        for binding in KeyMap.review.bindings {
            #expect(lines.contains { $0.text == binding.help.en }, "\(binding.help.en)")
        }
        var m = try reviewModel()
        m.press(.character("?"))
        #expect(m.screen == .help)
        let first = ReviewView.render(m).text
        m.press(.character("j"), .character("j"))
        #expect(m.helpScroll == 2)
        #expect(ReviewView.render(m).text != first)
        m.press(.escape)
        #expect(m.screen == .list)
    }
}

@Suite struct DocumentLayoutTests {
    @Test func paragraphLineBreaksStayBreaksAndControlsBecomeVisible() {
        let lines = DocumentLayout.lines([.paragraph("uno\ndos \u{1B}[1m")], width: 40).map(\.text)
        #expect(lines == ["uno", "dos ^[[1m"])
    }
}
