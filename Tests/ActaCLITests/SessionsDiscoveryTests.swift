import ActaTestSupport
import Foundation
import Testing

/// The sessions folder is found like git finds its repository, and sessions are named by any path inside it.
@Suite struct SessionsDiscoveryTests {
    @Test func foundFromASubfolderAndShownByList() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let deep = tmp.base.appendingPathComponent("actas/borradores").path
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        let list = try ActaProcess.run(["list"], in: deep)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("2023-10-18  EJEMPLO-2"))
        #expect(list.stdout.split(separator: "\n").contains { $0.hasPrefix("Sesiones: /") && $0.hasSuffix("\(tmp.base.lastPathComponent)/sessions") })
        // From inside the sessions folder itself, and inside a session.
        let inside = try ActaProcess.run(["check", "2023-03-29-primera-mesa"], in: tmp.path("2023-08-16-ejemplo-agosto"))
        #expect(inside.status == 0, "\(inside.stderr)")
    }

    @Test func sessionsNamedByRelativeOrAbsolutePath() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let deep = tmp.base.appendingPathComponent("a/b").path
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        for name in ["../../sessions/2023-03-29-primera-mesa", "../../sessions/2023-03-29-primera-mesa/agenda.yaml",
                     tmp.path("2023-03-29-primera-mesa"), tmp.path("2023-03-29-primera-mesa") + "/"] {
            let r = try ActaProcess.run(["check", name], in: deep)
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(r.stdout.contains("2023-03-29-primera-mesa: correcto"))
        }
        // "." from inside the session's own folder.
        let here = try ActaProcess.run(["check", "."], in: tmp.path("2023-03-29-primera-mesa"))
        #expect(here.status == 0, "\(here.stderr)")
        #expect(here.stdout.contains("2023-03-29-primera-mesa: correcto"))
        #expect(try ActaProcess.run(["check", ".."], in: tmp.path("2023-03-29-primera-mesa")).status == 66)
        let outside = try ActaProcess.run(["export", "/etc"], in: deep)
        #expect(outside.status == 66)
        #expect(outside.stderr.contains("carpeta de sesiones en uso"))
        #expect(outside.stderr.contains("\(tmp.base.lastPathComponent)/sessions"))
        let parent = try ActaProcess.run(["export", "../../sessions/.."], in: deep)
        #expect(parent.status == 66)
    }

    @Test func environmentAndOptionOverrideDiscovery() throws {
        let here = try TemporarySessions()
        let other = try TemporarySessions()
        defer { here.remove(); other.remove() }
        try FileManager.default.removeItem(atPath: other.path("2023-10-18-ejemplo-octubre"))
        let env = try ActaProcess.run(["list"], in: here.base.path, environment: ["ACTA_SESSIONS": other.root])
        #expect(env.status == 0)
        #expect(!env.stdout.contains("EJEMPLO-2"))
        #expect(env.stdout.contains("(ACTA_SESSIONS)"))
        let option = try ActaProcess.run(["list", "--sessions", here.root], in: here.base.path,
                                         environment: ["ACTA_SESSIONS": other.root])
        #expect(option.stdout.contains("EJEMPLO-2"))
        #expect(option.stdout.contains("(--sessions)"))
    }

    @Test func nothingFoundSaysWhatToDo() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        let empty = tmp.base.appendingPathComponent("vacía").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let r = try ActaProcess.run(["list"], in: empty)
        #expect(r.status == 66)
        #expect(r.stderr.contains("acta init"))
    }
}
