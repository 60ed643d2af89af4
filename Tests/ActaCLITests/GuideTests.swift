import ActaTestSupport
import Foundation
import Testing

/// The secretary's guides cannot go stale: their commands run, in order, on a copy of the
/// sessions; their screens are the record screen's goldens (ACTA_UPDATE_GOLDEN=1 copies the
/// goldens into them); the messages they quote are ones acta prints.
@Suite struct GuideTests {
    static let guides = ["docs/guia-de-la-secretaria.md", "docs/secretary-guide.md"]
    /// Full-screen or networked commands: checked to parse (the same words with --help), not run.
    static let notRun: Set<String> = ["record", "review", "demo", "sync"]

    static func read(_ relative: String) throws -> String {
        try String(contentsOf: TemporarySessions.packageRoot.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The lines of the guide's ```sh blocks.
    static func shellLines(_ text: String) -> [String] {
        var lines: [String] = [], inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```sh" { inBlock = true } else if line == "```" { inBlock = false }
            else if inBlock { lines.append(String(line)) }
        }
        return lines
    }

    @Test(arguments: guides) func everyCommandRuns(_ guide: String) throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        var directory = tmp.base.path
        var ran = 0
        for line in Self.shellLines(try Self.read(guide)) {
            var words = line.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            if first == "cd" { directory += "/" + words[1]; continue }
            // tmux and the like are not acta's; the guide explains them.
            guard first == "acta" else { continue }
            words.removeFirst()
            var output: String?
            if let i = words.firstIndex(of: ">") { output = words[i + 1]; words.removeSubrange(i...) }
            if Self.notRun.contains(words[0]) {
                let r = try ActaProcess.run(words + ["--help"], in: directory)
                #expect(r.status == 0, "\(guide): \(line) does not parse: \(r.stderr)")
                continue
            }
            let r = try ActaProcess.run(words, in: directory)
            #expect(r.status == 0, "\(guide): \(line) exited \(r.status): \(r.stderr)")
            if let output { try r.stdout.write(toFile: "\(directory)/\(output)", atomically: true, encoding: .utf8) }
            ran += 1
        }
        #expect(ran >= 8, "\(guide) ran only \(ran) commands")
        // What the guide says was written, was.
        let session = tmp.path("2023-09-27-mesa-septiembre")
        for file in ["agenda.yaml", "minutes.md", "minutes.pdf", "minutes.docx", "milestones.csv", "action-items.csv", "datapackage.json"] {
            #expect(FileManager.default.fileExists(atPath: "\(session)/\(file)"), "\(guide): no \(file)")
        }
    }

    @Test(arguments: guides) func screensAreTheRecordScreensGoldens(_ guide: String) throws {
        let url = TemporarySessions.packageRoot.appendingPathComponent(guide)
        var text = try Self.read(guide)
        let marker = "<!-- screen: "
        var shown = 0
        var searchFrom = text.startIndex
        while let start = text.range(of: marker, range: searchFrom..<text.endIndex) {
            let nameEnd = text.range(of: " -->\n```text\n", range: start.upperBound..<text.endIndex)!
            let name = String(text[start.upperBound..<nameEnd.lowerBound])
            let blockEnd = text.range(of: "```\n", range: nameEnd.upperBound..<text.endIndex)!
            let golden = try Self.read("Tests/ActaUITests/Golden/\(name).txt")
            let expected = golden.hasSuffix("\n") ? golden : golden + "\n"
            if ProcessInfo.processInfo.environment["ACTA_UPDATE_GOLDEN"] == "1" {
                text.replaceSubrange(nameEnd.upperBound..<blockEnd.lowerBound, with: expected)
            } else {
                #expect(String(text[nameEnd.upperBound..<blockEnd.lowerBound]) == expected,
                        "\(guide): the screen \(name) differs from its golden; run the tests with ACTA_UPDATE_GOLDEN=1")
            }
            shown += 1
            searchFrom = text.range(of: "```\n", range: nameEnd.upperBound..<text.endIndex)!.upperBound
        }
        if ProcessInfo.processInfo.environment["ACTA_UPDATE_GOLDEN"] == "1" { try text.write(to: url, atomically: true, encoding: .utf8) }
        #expect(shown >= 3)
    }

    /// Every message the trouble table quotes («…» or "…" in its first column) is one acta prints.
    @Test(arguments: guides) func quotedMessagesExist(_ guide: String) throws {
        let sources = FileManager.default.enumerator(atPath: TemporarySessions.packageRoot.appendingPathComponent("Sources").path)!
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
            .map { (try? Self.read("Sources/" + $0)) ?? "" }.joined()
        let rows = try Self.read(guide).split(separator: "\n").filter { $0.hasPrefix("| «") || $0.hasPrefix("| \"") }
        #expect(rows.count >= 5)
        for row in rows {
            let cell = row.dropFirst(2).prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces)
            let quoted = String(cell.dropFirst().dropLast())
            #expect(sources.contains(quoted), "\(guide): acta never prints “\(quoted)”")
        }
    }

    @Test func theReadmeAndTheManualLinkTheGuides() throws {
        let readme = try Self.read("README.md")
        for guide in Self.guides { #expect(readme.contains(guide)) }
        #expect(try Self.read("Sources/acta-manual/ManualText.swift").contains("guia-de-la-secretaria.md"))
    }
}
