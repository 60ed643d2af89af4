import ActaTestSupport
import Foundation
import Testing

/// Every case of `Tests/Corpus` in the real terminal: `acta record` and `acta review` start
/// (or refuse with a message), quit, never crash or hang, and never retitle the terminal.
@Suite(.serialized) struct CorpusEndToEndTests {
    static let cases = CorpusCase.all()

    /// Starts `acta <arguments>` in tmux; returns once its screen is up or it has exited.
    func start(_ arguments: String, _ tmp: TemporarySessions) throws -> Tmux {
        let command = "'\(ActaProcess.binary)' \(arguments); echo EXIT=$?; sleep 600"
        return try Tmux(command: command, directory: tmp.base.path)
    }

    func exitCode(_ screen: String) -> Int32? {
        guard let range = screen.range(of: #"EXIT=[0-9]+"#, options: .regularExpression) else { return nil }
        return Int32(screen[range].dropFirst(5))
    }

    func title(_ tmux: Tmux) throws -> String {
        try tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_title}"])
    }

    @Test(arguments: cases)
    func recordAndReviewStartAndQuit(_ c: CorpusCase) throws {
        let tmp = try c.materialize()
        defer { tmp.remove() }

        let record = try start("record \(CorpusCase.session)", tmp)
        let titleBefore = try title(record)
        // The record screen is up when its two panes are drawn.
        func isUp(_ screen: String) -> Bool { screen.contains("│") && exitCode(screen) == nil }
        let first = try record.waitFor("the record screen or an exit", timeout: 5) {
            isUp($0) || exitCode($0) != nil
        }
        switch c.value("record") {
        case "opens"?:
            #expect(isUp(first), "\(c.name): record should open:\n\(first)")
        case let refused? where refused.hasPrefix("refused"):
            let expected = Int32(refused.split(separator: " ").last ?? "")
            #expect(exitCode(first) == expected, "\(c.name): record should exit \(expected ?? -1):\n\(first)")
        default: break
        }
        if isUp(first) {
            for fragment in c.values("record-screen") { try record.waitFor(text: fragment, timeout: 5) }
            for fragment in c.values("record-screen-absent") {
                #expect(!first.lowercased().contains(fragment.lowercased()), "\(c.name): “\(fragment)” should not show:\n\(first)")
            }
            for key in c.value("record-keys")?.split(separator: " ") ?? [] {
                try record.keys(String(key))
            }
            // Every case ends on the agenda, where q quits (an Esc just before would read as Alt-q).
            try record.keys("q")
        }
        let end = try record.waitFor("acta record to exit", timeout: 5) { exitCode($0) != nil }
        let code = exitCode(end) ?? 255
        #expect(code < 128, "\(c.name): record crashed (\(code)):\n\(end)")
        #expect(try title(record) == titleBefore, "\(c.name): the pane title changed")

        let review = try start("review", tmp)
        let shown = try review.waitFor("the review screen or an exit", timeout: 5) {
            $0.hasPrefix(" acta review") || exitCode($0) != nil
        }
        if c.value("review") == "opens" {
            #expect(shown.hasPrefix(" acta review"), "\(c.name): review should open:\n\(shown)")
        }
        if shown.hasPrefix(" acta review") { try review.keys("q") }
        let reviewEnd = try review.waitFor("acta review to exit", timeout: 5) { exitCode($0) != nil }
        #expect((exitCode(reviewEnd) ?? 255) < 128, "\(c.name): review crashed:\n\(reviewEnd)")
        #expect(try title(review) == titleBefore, "\(c.name): the pane title changed in review")
    }
}
