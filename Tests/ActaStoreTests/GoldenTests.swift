import ActaCore
import ActaFormats
import ActaStore
import ActaTestSupport
import Foundation
import Testing

/// Compares generated text with a file under Golden/. `ACTA_UPDATE_GOLDEN=1` rewrites the files on purpose;
/// otherwise (and always in CI) a missing or different golden fails.
func assertGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = TemporarySessions.packageRoot.appendingPathComponent("Tests/ActaStoreTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["ACTA_UPDATE_GOLDEN"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden file \(name); run with ACTA_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
        return
    }
    #expect(text == expected, "differs from golden \(name)", sourceLocation: sourceLocation)
}

@Suite struct GoldenTests {
    @Test(arguments: ["2023-03-29-primera-mesa", "2023-08-16-ejemplo-agosto", "2023-10-18-ejemplo-octubre"])
    func bundledSessionsExportAsTheGoldenFiles(_ name: String) throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let dir = SessionsDirectory(root: tmp.root)
        let all = dir.loadAll()
        let session = try #require(all.first { $0.name == name }?.named)
        let paths = try Exporter.export(session, archive: SessionsDirectory.archive(all), into: dir.folder(name), language: .es)
        #expect(paths.count == 4)
        for output in Exporter.outputs {
            try assertGolden(try tmp.read("\(name)/\(output)"), "\(name).\(output)")
        }
        let english = MinutesWriter(session: session, archive: SessionsDirectory.archive(all), language: .en).render()
        try assertGolden(english, "\(name).minutes.en.md")
    }
}
