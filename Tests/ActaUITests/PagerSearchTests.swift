import ActaCore
import ActaFormats
import ActaStore
import ActaTestSupport
@testable import ActaUI
import Testing

/// The pager's byte-level search finds exactly what a plain character-by-character search over
/// each text (its pieces joined by a space, case and accents folded) finds, and highlights the same cells.
@Suite struct PagerSearchTests {
    /// The obvious, slow way: every text's characters folded one by one, compared at every character.
    static func reference(_ query: String, in lines: [StyledLine]) -> [PagerMatch] {
        let needle = Array(Folding.fold(query))
        var units: [Int: [(line: Int, column: Int, text: String)]] = [:]
        var order: [Int] = []
        var own = -1
        for (i, line) in lines.enumerated() {
            if line.pieces.isEmpty { order.append(own); units[own] = [(i, 0, line.text)]; own -= 1; continue }
            for p in line.pieces {
                if units[p.unit] == nil { order.append(p.unit) }
                units[p.unit, default: []].append((i, p.column, p.text))
            }
        }
        var found: [PagerMatch] = []
        for unit in order {
            var chars: [(text: String, line: Int, column: Int, width: Int)] = []
            for (n, part) in units[unit]!.enumerated() {
                if n > 0 { chars.append((" ", -1, 0, 0)) }
                var x = part.column
                for c in part.text {
                    chars.append((c == "\u{00A0}" ? " " : Folding.fold(String(c)), part.line, x, DisplayWidth.of(c)))
                    x += DisplayWidth.of(c)
                }
            }
            var start = 0
            while start < chars.count {
                var joined: [Character] = []
                var end = start
                while end < chars.count && joined.count < needle.count { joined += Array(chars[end].text); end += 1 }
                guard joined == needle else { start += 1; continue }
                var runs: [PagerMatch.Highlight] = []
                for f in chars[start..<end] where f.line >= 0 {
                    if let last = runs.last, last.line == f.line, last.column + last.width == f.column {
                        runs[runs.count - 1].width += f.width
                    } else {
                        runs.append(.init(line: f.line, column: f.column, width: f.width))
                    }
                }
                if let first = runs.first { found.append(PagerMatch(line: first.line, runs: runs)) }
                start = end
            }
        }
        return found.sorted { ($0.line, $0.runs.first?.column ?? 0) < ($1.line, $1.runs.first?.column ?? 0) }
    }

    @Test func findsWhatACharacterByCharacterSearchFindsInEveryBundledActa() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let loaded = SessionsDirectory(root: tmp.root).loadAll().compactMap(\.named)
        #expect(loaded.count >= 4)
        let archive = MesaArchive(loaded)
        let queries = ["capacitación", "CAPACITACION", "de la", "mesa técnica", "ñ", "n", "1.1", "a", " ", "portal de datos",
                       "Ministerio de", "%", "—", "zzzz"]
        var total = 0
        for session in loaded {
            let document = MinutesWriter(session: session, archive: archive, language: .es).document()
            for width in [30, 80, 118] {
                let lines = DocumentLayout.lines(document, width: width)
                for query in queries {
                    var pager = Pager(lines: lines)
                    pager.search(query, height: 20)
                    #expect(pager.matches == Self.reference(query, in: lines), "\(session.name) at \(width): \(query)")
                    total += pager.matches.count
                }
            }
        }
        #expect(total > 1000, "the queries do find things")
    }

    @Test func accentsNoBreakSpacesAndDecomposedLettersMatchAsTyped() {
        let lines = DocumentLayout.lines([.paragraph("Capacitación\u{00A0}técnica, CAPACITACIÓN y capacitacio\u{0301}n")], width: 80)
        var pager = Pager(lines: lines)
        pager.search("capacitacion tecnica", height: 10)
        #expect(pager.matches.count == 1)
        #expect(pager.matches == Self.reference("capacitacion tecnica", in: lines))
        pager.search("capacitación", height: 10)
        #expect(pager.matches.count == 3, "precomposed, upper case and decomposed accents")
        #expect(pager.matches.map { $0.runs.map(\.width) } == [[12], [12], [12]])
    }
}
