import ActaCore
import ActaFormats
import ActaStore
import ActaTestSupport
import Foundation
import Testing

@Suite struct GoldenTests {
    @Test(arguments: ["2023-03-29-primera-mesa", "2023-06-20-mesa-junio", "2023-08-16-ejemplo-agosto", "2023-10-18-ejemplo-octubre"])
    func bundledSessionsExportAsTheGoldenFiles(_ name: String) throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let dir = SessionsDirectory(root: tmp.root)
        let all = dir.loadAll()
        let session = try #require(all.first { $0.name == name }?.named)
        let paths = try Exporter.export(session, archive: SessionsDirectory.archive(all), into: dir.folder(name), language: .es)
        #expect(paths.count == Exporter.outputs.count)
        for output in Exporter.outputs {
            try assertGolden(try tmp.read("\(name)/\(output)"), "ActaStoreTests/Golden/\(name).\(output)")
        }
        let english = MinutesWriter(session: session, archive: SessionsDirectory.archive(all), language: .en).render()
        try assertGolden(english, "ActaStoreTests/Golden/\(name).minutes.en.md")
    }
}
