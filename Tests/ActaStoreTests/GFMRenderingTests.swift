import ActaCore
import ActaFormats
import ActaStore
import ActaTestSupport
import Foundation
import Testing

/// The shape of a GFM document as Debian's `cmark-gfm` parses it: per table, the cell count of each row.
struct ParsedMarkdown {
    var tables: [[Int]] = []
    var htmlNodes: [String] = []
    var headings: [Int: Int] = [:]

    init(_ markdown: String) throws {
        let xml = try ParsedMarkdown.cmarkXML(markdown)
        var inTable = false
        for raw in xml.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("<table>") { tables.append([]); inTable = true }
            else if line.hasPrefix("</table>") { inTable = false }
            else if inTable && (line.hasPrefix("<table_row") || line.hasPrefix("<table_header")) { tables[tables.count - 1].append(0) }
            else if inTable && line.hasPrefix("<table_cell") { tables[tables.count - 1][tables[tables.count - 1].count - 1] += 1 }
            if line.hasPrefix("<html_inline") || line.hasPrefix("<html_block") { htmlNodes.append(line) }
            if line.hasPrefix("<heading level=\""), let level = Int(String(line.dropFirst(16).prefix(1))) {
                headings[level, default: 0] += 1
            }
        }
    }

    static func cmarkXML(_ markdown: String) throws -> String {
        let path = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            throw CocoaError(.executableNotLoadable, userInfo: [NSLocalizedDescriptionKey: "cmark-gfm is required (apt-get install cmark-gfm)"])
        }
        let r = try Subprocess.run(path, ["-e", "table", "-e", "tasklist", "--to", "xml"], environment: ["LANG": "C.UTF-8"], input: markdown)
        guard r.status == 0 else {
            throw CocoaError(.executableNotLoadable, userInfo: [NSLocalizedDescriptionKey: "cmark-gfm failed: \(r.stderr)"])
        }
        return r.stdout
    }
}

@Suite struct GFMRenderingTests {
    /// The demonstration session plus notes and acuerdos typed to break the structure.
    func hostileSession() throws -> (TemporarySessions, NamedSession, MesaArchive) {
        let tmp = try TemporarySessions()
        let name = "2023-10-18-ejemplo-octubre"
        let dir = SessionsDirectory(root: tmp.root)
        let writer = try JournalWriter(path: dir.folder(name) + "/journal.jsonl")
        let at = Timestamp(iso: "2023-10-18T10:00:00-06:00")!
        let nasty = "a | b\n# título falso\n- lista falsa\n<b>html</b> <script>x</script>\u{1B}[31mrojo\u{1B}[0m | fin"
        try writer.append(SessionEvent(seq: 100, at: at, kind: .noteAdded(item: 1, text: nasty)))
        try writer.append(SessionEvent(seq: 101, at: at, kind: .milestoneReported(MilestoneReport(
            item: 3, key: MilestoneKey(commitment: 1, milestone: 3), status: .limited, percent: 25, evidence: nasty, note: nasty))))
        try writer.append(SessionEvent(seq: 102, at: at, kind: .actionItemAdded(ActionItem(
            number: 4, item: 1, kind: .task, text: nasty, responsible: "| x |", due: nil))))
        let all = dir.loadAll()
        let session = try #require(all.first { $0.name == name }?.named)
        return (tmp, session, SessionsDirectory.archive(all))
    }

    @Test func everyTableHasTheExpectedRowsAndCells() throws {
        let (tmp, session, archive) = try hostileSession()
        defer { tmp.remove() }
        let markdown = MinutesWriter(session: session, archive: archive, language: .es).render()
        #expect(!markdown.unicodeScalars.contains { ControlCharacters.isControl($0) && $0 != "\n" })
        let parsed = try ParsedMarkdown(markdown)
        let s = session.session
        var expected: [[Int]] = []
        expected.append(Array(repeating: 4, count: s.agenda.seats.count + 1))        // attendance
        expected.append(Array(repeating: 4, count: s.agenda.items.count + 1))        // agenda as held
        for item in s.agenda.items where item.commitment != nil {                     // one per report
            expected.append(Array(repeating: 9, count: item.milestones.count + 1))
        }
        expected.append(Array(repeating: 6, count: s.actionItems.count + 1))         // acuerdos
        expected.append(Array(repeating: 6, count: 3 + 1))                           // follow-up
        let present = s.agenda.seats.filter { s.attendance[$0.id]?.present == true }.count
        expected.append(Array(repeating: 4, count: present + 1))                     // signatures
        #expect(parsed.tables == expected)
        // Only our own line breaks are HTML; typed HTML stays text.
        #expect(parsed.htmlNodes.allSatisfy { $0.contains("&lt;br&gt;") })
        #expect(parsed.headings[1] == 1)
        #expect(parsed.headings[3] == s.agenda.items.count)
        #expect(parsed.headings[2] == 9)
    }

    @Test func actionItemsAreATaskList() throws {
        let (tmp, session, archive) = try hostileSession()
        defer { tmp.remove() }
        let xml = try ParsedMarkdown.cmarkXML(ActionItemsWriter(session: session, archive: archive, language: .es).render())
        let open = xml.components(separatedBy: "<tasklist completed=\"false\"").count - 1
        let done = xml.components(separatedBy: "<tasklist completed=\"true\"").count - 1
        let own = session.session.actionItems
        #expect(done == own.filter(\.closed).count)
        #expect(open == own.filter { !$0.closed }.count + archive.openCarried(into: session.name).count)
        #expect(!xml.contains("<html_"))
        #expect(xml.components(separatedBy: "<heading level=\"1\"").count == 2)
    }

    /// cmark-gfm and pandoc read the acta alike: the same tables with the same cells, and every
    /// web address a link to exactly that address.
    @Test func cmarkGFMAndPandocAgreeOnTablesAndLinks() throws {
        let (tmp, session, _) = try hostileSession()
        defer { tmp.remove() }
        let dir = SessionsDirectory(root: tmp.root)
        let url = "https://datos.gob.gt/dataset/mingob_01?id=a_b&page=2&x=%C3%B1#seccion_1"
        let writer = try JournalWriter(path: dir.folder(session.name) + "/journal.jsonl")
        try writer.append(SessionEvent(seq: 103, at: Timestamp(iso: "2023-10-18T10:01:00-06:00")!, kind: .milestoneReported(MilestoneReport(
            item: 3, key: MilestoneKey(commitment: 1, milestone: 2), status: .substantial, percent: 70,
            evidence: "Informe: \(url). Ver también (https://example.org/a_(b)) y http://x.org/y|z", note: "línea 1\nlínea 2"))))
        let all = dir.loadAll()
        let reloaded = try #require(all.first { $0.name == session.name }?.named)
        let markdown = MinutesWriter(session: reloaded, archive: SessionsDirectory.archive(all), language: .es).render()
        let cmark = try ExternalTool.run("cmark-gfm", ["-e", "table", "-e", "autolink", "--to", "html"], input: markdown)
        let pandoc = try ExternalTool.run("pandoc", ["-f", "gfm", "-t", "html"], input: markdown)
        let cmarkShape = HTMLShape(cmark), pandocShape = HTMLShape(pandoc)
        #expect(cmarkShape.tables.count == 8)
        #expect(cmarkShape.tables == pandocShape.tables)
        #expect(cmarkShape.links == pandocShape.links)
        #expect(cmarkShape.links.contains(url))
        #expect(cmarkShape.links.contains("https://example.org/a_(b)"))
        #expect(cmarkShape.links.contains("http://x.org/y"))
        #expect(cmarkShape.links.contains("https://datos.example.gt/portal"))
    }
}
