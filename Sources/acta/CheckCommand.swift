import ActaCore
import ActaFormats
import ActaStore
import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Valida plan, agenda y diario / Validates plan, agenda and journal.",
        discussion: HelpExamples.discussion("Sin argumento revisa todas las sesiones. Cada problema sale como archivo:línea:columna: mensaje.", [
            ("acta check", "todas las sesiones y planes", "every session and plan"),
            ("acta check 2023-03-29-primera-mesa", "una sesión: agenda, plan y diario", "one session: agenda, plan and journal"),
            ("acta check sessions/plans/gt-pan5-2021-2023.yaml", "un archivo de plan", "a plan file"),
        ]))

    @OptionGroup var common: CommonOptions

    @Argument(help: "Sesión (carpeta o ruta), o un archivo de plan / A session, or a plan file.", completion: Completion.sessions)
    var target: String?

    func run() throws {
        let language = common.language
        let location = common.location
        let dir = location.directory
        try requireSessionsFolder(location, language)
        var diagnostics: [Diagnostic] = []
        var checked: [String] = []
        if let target, target.hasSuffix(".yaml"), target.contains("/plans/") || target.hasPrefix("plans/") {
            let path = target.hasPrefix("plans/") ? "\(dir.root)/\(target)" : target
            guard FileIO.exists(path) else {
                printError("\(path): " + (language == .es ? "no existe" : "does not exist"))
                throw Exit.noInput
            }
            do {
                let text = try TextDecoding.decode(try FileIO.read(path, limit: InputLimits.definitionFileBytes), file: path)
                _ = try PlanLoader.load(text, file: path)
            } catch let d as Diagnostic { diagnostics.append(d) }
            catch let d as Diagnostics { diagnostics += d.items }
            catch let e as StoreError {
                // Too large or not a regular file is a problem of the data; a failed read is one of I/O.
                guard e.code == 0 else { printError(e.message.text(language)); throw Exit.ioError }
                diagnostics.append(Diagnostic(file: path, line: 1, column: 1, message: e.message))
            }
            checked.append(path)
        } else {
            let names: [String]
            if let target {
                names = [try common.session(target, in: dir) { common.command("check", $0) }]
            } else {
                names = dir.sessionNames()
                for file in FileIO.listDirectory("\(dir.root)/plans") where file.hasSuffix(".yaml") {
                    do { _ = try dir.loadPlan(String(file.dropLast(5))) } catch { diagnostics += error.items }
                }
            }
            for name in names {
                let loaded = dir.load(name)
                // A plan's problems appear once even when several sessions use it.
                diagnostics += loaded.diagnostics.filter { !diagnostics.contains($0) }
                checked.append(loaded.folder)
            }
        }
        let failed = report(diagnostics, language)
        if failed { throw Exit.dataError }
        let warnings = diagnostics.count
        for path in checked {
            print(language == .es ? "\(ControlCharacters.visible(path)): correcto" + (warnings > 0 ? " (con avisos)" : "")
                                  : "\(ControlCharacters.visible(path)): OK" + (warnings > 0 ? " (with warnings)" : ""))
        }
    }
}
