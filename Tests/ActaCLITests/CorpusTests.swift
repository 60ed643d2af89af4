import ActaTestSupport
import Foundation
import Testing

/// Every broken or hostile input of `Tests/Corpus` against the real binary: `check`, `export`
/// and `list` never crash, never hang, say where the problem is, and leak no control character.
@Suite struct CorpusTests {
    static let cases = CorpusCase.all()

    /// Runs acta under `timeout`: a hang is killed after 5 s and shows as 137.
    func acta(_ arguments: [String], in tmp: TemporarySessions) throws -> (status: Int32, output: String, seconds: Double) {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["SWIFT_BACKTRACE"] = "enable=no"
        for key in ["LC_ALL", "LC_MESSAGES", "NO_COLOR"] { env.removeValue(forKey: key) }
        let start = Date()
        let r = try Subprocess.run("/usr/bin/timeout", ["-s", "KILL", "5", ActaProcess.binary] + arguments,
                                   environment: env, directory: tmp.base.path)
        return (r.status, r.stdout + r.stderr, Date().timeIntervalSince(start))
    }

    @Test func theCorpusIsThere() {
        #expect(Self.cases.count >= 50)
        for c in Self.cases { #expect(!c.what.isEmpty, "\(c.name) says what it is") }
    }

    @Test(arguments: cases)
    func neitherCrashesNorHangsAndSaysWhere(_ c: CorpusCase) throws {
        let tmp = try c.materialize()
        defer { tmp.remove() }
        for command in ["check", "export", "list"] {
            let args = command == "list" ? ["list"] : [command, CorpusCase.session]
            let r = try acta(args, in: tmp)
            #expect(r.status < 128, "\(c.name): acta \(command) crashed or hung (\(r.status)):\n\(r.output.prefix(2000))")
            #expect(r.seconds < 5, "\(c.name): acta \(command) took \(r.seconds) s")
            if let bad = CorpusCase.firstControl(r.output) {
                Issue.record("\(c.name): acta \(command) printed a raw control character U+\(String(bad.value, radix: 16))")
            }
            if let expected = c.expectation(command) {
                #expect(r.status == expected.status, "\(c.name): acta \(command) exited \(r.status):\n\(r.output.prefix(2000))")
                for fragment in expected.fragments {
                    #expect(r.output.contains(fragment), "\(c.name): acta \(command) should say “\(fragment)”:\n\(r.output.prefix(2000))")
                }
            }
            if command == "check" {
                // Every error is located: file:line:column, what is wrong, what to do.
                for line in r.output.split(separator: "\n") where line.contains(": error: ") {
                    let located = line.range(of: #"^[^ ]+:[0-9]+:[0-9]+: error: .+"#, options: .regularExpression) != nil
                    #expect(located, "\(c.name): not located: \(line.prefix(300))")
                    // Messages say what is wrong, then "; " and what to do.
                    #expect(line.contains("; "), "\(c.name): no next step: \(line.prefix(300))")
                }
            }
        }
        for spec in c.values("output-clean") {
            for file in spec.split(separator: " ") {
                let text = try tmp.read("\(CorpusCase.session)/\(file)")
                if let bad = CorpusCase.firstControl(text) {
                    Issue.record("\(c.name): \(file) holds a raw control character U+\(String(bad.value, radix: 16))")
                }
            }
        }
        for spec in c.values("output-contains") {
            let parts = spec.split(separator: " ", maxSplits: 1).map(String.init)
            let text = try tmp.read("\(CorpusCase.session)/\(parts[0])")
            #expect(text.contains(parts[1]), "\(c.name): \(parts[0]) should hold “\(parts[1])”:\n\(text)")
        }
        for spec in c.values("unchanged") {
            let parts = spec.split(separator: " ", maxSplits: 1).map(String.init)
            #expect(try tmp.read(parts[0]) == parts[1], "\(c.name): \(parts[0]) was changed")
        }
    }
}
