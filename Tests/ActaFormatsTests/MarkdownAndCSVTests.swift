import ActaCore
@testable import ActaFormats
import Testing

@Suite struct MarkdownEscapingTests {
    @Test func cellsKeepPipesAndNewlinesInside() {
        #expect(MarkdownText.cell("a | b") == #"a \| b"#)
        #expect(MarkdownText.cell("uno\ndos\r\n\ntres") == "uno<br>dos<br>tres")
        #expect(MarkdownText.cell("<script>alert(1)</script>") == #"\<script\>alert(1)\</script\>"#)
        #expect(MarkdownText.cell("\u{1B}[2Jborrado") == #"\[2Jborrado"#)
    }

    @Test func lineStartsCannotOpenBlocks() {
        #expect(MarkdownText.inline("# no es título") == ##"\# no es título"##)
        #expect(MarkdownText.inline("- no es lista") == #"\- no es lista"#)
        #expect(MarkdownText.inline("1. tampoco") == #"1\. tampoco"#)
        #expect(MarkdownText.inline("> ni cita") == #"\> ni cita"#)
        #expect(MarkdownText.paragraphs("a\n# b\n\n- c") == "a\\\n\\# b\n\n\\- c")
    }

    @Test func tablesHaveOneLinePerRow() {
        var t = MarkdownTable(["A", "B"])
        t.add(["x|y", "1\n2"])
        let lines = t.text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2] == #"| x\|y | 1<br>2 |"#)
    }
}

@Suite struct CSVTests {
    @Test func quotesCommasAndNewlinesRoundTrip() {
        let rows = [["a", "b,c", "d\"e\"", "línea 1\nlínea 2", ""], ["ñ", "\n", "x", "y", "z"]]
        let text = CSV.write(rows)
        #expect(text.hasSuffix("\r\n"))
        #expect(text.hasPrefix("a,\"b,c\",\"d\"\"e\"\"\",\"línea 1\nlínea 2\",\r\n"))
        #expect(CSV.read(text) == rows)
    }
}
