import ActaTestSupport
import Foundation
import Testing

/// The subcommands `acta --experimental-dump-help` lists, hidden ones and `help` left out.
enum ActaCommands {
    static func visible() -> [String] {
        guard let r = try? ActaProcess.run(["--experimental-dump-help"], in: NSTemporaryDirectory()),
              let json = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
              let command = json["command"] as? [String: Any],
              let subcommands = command["subcommands"] as? [[String: Any]] else { return [] }
        return subcommands.filter { ($0["shouldDisplay"] as? Bool) != false }
            .compactMap { $0["commandName"] as? String }.filter { $0 != "help" }
    }
}

/// Every `--help` shows examples, and every example runs on the bundled sessions as shown.
@Suite struct HelpExamplesTests {
    /// The root and every visible subcommand, as the binary itself lists them.
    static let subcommands = [""] + ActaCommands.visible()
    /// Full-screen commands: their examples are checked for sessions that exist, not run;
    /// sync needs a git remote, so its examples are only parsed (by --help of the same words).
    static let interactive: Set<String> = ["record", "review", "demo", "sync"]

    /// The `$ acta …` lines of a help text, with ` \` continuations joined.
    static func examples(in help: String) -> [[String]] {
        var commands: [String] = []
        var continuing = false
        for raw in help.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if continuing { commands[commands.count - 1] += " " + line }
            else if line.hasPrefix("$ acta ") { commands.append(String(line.dropFirst(2))) }
            else { continue }
            continuing = commands[commands.count - 1].hasSuffix("\\")
            if continuing { commands[commands.count - 1].removeLast() }
        }
        return commands.map { $0.split(separator: " ").map(String.init) }
    }

    @Test(arguments: subcommands) func helpHasExamplesThatRun(_ subcommand: String) throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let help = try ActaProcess.run(subcommand.isEmpty ? ["--help"] : [subcommand, "--help"], in: tmp.base.path)
        #expect(help.status == 0)
        #expect(help.stdout.contains("Ejemplos / Examples:"))
        let examples = Self.examples(in: help.stdout)
        #expect(examples.count >= 2, "\(subcommand): \(help.stdout)")
        // Examples are laid out to fit 80 columns, so none is wrapped mid-command.
        let block = help.stdout.components(separatedBy: "Ejemplos / Examples:").last?.components(separatedBy: "USAGE:").first ?? ""
        #expect(block.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(block)")
        for example in examples {
            #expect(example.first == "acta")
            let args = Array(example.dropFirst())
            if let name = args.first, Self.interactive.contains(name) {
                for session in args.dropFirst() where session.hasPrefix("20") {
                    #expect(FileManager.default.fileExists(atPath: tmp.path(session + "/agenda.yaml")), "\(example)")
                }
                let parses = try ActaProcess.run(args + ["--help"], in: tmp.base.path)
                #expect(parses.status == 0, "\(example.joined(separator: " ")) does not parse: \(parses.stderr)")
                continue
            }
            if subcommand.isEmpty == false { #expect(args.first == subcommand, "\(example)") }
            let r = try ActaProcess.run(args, in: tmp.base.path)
            #expect(r.status == 0, "\(example.joined(separator: " ")): \(r.stderr)")
            #expect(!r.stdout.isEmpty, "\(example.joined(separator: " ")) printed nothing")
        }
    }
}

@Suite struct DemoCommandLineTests {
    @Test func withoutATerminalItStopsBeforeCreatingAnything() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try ActaProcess.run(["demo", "--into", "prueba"], in: tmp.base.path)
        #expect(r.status == 64)
        #expect(r.stderr.contains("terminal interactivo"))
        #expect(!FileManager.default.fileExists(atPath: tmp.base.appendingPathComponent("prueba").path))
    }

    @Test func aWrongLanguageIsAUsageError() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        #expect(try ActaProcess.run(["demo", "--lang", "fr"], in: tmp.base.path).status == 64)
    }
}
