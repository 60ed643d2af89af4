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
        // Figures keep their % with a no-break space, so wrapping never parts them.
        let text = m.pager.lines.map(\.text).joined(separator: "\n").replacingOccurrences(of: "\u{00A0}", with: " ")
        #expect(text.contains("Sustancial → Completo"))
        #expect(text.contains("▲ 60 % → 100 %"))
        #expect(text.contains("= sin cambio"))
    }

    @Test func everyAcuerdosTextIsWholeAtEightyColumns() throws {
        var m = try reviewModel()
        m.press(.character("a"))
        let screen = ReviewView.render(m).text
        for piece in ["Presentar el cronograma", "replanificado del hito 1.3", "de personas con", "discapacidad"] {
            #expect(screen.contains(piece), "\(piece)")
        }
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
        #expect(broken?.summary == nil)
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
    /// The text, and at 80×24 also the attributes a terminal without colour shows.
    func golden(_ m: ReviewModel, _ name: String) throws {
        let screen = ReviewView.render(m)
        try assertGolden(screen.text + "\n", "ActaUITests/Golden/review-\(name)-\(m.width)x\(m.height).txt")
        if m.width == 80 && m.height == 24 {
            try assertGolden(screen.monochromeText + "\n", "ActaUITests/Golden/review-\(name)-\(m.width)x\(m.height).nocolor.txt")
        }
    }

    @Test(arguments: [(80, 24), (60, 20), (120, 40)])
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

extension ReviewGoldenTests {
    /// Every screen wholly in English with --lang en (the list once said "HITOS"), plurals right.
    @Test func englishScreens() throws {
        var m = try reviewModel(language: .en)
        try golden(m, "list-en")
        m.press(.character("c"))
        try golden(m, "commitments-en")
        let commitments = ReviewView.render(m).text
        #expect(commitments.contains("(1 milestone)") && commitments.contains("(5 milestones)"))
        m.press(.enter)
        try golden(m, "timeline-en")
        m.press(.character("q"), .character("q"), .character("a"))
        try golden(m, "acuerdos-en")
        for screen in [try reviewModel(language: .en)].map({ ReviewView.render($0).text }) + [commitments] {
            for spanish in ["HITOS", "FECHA", "Compromisos", "hitos", "Sesiones", "acuerdos"] {
                #expect(!screen.contains(spanish), "“\(spanish)” on an English screen")
            }
        }
    }

    @Test func pluralsInSpanish() throws {
        var m = try reviewModel()
        m.press(.character("c"))
        let text = ReviewView.render(m).text
        #expect(text.contains("(1 hito)") && text.contains("(5 hitos)"))
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
        m.press(.pageDown)
        #expect(m.helpScroll == 2 + m.bodyHeight - 1, "PgDn scrolls a page")
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

extension DocumentLayoutTests {
    @Test func aTableThatFitsStaysATableAndOneThatDoesNotBecomesLabelledBlocks() {
        let header = ["Hito", "Estado", "Nota", "Cambio desde el acta 1-2023 (2023-03-29)"]
        let rows = [["1.1", "Sustancial", "Portal relanzado con el catálogo de datos del ministerio", "Limitado → Sustancial"]]
        let wide = DocumentLayout.lines([.table(header: header, rows: rows)], width: 160).map(\.text)
        #expect(wide.first?.contains("│") == true, "wide terminals keep the table")
        let narrow = DocumentLayout.lines([.table(header: header, rows: rows)], width: 45).map(\.text)
        #expect(narrow.contains { $0.hasPrefix("▸ Hito: 1.1") })
        #expect(narrow.contains { $0.contains("Estado") && $0.contains("Sustancial") })
        #expect(narrow.contains { $0.contains("Cambio desde el acta 1-2023 (2023-03-29)") }, "a long label is kept whole")
        let joined = narrow.joined(separator: " ")
        for word in rows[0][2].split(separator: " ") { #expect(joined.contains(word), "the note whole: \(word)") }
    }

    @Test func searchFindsMatchesWrappedAcrossTheLinesOfACellAndHighlightsThemWhole() {
        let rows = (1...5).map { ["1.\($0)", "el portal de datos abiertos número \($0)", "x"] }
        let lines = DocumentLayout.lines([.table(header: ["Hito", "Nota", "Otro"], rows: rows)], width: 30)
        var pager = Pager(lines: lines)
        pager.search("portal de datos", height: 20)
        #expect(pager.matches.count == 5, "every match, also those a cell wraps")
        let wrapped = pager.matches.filter { $0.runs.count > 1 }
        #expect(!wrapped.isEmpty, "at this width a match wraps across lines")
        for match in pager.matches {
            #expect(match.runs.reduce(0) { $0 + $1.width } == "portal de datos".count - match.runs.count + 1,
                    "the whole match is highlighted (less the space at a line break)")
        }
        var screen = Screen(width: 30, height: 20)
        pager.render(into: &screen, row: 0, column: 0, width: 30, height: 20)
        let run = pager.matches[0].runs[0]
        #expect(screen[run.line, run.column].role == .match)
        #expect(screen[run.line, run.column + run.width - 1].role == .match)
    }

    /// The folded text is made with each layout: after a resize the search uses the new width's lines.
    @Test func searchAfterAWidthChangeFindsAndHighlightsOnTheNewLayout() {
        let rows = (1...5).map { ["1.\($0)", "el portal de datos abiertos número \($0)", "x"] }
        let blocks: [DocumentBlock] = [.table(header: ["Hito", "Nota", "Otro"], rows: rows), .paragraph("Capacitación final")]
        var pager = Pager(lines: DocumentLayout.lines(blocks, width: 100))
        pager.search("PORTAL de datos", height: 40)
        #expect(pager.matches.count == 5)
        #expect(pager.matches.allSatisfy { $0.runs.count == 1 }, "at 100 columns no match wraps")
        let narrow = DocumentLayout.lines(blocks, width: 30)
        pager.replace(narrow, height: 40)
        #expect(pager.matches.count == 5, "every match again, on the narrow layout")
        #expect(pager.matches.contains { $0.runs.count > 1 }, "the matches follow the new wrapping")
        for match in pager.matches {
            #expect(match.runs.allSatisfy { $0.line < narrow.count && $0.column + $0.width <= DisplayWidth.of(narrow[$0.line].text) })
            let highlighted = match.runs.map { run in String(Array(narrow[run.line].text).dropFirst(run.column).prefix(run.width)) }
            #expect(Folding.fold(highlighted.joined(separator: " ")) == "portal de datos", "the whole match, on the new lines")
        }
        pager.search("capacitacion", height: 40)
        #expect(pager.matches.count == 1, "accents folded on the new layout too")
        var screen = Screen(width: 30, height: 40)
        pager.render(into: &screen, row: 0, column: 0, width: 30, height: 40)
        let run = pager.matches[0].runs[0]
        #expect(screen[run.line - pager.top, run.column].role == .match)
    }
}

extension ReviewGoldenTests {
    /// The first mesa as the reporter typed it (19 hito reports), read at 80 columns.
    @Test func theFirstMesasHitoTableIsReadableAtEightyColumns() throws {
        let keys: [(Int, Int, Int)] = [(3, 1, 1), (3, 1, 2), (3, 1, 3), (3, 1, 4), (3, 1, 5), (4, 3, 1), (4, 3, 2),
                                       (5, 4, 1), (5, 4, 2), (5, 4, 3), (5, 4, 4), (5, 4, 5), (5, 4, 6), (6, 7, 1), (7, 8, 1),
                                       (8, 9, 1), (9, 10, 2), (9, 10, 3), (9, 10, 4)]
        var m = try reviewModel { tmp in
            let w = try JournalWriter(path: tmp.path("2023-03-29-primera-mesa/journal.jsonl"))
            for (n, (item, c, h)) in keys.enumerated() {
                let report = MilestoneReport(item: item, key: MilestoneKey(commitment: c, milestone: h),
                                             status: [.limited, .substantial, .complete][n % 3], percent: [30, 60, 100][n % 3],
                                             validated: n % 2 == 0, note: "Nota de prueba \(n + 1): la institución informa el avance y la mesa pide la evidencia")
                try w.append(SessionEvent(seq: n + 1, at: Timestamp(iso: "2023-03-29T09:00:00-06:00")!.adding(seconds: 60 * n),
                                          kind: .milestoneReported(report)))
            }
        }
        let index = try #require(m.listed.firstIndex { $0.name == "2023-03-29-primera-mesa" })
        for _ in 0..<index { m.press(.down) }
        m.press(.enter, .character("/"))
        m.type("Nota de prueba 1:")
        m.press(.enter)
        try golden(m, "first-mesa-hitos")
        let text = m.pager.lines.map(\.text).joined(separator: "\n")
        #expect(text.contains("▸ Hito: 1.1"), "rows as labelled blocks at 80 columns")
        #expect(!m.pager.lines.contains { DisplayWidth.of($0.text) > 78 }, "nothing wider than the screen")
        var pager = m.pager
        pager.search("informa el avance y la mesa pide la evidencia", height: m.bodyHeight)
        #expect(pager.matches.count == 19, "every note whole, found even where it wraps")
    }
}
