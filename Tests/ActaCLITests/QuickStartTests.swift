import ArgumentParser
import Testing
@testable import acta

/// `acta record …` and `acta --version` skip ArgumentParser's parse; the command they run must
/// be exactly the one ArgumentParser builds, and any other spelling must go through it.
@Suite struct QuickStartTests {
    @Test(arguments: [
        ["record", "2023-03-29-primera-mesa"],
        ["record", "2023-03-29-primera-mesa", "--sessions", "/tmp/mesa/sessions", "--lang", "en", "--take-over", "--no-clock"],
        ["record", "--no-clock", "--lang", "ES", "sessions/2023-03-29-primera-mesa"],
        ["record", "--sessions", "otra carpeta", "2023-10-18-ejemplo-octubre", "--take-over"],
    ])
    func buildsWhatArgumentParserBuilds(_ line: [String]) throws {
        guard case .record(let quick)? = QuickStart.command(line) else {
            Issue.record("not taken: \(line)")
            return
        }
        let parsed = try #require(try Acta.parseAsRoot(line) as? Record)
        // Every property wrapper, filled or not, shows in the reflection: a property the quick
        // start forgot to set would differ here (and trap when read).
        #expect(String(reflecting: quick) == String(reflecting: parsed))
        #expect(quick.session == parsed.session && quick.common.sessions == parsed.common.sessions
                && quick.common.lang == parsed.common.lang && quick.takeOver == parsed.takeOver && quick.noClock == parsed.noClock)
    }

    @Test(arguments: [
        ["record"], ["record", "a", "b"], ["record", "--sessions=x", "s"], ["record", "s", "--lang", "fr"],
        ["record", "s", "--lang"], ["record", "s", "--help"], ["record", "s", "-h"], ["record", "s", "--take-over", "--take-over"],
        ["record", "s", "--sessions", "a", "--sessions", "b"], ["record", "s", "--sessions", "--lang"], ["record", ""],
        ["record", "s", "--"], ["record", "s", "--bogus"], ["--version", "x"], ["list"], [], ["help", "record"],
    ])
    func leavesEverythingElseToArgumentParser(_ line: [String]) {
        #expect(QuickStart.command(line) == nil)
    }

    @Test func versionIsTheConfiguredOne() {
        guard case .version? = QuickStart.command(["--version"]) else {
            Issue.record("--version not taken")
            return
        }
        #expect(Acta.configuration.version == Acta.version)
    }
}
