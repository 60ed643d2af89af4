import ActaCore
import ActaFormats
import ActaStore
import ActaTestSupport
@testable import ActaUI
import Foundation
import Testing

/// `s` in `acta review`: one search of every session (the session index), and each hit opened
/// in its session's acta, at the hit, highlighted.
@Suite struct ReviewSearchTests {
    /// The bundled sessions with a note about the trust fund in two of them; the model searches
    /// them through the session index, as the program does.
    final class Mesa {
        let tmp: TemporarySessions
        init() throws {
            tmp = try TemporarySessions()
            try note("2023-08-16-ejemplo-agosto", seq: 28, "Se propone crear un fideicomiso para las capacitaciones")
            try note("2023-10-18-ejemplo-octubre", seq: 29, "El Ministerio informa que el Fideicomiso de capacitación ya opera")
        }
        deinit { tmp.remove() }

        func note(_ session: String, seq: Int, _ text: String) throws {
            let w = try JournalWriter(path: tmp.path("\(session)/journal.jsonl"))
            try w.append(SessionEvent(seq: seq, at: Timestamp(iso: "2023-10-18T11:00:00-06:00")!, kind: .noteAdded(item: 2, text: text)))
        }

        func model(language: Language = .es, width: Int = 80, height: Int = 24) -> ReviewModel {
            let dir = SessionsDirectory(root: tmp.root)
            let environment = ["XDG_CACHE_HOME": tmp.base.appendingPathComponent("cache").path]
            let entries = dir.loadAll().map { ReviewEntry(name: $0.name, session: $0.session, problem: $0.errors.first?.formatted(language)) }
            return ReviewModel(entries: entries, today: CalendarDate(iso: "2023-11-20")!, language: language, width: width, height: height,
                               searchSessions: { SessionIndex(dir, environment: environment, mayWriteInFolder: false).search($0).hits })
        }
    }

    /// The text a match highlights, folded.
    func highlighted(_ m: ReviewModel) -> String? {
        guard let c = m.pager.currentMatch else { return nil }
        return Folding.fold(m.pager.matches[c].runs.map { run in
            String(Array(m.pager.lines[run.line].text).dropFirst(run.column).prefix(run.width))
        }.joined(separator: " "))
    }

    @Test func findsInEverySessionNewestFirstAndOpensEachHitInItsActa() throws {
        let mesa = try Mesa()
        var m = mesa.model()
        m.press(.character("s"))
        m.type("FIDEICOMISO capacitacion")
        m.press(.enter)
        #expect(m.screen == .searchResults)
        #expect(m.sessionHits.map(\.session) == ["2023-10-18-ejemplo-octubre", "2023-08-16-ejemplo-agosto"])
        #expect(m.sessionHits.allSatisfy { $0.kind == .note })
        #expect(m.message == "2 resultados en 2 sesiones")
        // The second hit: its session's acta, the current match inside the note found.
        m.press(.down, .enter)
        #expect(m.screen == .session("2023-08-16-ejemplo-agosto"))
        #expect(m.pager.query == "capacitacion", "the longest word typed is highlighted")
        let current = try #require(m.pager.currentMatch)
        let line = m.pager.matches[current].line
        #expect(m.pager.lines[line].text.contains("capacitaciones") || m.pager.lines[max(0, line - 1)...line].contains { $0.text.contains("fideicomiso") })
        #expect(highlighted(m) == "capacitacion")
        #expect(line >= m.pager.top && line < m.pager.top + m.bodyHeight, "the hit is on the screen")
        // Back to the results, where they were left; then the first hit.
        m.press(.character("q"))
        #expect(m.screen == .searchResults)
        #expect(m.hitSelection == 1)
        m.press(.up, .enter)
        #expect(m.screen == .session("2023-10-18-ejemplo-octubre"))
        #expect(highlighted(m) == "capacitacion")
        let shown = m.pager.lines[m.pager.matches[m.pager.currentMatch!].line].text
        #expect(Folding.fold(shown).contains("capacitacion"))
    }

    @Test func aTitleAndAnAcuerdoAreFoundTooAndNothingFoundSaysSo() throws {
        let mesa = try Mesa()
        var m = mesa.model()
        m.press(.character("s"))
        m.type("demostracion")
        m.press(.enter)
        #expect(m.sessionHits.contains { $0.kind == .title })
        m.press(.character("q"), .character("s"))
        // The last query comes back selected: typing replaces it.
        #expect(m.editing?.text.text == "demostracion")
        m.type("palabraquenoexiste")
        m.press(.enter)
        #expect(m.screen == .list, "nothing found: the list stays")
        #expect(m.message == "Sin resultados para «palabraquenoexiste» en ninguna sesión.")
    }

    @Test func inEnglish() throws {
        let mesa = try Mesa()
        var m = mesa.model(language: .en)
        m.press(.character("s"))
        m.type("ministerio fideicomiso")
        m.press(.enter)
        #expect(m.message == "1 result in 1 session")
        let screen = ReviewView.render(m).text
        #expect(screen.contains("Search of every session: “ministerio fideicomiso” · 1"))
        #expect(screen.contains("note"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func resultsScreenGolden(_ width: Int, _ height: Int) throws {
        let mesa = try Mesa()
        var m = mesa.model(width: width, height: height)
        m.press(.character("s"))
        m.type("fideicomiso")
        m.press(.enter)
        try ReviewGoldenTests().golden(m, "search-every-session")
    }

    @Test func theHelpScreenNamesTheKey() throws {
        let mesa = try Mesa()
        var m = mesa.model(width: 200, height: 60)
        m.press(.character("?"))
        #expect(ReviewView.render(m).text.contains("Buscar en todas las sesiones"))
    }

    /// Demonstration sessions hold fictitious data: their hits say so, as the session list does.
    @Test func hitsInADemonstrationSessionAreLabelled() throws {
        let mesa = try Mesa()
        var m = mesa.model(width: 120, height: 30)
        m.press(.character("s"))
        m.type("fideicomiso")
        m.press(.enter)
        let screen = ReviewView.render(m).text
        #expect(screen.contains("[ejemplo] El Ministerio informa"), "\(screen)")
        #expect(screen.contains("[ejemplo] Se propone crear"))
    }

    /// Words with no letter or digit cannot be found by the index: the search says so rather
    /// than "no results"; nothing typed is sent as query syntax.
    @Test func aQueryWithNothingSearchableSaysWhy() throws {
        let mesa = try Mesa()
        var m = mesa.model()
        for query in ["🎉", "fideicomiso ---", "\""] {
            m.press(.character("s"))
            m.type(query)
            m.press(.enter)
            #expect(m.screen == .list)
            #expect(m.message?.contains("no tiene letras ni cifras") == true, "\(query): \(m.message ?? "")")
        }
        m.press(.character("s"))
        m.type("title:fideicomiso")
        m.press(.enter)
        #expect(m.screen == .list, "title: is text, not a column filter")
        m.press(.character("s"))
        m.type("(fideicomiso CREAR)")
        m.press(.enter)
        #expect(m.sessionHits.map(\.session) == ["2023-08-16-ejemplo-agosto"])
    }

    /// The index matches a word's letters and digits (signs only separate them); the acta the
    /// hit opens must show the hit even when the word as typed is not in the text literally.
    @Test func aHitFoundThroughSignsIsShownAndHighlighted() throws {
        let mesa = try Mesa()
        var m = mesa.model()
        m.press(.character("s"))
        m.type("fideicomiso+PARA")
        m.press(.enter)
        #expect(m.sessionHits.map(\.session) == ["2023-08-16-ejemplo-agosto"])
        m.press(.enter)
        #expect(m.screen == .session("2023-08-16-ejemplo-agosto"))
        #expect(highlighted(m) == "fideicomiso", "the longest run of letters typed")
        let current = try #require(m.pager.currentMatch)
        let line = m.pager.matches[current].line
        #expect(m.pager.lines[line].text.contains("fideicomiso para"))
        #expect(line >= m.pager.top && line < m.pager.top + m.bodyHeight, "the hit is on the screen")
    }
}
