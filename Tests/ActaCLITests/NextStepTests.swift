import ActaTestSupport
import Foundation
import Testing

/// Errors that have a way out print it as a command; each test runs the printed command.
@Suite struct NextStepTests {
    /// The `    acta …` lines of an error output, split as sh would (single quotes group words).
    static func suggestions(_ stderr: String) -> [[String]] {
        stderr.split(separator: "\n").filter { $0.hasPrefix("    acta ") }.map { Array(ShellWords.split($0).dropFirst()) }
    }

    func acta(_ args: [String], in directory: String) throws -> ActaProcess.Result {
        try ActaProcess.run(args, in: directory)
    }

    @Test func aBrokenSessionPointsToActaCheckWhichShowsTheErrors() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let agenda = try tmp.read("2023-03-29-primera-mesa/agenda.yaml")
        try tmp.write("2023-03-29-primera-mesa/agenda.yaml", agenda.replacingOccurrences(of: "hitos: [2, 3, 4]", with: "hitos: [2, 3, 14]"))
        for command in [["record", "2023-03-29-primera-mesa"], ["export", "2023-03-29-primera-mesa"]] {
            let r = try acta(command, in: tmp.base.path)
            #expect(r.status == 65)
            let next = Self.suggestions(r.stderr)
            #expect(next == [["check", "2023-03-29-primera-mesa"]], "\(r.stderr)")
            let check = try acta(next[0], in: tmp.base.path)
            #expect(check.status == 65)
            #expect(check.stderr.contains("agenda.yaml:"))
        }
    }

    @Test func aMistypedSessionSuggestsTheSameCommandOnTheOnesThatMatch() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try acta(["export", "primera"], in: tmp.base.path)
        #expect(r.status == 66)
        let next = Self.suggestions(r.stderr)
        #expect(next == [["export", "2023-03-29-primera-mesa"]], "\(r.stderr)")
        #expect(try acta(next[0], in: tmp.base.path).status == 0)
        let en = try acta(["check", "ejemplo", "--lang", "en"], in: tmp.base.path)
        #expect(en.stderr.contains("Did you mean"))
        let all = Self.suggestions(en.stderr)
        #expect(all.count == 2 && all.allSatisfy { $0.count == 4 && $0[1].contains("ejemplo") && $0.suffix(2) == ["--lang", "en"] }, "\(en.stderr)")
        for command in all { #expect(try acta(command, in: tmp.base.path).status == 0) }
    }

    @Test func anUnknownSessionPointsToActaListKeepingSessions() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let elsewhere = try TemporarySessions(copyBundled: false)
        defer { elsewhere.remove() }
        let r = try acta(["record", "zzzz", "--sessions", tmp.root], in: elsewhere.base.path)
        #expect(r.status == 66)
        let next = Self.suggestions(r.stderr)
        #expect(next == [["list", "--sessions", tmp.root]], "\(r.stderr)")
        let list = try acta(next[0], in: elsewhere.base.path)
        #expect(list.status == 0)
        #expect(list.stdout.contains("2023-03-29"))
    }

    @Test func aMissingPlanOffersTheSameNewCommandWithEachExistingPlan() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try acta(["new", "2023-09-01", "septiembre", "--plan", "gt-pan5", "--from", "2023-03-29-primera-mesa"], in: tmp.base.path)
        #expect(r.status == 65)
        let next = Self.suggestions(r.stderr)
        #expect(next.count == 2, "\(r.stderr)")
        #expect(next.first == ["new", "2023-09-01", "septiembre", "--plan", "gt-pan5-2021-2023", "--from", "2023-03-29-primera-mesa"])
        let made = try acta(next[0], in: tmp.base.path)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: tmp.path("2023-09-01-septiembre/agenda.yaml")))
    }

    @Test func anExistingSessionPointsToCheckingAndRecordingIt() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try acta(["new", "2023-03-29", "primera-mesa", "--plan", "gt-pan5-2021-2023"], in: tmp.base.path)
        #expect(r.status == 73)
        let next = Self.suggestions(r.stderr)
        #expect(next == [["check", "2023-03-29-primera-mesa"], ["record", "2023-03-29-primera-mesa"]], "\(r.stderr)")
        #expect(try acta(next[0], in: tmp.base.path).status == 0)
    }

    @Test func noSessionsFolderPointsToActaInitWhichMakesOne() throws {
        let empty = try TemporarySessions(copyBundled: false)
        defer { empty.remove() }
        let folder = empty.base.appendingPathComponent("mesa").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let r = try acta(["list"], in: folder)
        #expect(r.status == 66)
        let next = Self.suggestions(r.stderr)
        #expect(next == [["init"], ["demo"]], "\(r.stderr)")
        #expect(try acta(next[0], in: folder).status == 0)
        #expect(try acta(["list"], in: folder).status == 0)
    }

    @Test func historyOfAMissingCommitmentNamesOneThatExists() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try acta(["history", "gt-pan5-2021-2023", "99"], in: tmp.base.path)
        #expect(r.status == 65)
        let next = Self.suggestions(r.stderr)
        #expect(next.count == 1 && next[0].prefix(2) == ["history", "gt-pan5-2021-2023"], "\(r.stderr)")
        #expect(try acta(next[0], in: tmp.base.path).status == 0)
        let plan = try acta(["history", "gt-pan9", "1"], in: tmp.base.path)
        #expect(plan.status == 66)
        #expect(Self.suggestions(plan.stderr).first == ["history", "gt-pan5-2021-2023", "1"], "\(plan.stderr)")
    }
}
