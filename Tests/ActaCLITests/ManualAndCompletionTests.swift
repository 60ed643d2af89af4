import ActaTestSupport
import Foundation
import Testing

/// The man pages acta-manual writes from the built binary, and the bash completion acta generates.
@Suite struct ManualAndCompletionTests {
    static var manualTool: String {
        (ActaProcess.binary as NSString).deletingLastPathComponent + "/acta-manual"
    }
    static let subcommands = ActaCommands.visible()

    func generate() throws -> (TemporarySessions, String) {
        let tmp = try TemporarySessions(copyBundled: false)
        let out = tmp.base.appendingPathComponent("man").path
        let r = try Subprocess.run(Self.manualTool, [ActaProcess.binary, out, "--prefix", "/usr", "--date", "2026-12-02"],
                                   environment: ProcessInfo.processInfo.environment)
        #expect(r.status == 0, "\(r.stderr)")
        return (tmp, out)
    }

    func render(_ page: String) throws -> (text: String, warnings: String) {
        let r = try Subprocess.run("/usr/bin/man", ["--warnings", "-l", page],
                                   environment: ["MANWIDTH": "80", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "MAN_KEEP_FORMATTING": ""])
        #expect(r.status == 0, "man -l \(page): \(r.stderr)")
        return (r.stdout, r.stderr)
    }

    @Test func everyCommandHasASpanishAndAnEnglishPageThatRendersCleanly() throws {
        let (tmp, out) = try generate()
        defer { tmp.remove() }
        for folder in ["man1", "es/man1"] {
            let pages = try FileManager.default.contentsOfDirectory(atPath: "\(out)/\(folder)").sorted()
            #expect(pages == (["acta.1"] + Self.subcommands.map { "acta-\($0.replacingOccurrences(of: " ", with: "-")).1" }).sorted())
            for page in pages {
                let (text, warnings) = try render("\(out)/\(folder)/\(page)")
                #expect(warnings.isEmpty, "\(folder)/\(page): \(warnings)")
                let spanish = folder.hasPrefix("es")
                for heading in spanish ? ["NOMBRE", "SINOPSIS", "OPCIONES", "ESTADO DE SALIDA", "VÉASE TAMBIÉN"]
                                       : ["NAME", "SYNOPSIS", "OPTIONS", "EXIT STATUS", "SEE ALSO"] {
                    #expect(text.contains(heading), "\(folder)/\(page) has no \(heading)")
                }
            }
        }
    }

    @Test func theMainPageDocumentsFilesEnvironmentExitCodesAndTheGuide() throws {
        let (tmp, out) = try generate()
        defer { tmp.remove() }
        let en = try render("\(out)/man1/acta.1").text
        for needed in ["ACTA_SESSIONS", "NO_COLOR", "LANG", "TZ", "journal.jsonl", "/usr/share/acta/plans/",
                       "/usr/share/doc/acta/secretary-guide.md", "75", "128+N", "acta demo"] {
            #expect(en.contains(needed), "acta(1) lacks \(needed)")
        }
        for sub in Self.subcommands where !sub.contains(" ") { #expect(en.contains("acta-\(sub)(1)")) }
        let es = try render("\(out)/es/man1/acta.1").text
        for needed in ["ENTORNO", "ARCHIVOS", "ACTA_SESSIONS", "guia-de-la-secretaria.md", "otra acta record"] {
            #expect(es.contains(needed), "acta(1) in Spanish lacks \(needed)")
        }
    }

    @Test func subcommandPagesCarryTheHelpExamplesInTheirLanguage() throws {
        let (tmp, out) = try generate()
        defer { tmp.remove() }
        let es = try render("\(out)/es/man1/acta-new.1").text
        let en = try render("\(out)/man1/acta-new.1").text
        #expect(es.contains("La mesa siguiente, con los asientos y acuerdos de la anterior"))
        #expect(en.contains("The next mesa, with the seats and acuerdos of the previous one"))
        #expect(!en.contains("La mesa siguiente"))
        for text in [es, en] {
            #expect(text.contains("acta new 2023-08-23 segunda-mesa --plan gt-pan5-2021-2023"))
            #expect(text.contains("--from <from>"))
        }
    }

    /// Runs the generated bash completion for `line` in the sessions copy; returns the candidates.
    func complete(_ words: [String], in tmp: TemporarySessions, directory: String? = nil) throws -> [String] {
        let script = try ActaProcess.run(["--generate-completion-script", "bash"], in: tmp.base.path)
        let path = tmp.base.appendingPathComponent("acta.bash").path
        try script.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let line = words.joined(separator: " ")
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let program = """
        source '\(path)'
        COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
        _acta acta '\(words.last!)' '\(words[words.count - 2])'
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let binDir = (ActaProcess.binary as NSString).deletingLastPathComponent
        let r = try Subprocess.run("/bin/bash", ["-c", program],
                                   environment: ["PATH": "\(binDir):/usr/bin:/bin", "LANG": "C.UTF-8"],
                                   directory: directory ?? tmp.base.path)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesSessionNamesAndPlanIDsFromTheSessionsFolder() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let sessions = try FileManager.default.contentsOfDirectory(atPath: tmp.root)
            .filter { FileManager.default.fileExists(atPath: tmp.path($0 + "/agenda.yaml")) }.sorted()
        #expect(sessions.count >= 3)
        #expect(try complete(["acta", "record", "2023-0"], in: tmp) == sessions.filter { $0.hasPrefix("2023-0") })
        #expect(try complete(["acta", "record", "2023-03"], in: tmp) == ["2023-03-29-primera-mesa"])
        #expect(try complete(["acta", "export", ""], in: tmp) == sessions)
        #expect(try complete(["acta", "new", "2024-01-01", "x", "--plan", "gt-pan6"], in: tmp) == ["gt-pan6-2023-2025"])
        #expect(try complete(["acta", "history", "gt"], in: tmp) == ["gt-pan5-2021-2023", "gt-pan6-2023-2025"])
        #expect(try complete(["acta", "review", "--follow", "2023-1"], in: tmp) == ["2023-10-18-ejemplo-octubre"])
        #expect(try complete(["acta", "export", "--lang", ""], in: tmp).sorted() == ["en", "es"])
    }

    @Test func completionFollowsSessionsOnTheCommandLine() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let elsewhere = try TemporarySessions(copyBundled: false)
        defer { elsewhere.remove() }
        // From a folder with no sessions, --sessions names the folder to read.
        #expect(try complete(["acta", "record", "2023-08"], in: tmp, directory: elsewhere.base.path).isEmpty)
        #expect(try complete(["acta", "record", "--sessions", tmp.root, "2023-08"], in: tmp, directory: elsewhere.base.path)
                == ["2023-08-16-ejemplo-agosto"])
    }
}
