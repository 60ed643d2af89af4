import ActaTestSupport
import Foundation
import Testing

/// Every command `acta --experimental-dump-help` lists, nested ones as "plan import";
/// hidden ones and `help` left out.
enum ActaCommands {
    static func visible() -> [String] {
        guard let r = try? ActaProcess.run(["--experimental-dump-help"], in: NSTemporaryDirectory()),
              let json = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
              let command = json["command"] as? [String: Any] else { return [] }
        func walk(_ command: [String: Any], _ path: [String]) -> [String] {
            let subcommands = (command["subcommands"] as? [[String: Any]] ?? [])
                .filter { ($0["shouldDisplay"] as? Bool) != false && ($0["commandName"] as? String) != "help" }
            return subcommands.flatMap { sub -> [String] in
                let name = path + [sub["commandName"] as? String ?? "?"]
                return [name.joined(separator: " ")] + walk(sub, name)
            }
        }
        return walk(command, [])
    }
}

/// Every `--help` shows examples, and every example runs on the bundled sessions as shown.
@Suite struct HelpExamplesTests {
    /// The root and every visible command, as the binary itself lists them.
    static let commands = [""] + ActaCommands.visible()
    /// Examples only parsed (the same words with --help), not run: full-screen commands, sync
    /// (needs a git remote) and plan import (needs the GAE's spreadsheet).
    static let notRun = ["record", "review", "demo", "sync", "plan import"]

    /// The `$ acta …` lines of a help text, with ` \` continuations joined, split as sh would
    /// (double quotes group words).
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
        return commands.map(ShellWords.split)
    }

    @Test(arguments: commands) func helpHasExamplesThatRun(_ command: String) throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let path = command.split(separator: " ").map(String.init)
        let help = try ActaProcess.run(path + ["--help"], in: tmp.base.path)
        #expect(help.status == 0)
        #expect(help.stdout.contains("Ejemplos / Examples:"), "\(command)")
        let examples = Self.examples(in: help.stdout)
        #expect(examples.count >= 2, "\(command): \(help.stdout)")
        // Examples are laid out to fit 80 columns, so none is wrapped mid-command.
        let block = help.stdout.components(separatedBy: "Ejemplos / Examples:").last?.components(separatedBy: "USAGE:").first ?? ""
        #expect(block.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(block)")
        for example in examples {
            #expect(example.first == "acta")
            let args = Array(example.dropFirst())
            let line = args.joined(separator: " ")
            if !path.isEmpty { #expect(Array(args.prefix(path.count)) == path, "\(example)") }
            if Self.notRun.contains(where: { line == $0 || line.hasPrefix($0 + " ") }) {
                for session in args where session.hasPrefix("20") {
                    #expect(FileManager.default.fileExists(atPath: tmp.path(session + "/agenda.yaml")), "\(example)")
                }
                let parses = try ActaProcess.run(args + ["--help"], in: tmp.base.path)
                #expect(parses.status == 0, "\(line) does not parse: \(parses.stderr)")
                continue
            }
            let r = try ActaProcess.run(args, in: tmp.base.path)
            #expect(r.status == 0, "\(line): \(r.stderr)")
            #expect(!(r.stdout + r.stderr).isEmpty, "\(line) printed nothing")
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
