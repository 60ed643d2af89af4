@testable import ActaSpreadsheet
import Testing

/// acta's own XML reader for XLSX parts: what a namespace-aware reader gives, or an error.
@Suite struct XMLTreeTests {
    func parse(_ text: String) throws -> XMLElement { try XMLElement.parse(Array(text.utf8)) }

    @Test func namesAreLocalAndAttributesTakeEitherQuote() throws {
        let root = try parse(#"<?xml version="1.0" encoding="UTF-8"?><!-- c --><x:workbook xmlns:x="urn:x" xmlns:r="urn:r"><x:sheets><x:sheet name='Plan "5"' r:id="rId1"/></x:sheets></x:workbook>"#)
        #expect(root.name == "workbook")
        let sheet = try #require(root.child("sheets")?.child("sheet"))
        #expect(sheet.attributes["name"] == #"Plan "5""#)
        #expect(sheet.attributes["id"] == "rId1")
    }

    @Test func referencesCDATAAndLineEnds() throws {
        let root = try parse("<si><t xml:space=\"preserve\"> a &amp; b &lt;c&gt; &#241;&#xF1; &quot;&apos;\r\nz</t><r><t><![CDATA[<x> & y]]></t></r></si>")
        #expect(root.child("t")?.text == " a & b <c> ññ \"'\nz")
        #expect(root.child("r")?.child("t")?.text == "<x> & y")
        #expect(try parse("<a v=\"1\r\n2\t3\"/>").attributes["v"] == "1 2 3")
    }

    @Test func childrenKeepTheirOrderAndOwnText() throws {
        let root = try parse("<row r=\"2\"><c r=\"A2\"><v>1</v></c>mid<c r=\"B2\" t=\"s\"><v>0</v></c></row>")
        #expect(root.children("c").map { $0.attributes["r"] } == ["A2", "B2"])
        #expect(root.text == "mid")
        #expect(root.children("c").last?.child("v")?.text == "0")
    }

    @Test(arguments: ["", "<a>", "<a></b>", "<a b=1/>", "<a>&nope;</a>", "<a>&amp</a>", "<a/><b/>", "text", "<a b=\"<\"/>"])
    func malformedIsRefused(_ text: String) {
        #expect(throws: XMLElement.Malformed.self) { try XMLElement.parse(Array(text.utf8)) }
    }
}
