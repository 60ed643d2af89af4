import ActaStore
import ActaTestSupport
import Foundation
import Testing

@Suite struct MesaFolderTests {
    @Test func createsWhatIsMissingAndNeverOverwrites() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        let bundled = BundledResources(origin: .sourceTree(root: TemporarySessions.packageRoot.path))
        let folder = MesaFolder(path: tmp.base.path + "/mesa")
        let created = try folder.create(plansFrom: bundled)
        #expect(created.contains(folder.sessionsRoot + "/plans/gt-pan5-2021-2023.yaml"))
        #expect(FileManager.default.fileExists(atPath: folder.marker))
        let ignore = try String(contentsOfFile: folder.gitignore, encoding: .utf8)
        for pattern in [".draft.json", ".lock", "journal.*.jsonl", ".acta-cache/"] { #expect(ignore.contains(pattern + "\n")) }
        // The user's own README and .gitignore lines stay; only acta's missing lines are added.
        try "# Nuestra mesa\n".write(toFile: folder.readme, atomically: true, encoding: .utf8)
        try "notas/\n.lock\n".write(toFile: folder.gitignore, atomically: true, encoding: .utf8)
        let again = try folder.create(plansFrom: bundled)
        #expect(again == [folder.gitignore])
        #expect(try String(contentsOfFile: folder.readme, encoding: .utf8) == "# Nuestra mesa\n")
        let merged = try String(contentsOfFile: folder.gitignore, encoding: .utf8)
        #expect(merged.hasPrefix("notas/\n.lock\n# acta:"))
        #expect(merged.components(separatedBy: ".lock\n").count == 2)
        #expect(try folder.create(plansFrom: bundled).isEmpty)
        // Found from below by its marker.
        let below = folder.path + "/sessions/plans"
        #expect(SessionsLocator.locate(option: nil, environment: [:], currentDirectory: below).directory.root == folder.sessionsRoot)
    }

    @Test func recorderIDsAreSafeFileNames() {
        #expect(RecorderIdentity.sanitized("portátil de Ana/2") == "port-til-de-Ana-2")
        #expect(RecorderIdentity.sanitized("../x") == "x")
        #expect(RecorderIdentity.current(environment: ["ACTA_RECORDER": "equipo a"]) == "equipo-a")
    }

    @Test func recorderIDIsMadeOnceAndKept() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        let env = ["XDG_CONFIG_HOME": tmp.base.path + "/config"]
        let first = RecorderIdentity.current(environment: env)
        #expect(first.contains("-") && !first.isEmpty)
        #expect(RecorderIdentity.current(environment: env) == first)
    }
}
