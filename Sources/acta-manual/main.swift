import ActaCore
import Foundation

/// Writes acta's man pages — acta(1) and acta-<command>(1), English in `man1/` and Spanish in
/// `es/man1/` — from the binary's own ArgumentParser definitions (`--experimental-dump-help`)
/// and the hand-written sections in ManualText.
///
///     acta-manual <acta binary> <output folder> [--prefix /usr] [--date YYYY-MM-DD]
struct ManualGenerator {
    let tool: CommandInfo
    let version: String
    let date: String
    let prefix: String

    func pages(_ language: Language) -> [(name: String, text: String)] {
        let text = ManualText(language: language, prefix: prefix)
        return [("acta.1", mainPage(text))] + allCommands.map { ("\(pageName($0.path)).1", page(for: $0.command, path: $0.path, text)) }
    }

    /// Every command below acta, nested ones too (`plan import`), with its words.
    var allCommands: [(command: CommandInfo, path: [String])] {
        func walk(_ command: CommandInfo, _ path: [String]) -> [(command: CommandInfo, path: [String])] {
            command.visibleSubcommands.flatMap { sub in [(sub, path + [sub.commandName])] + walk(sub, path + [sub.commandName]) }
        }
        return walk(tool, [])
    }

    func pageName(_ path: [String]) -> String { (["acta"] + path).joined(separator: "-") }

    func header(_ name: String, _ text: ManualText) -> String {
        // Left-aligned, no hyphenation: groff's patterns are English, and commands must not break.
        ".TH \(name.uppercased()) 1 \"\(date)\" \"\(version)\" \"\(text.manualName)\"\n.nh\n.ad l"
    }

    /// "Spanish / English" help strings: the part for this language.
    static func part(_ s: String, _ language: Language) -> String {
        guard let r = s.range(of: " / ") else { return s }
        let es = String(s[..<r.lowerBound]), en = String(s[r.upperBound...])
        return language == .es ? es : en.prefix(1).uppercased() + en.dropFirst()
    }

    func mainPage(_ t: ManualText) -> String {
        var out = [header("acta", t), ".SH \(t.name)", "acta \\- " + Roff.text(Self.part(tool.abstract ?? "", t.language)),
                   ".SH \(t.synopsis)", ".B acta", ".I \(t.commandWord)", "[\\fI\(t.optionsWord)\\fR]", ".br",
                   ".B acta \\-\\-version", ".SH \(t.description)", t.overview, ".SH \(t.commands)"]
        for sub in tool.visibleSubcommands {
            out += [".TP", ".BR acta\\-\(Roff.literal(sub.commandName)) (1)", Roff.text(Self.part(sub.abstract ?? "", t.language))]
        }
        out += [".SH \(t.options)"]
        // Options every subcommand takes, described once here.
        if let new = tool.visibleSubcommands.first(where: { $0.commandName == "check" }) {
            for argument in new.visibleArguments where ["lang", "sessions", "help", "version"].contains(argument.valueName ?? "") {
                out += option(argument, t)
            }
        }
        out += [".SH \(t.files)", t.filesSection, ".SH \(t.environment)", t.environmentSection,
                ".SH \(t.exitStatus)", t.exitSection, ".SH \(t.examples)"]
        for (caption, lines) in t.workflow {
            out += [".PP", Roff.text(caption), Roff.example(lines)]
        }
        out += [".SH \(t.seeAlso)",
                tool.visibleSubcommands.map { ".BR acta\\-\(Roff.literal($0.commandName)) (1)" }.joined(separator: ",\n") + ",",
                ".BR pandoc (1),", ".BR git (1)", ".PP", "\\fI\(Roff.literal(t.guide))\\fR"]
        return out.joined(separator: "\n") + "\n"
    }

    func page(for command: CommandInfo, path: [String], _ t: ManualText) -> String {
        let name = pageName(path)
        let (discussion, examples) = Self.splitExamples(command.discussion ?? "")
        var out = [header(name, t), ".SH \(t.name)", Roff.literal(name) + " \\- " + Roff.text(Self.part(command.abstract ?? "", t.language)),
                   ".SH \(t.synopsis)", ".B acta \(Roff.literal(path.joined(separator: " ")))"]
        for argument in command.visibleArguments where !["help", "version"].contains(argument.valueName ?? "") {
            out.append(synopsis(argument))
        }
        if !command.visibleSubcommands.isEmpty { out.append(".I \(t.commandWord)") }
        out += [".SH \(t.description)", Roff.text(command.abstract ?? "")]
        if !discussion.isEmpty { out += [".PP", Roff.text(discussion).replacingOccurrences(of: "\n", with: "\n.br\n")] }
        if !command.visibleSubcommands.isEmpty {
            out.append(".SH \(t.commands)")
            for sub in command.visibleSubcommands {
                out += [".TP", ".BR \(Roff.literal(pageName(path + [sub.commandName]))) (1)", Roff.text(Self.part(sub.abstract ?? "", t.language))]
            }
        }
        out += [".SH \(t.options)"]
        for argument in command.visibleArguments { out += option(argument, t) }
        if !examples.isEmpty {
            out.append(".SH \(t.examples)")
            for example in examples {
                let caption = t.language == .es ? example.es : example.en
                out += [".PP", Roff.text(caption.prefix(1).uppercased() + caption.dropFirst()), Roff.example(example.lines)]
            }
        }
        let parent = path.count > 1 ? ".BR \(Roff.literal(pageName(Array(path.dropLast())))) (1),\n" : ""
        out += [".SH \(t.exitStatus)", t.subcommandFooter, ".SH \(t.seeAlso)", parent + ".BR acta (1)", ".PP", "\\fI\(Roff.literal(t.guide))\\fR"]
        return out.joined(separator: "\n") + "\n"
    }

    func synopsis(_ a: ArgumentInfo) -> String {
        let value = Roff.italic("<\(a.valueName ?? "value")>")
        var word: String
        switch a.kind {
        case .positional: word = value
        case .option: word = Roff.bold(a.names?.first(where: { $0.kind != "short" })?.spelled ?? "") + " " + value
        case .flag: word = Roff.bold(a.names?.first(where: { $0.kind != "short" })?.spelled ?? "")
        }
        if a.isRepeating { word += " \\&..." }
        return a.isOptional ? "[\(word)]" : word
    }

    func option(_ a: ArgumentInfo, _ t: ManualText) -> [String] {
        let value = a.kind == .flag ? "" : " " + Roff.italic("<\(a.valueName ?? "value")>")
        let label = a.kind == .positional ? Roff.italic("<\(a.valueName ?? "value")>")
            : (a.names ?? []).map { Roff.bold($0.spelled) }.joined(separator: ", ") + value
        var help = Roff.text(a.abstract ?? "")
        if let values = a.allValues, !values.isEmpty { help += " (\(t.valuesWord): \(Roff.literal(values.joined(separator: ", "))))" }
        if let d = a.defaultValue, !d.isEmpty { help += " (\(t.defaultWord): \(Roff.literal(d)))" }
        if let more = a.discussion, !more.isEmpty { help += "\n.br\n" + Roff.text(more) }
        return [".TP", label, help]
    }

    /// The "Ejemplos / Examples:" block of a discussion (see HelpExamples in acta), taken apart.
    static func splitExamples(_ discussion: String) -> (String, [(es: String, en: String, lines: [String])]) {
        let marker = "Ejemplos / Examples:"
        guard let r = discussion.range(of: marker) else { return (discussion, []) }
        let text = discussion[..<r.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        var examples: [(es: String, en: String, lines: [String])] = []
        var comments: [String] = []
        var continuing = false
        for raw in discussion[r.upperBound...].split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if continuing {
                examples[examples.count - 1].lines.append("    " + line)
            } else if line.hasPrefix("# ") {
                comments.append(String(line.dropFirst(2)))
            } else if line.hasPrefix("$ ") {
                examples.append((comments.first ?? "", comments.last ?? "", [String(line.dropFirst(2))]))
                comments = []
            } else { continue }
            continuing = line.hasSuffix("\\")
        }
        return (text, examples)
    }
}

func run(_ path: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw NSError(domain: "acta-manual", code: Int(process.terminationStatus),
                      userInfo: [NSLocalizedDescriptionKey: "\(path) \(arguments.joined(separator: " ")) failed"])
    }
    return String(decoding: data, as: UTF8.self)
}

var positional: [String] = []
var prefix = "/usr/local", date: String?
var args = CommandLine.arguments.dropFirst()
while let arg = args.popFirst() {
    switch arg {
    case "--prefix": prefix = args.popFirst() ?? prefix
    case "--date": date = args.popFirst()
    default: positional.append(arg)
    }
}
guard positional.count == 2 else {
    FileHandle.standardError.write(Data("usage: acta-manual <acta binary> <output folder> [--prefix /usr] [--date YYYY-MM-DD]\n".utf8))
    exit(64)
}
do {
    let binary = positional[0], output = positional[1]
    let info = try JSONDecoder().decode(ToolInfo.self, from: Data(try run(binary, ["--experimental-dump-help"]).utf8))
    let version = try run(binary, ["--version"]).trimmingCharacters(in: .whitespacesAndNewlines)
    // Reproducible: the date comes from the caller (the changelog's), else SOURCE_DATE_EPOCH, else today.
    let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) ?? Date().timeIntervalSince1970
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    let generator = ManualGenerator(tool: info.command, version: version.hasPrefix("acta") ? version : "acta " + version,
                                    date: date ?? formatter.string(from: Date(timeIntervalSince1970: epoch)), prefix: prefix)
    for (language, folder) in [(Language.en, "man1"), (.es, "es/man1")] {
        let dir = URL(fileURLWithPath: output).appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for page in generator.pages(language) {
            try page.text.write(to: dir.appendingPathComponent(page.name), atomically: true, encoding: .utf8)
            print(dir.appendingPathComponent(page.name).path)
        }
    }
} catch {
    FileHandle.standardError.write(Data("acta-manual: \(error.localizedDescription)\n".utf8))
    exit(1)
}
