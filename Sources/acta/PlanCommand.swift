import ActaCore
import ActaFormats
import ActaSpreadsheet
import ActaStore
import ArgumentParser

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Planes de acción desde y hacia hojas de cálculo / Action plans from and to spreadsheets.",
        discussion: HelpExamples.discussion("", [
            ("acta plan export gt-pan5-2021-2023 --format csv", "el 5to. plan como hoja CSV", "the 5th plan as a CSV sheet"),
            ("acta plan import --help", "cómo importar la hoja de un plan nuevo", "how to import a new plan's spreadsheet"),
        ]),
        subcommands: [PlanImportCommand.self, PlanExportCommand.self])
}

extension PlanField: ExpressibleByArgument {}

struct PlanImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Crea plans/<id>.yaml desde la hoja del GAE (CSV o XLSX) / Creates plans/<id>.yaml from the GAE's spreadsheet.",
        discussion: HelpExamples.discussion("""
        Una fila por hito. Encabezados en español, sin importar mayúsculas ni tildes: No. compromiso, Código OGP, Compromiso, Institución responsable, Instituciones de apoyo, No. hito, Hito, Fecha de inicio, Fecha de finalización (y Siglas, Título en inglés). Dice qué columnas usó y cuáles no; --map CAMPO=Encabezado cambia la asignación (campos: \(PlanField.allCases.map { $0.rawValue }.joined(separator: ", "))).
        CSV con , ; o TAB, en UTF-8 (con o sin BOM) o Windows-1252; XLSX (la primera hoja). Nunca sobrescribe sin --force; valida como acta check y cada problema sale como archivo:fila:columna con el contenido de la celda.
        Códigos: 0 bien; 64 uso incorrecto; 65 la hoja tiene errores (no se escribe nada); 66 no existe el archivo; 73 el plan ya existe o no se pudo escribir.
        """, [
            ("acta plan import plan-7.xlsx --id gt-pan7-2025-2027 --title \"7mo. Plan de Acción Nacional de Gobierno Abierto 2025-2027\"",
             "importa la hoja del 7mo. plan", "imports the 7th plan's spreadsheet"),
            ("acta plan import hitos.csv --id gt-pan7-2025-2027 --title \"7mo. Plan\" --map hito_text=Descripción --force",
             "la columna «Descripción» es el texto del hito; reemplaza el plan", "the “Descripción” column is the hito's text; replaces the plan"),
        ]))

    @OptionGroup var common: CommonOptions

    @Argument(help: "Hoja de cálculo: .csv, .tsv, .txt o .xlsx / Spreadsheet.")
    var file: String

    @Option(help: "Id del plan (a-z, 0-9, -), p. ej. gt-pan7-2025-2027 / plan id.")
    var id: String

    @Option(help: "Nombre del plan / plan name.")
    var title: String

    @Option(help: "CAMPO=Encabezado: qué columna llena un campo (repetible) / FIELD=Header (repeatable).")
    var map: [String] = []

    @Flag(help: "Reemplazar el plan si ya existe / Replace the plan if it exists.")
    var force = false

    func validate() throws {
        guard isSlug(id) else {
            throw ValidationError("--id «\(id)»: use solo a-z, 0-9 y guiones / use only a-z, 0-9 and hyphens")
        }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--title: escriba el nombre del plan / give the plan's name") }
        for m in map where PlanField.parseMapping(m) == nil {
            throw ValidationError("--map «\(m)»: use CAMPO=Encabezado, CAMPO uno de \(PlanField.allCases.map(\.rawValue).joined(separator: ", ")) / use FIELD=Header")
        }
    }

    func run() throws {
        let language = common.language
        let t = { (es: String, en: String) in language == .es ? es : en }
        let location = common.location
        try requireSessionsFolder(location, language)
        let dir = location.directory
        let bytes: [UInt8]
        do { bytes = try FileIO.read(file) } catch { printError(error.message.text(language)); throw Exit.noInput }
        let lower = file.lowercased()
        let grid: SheetGrid
        if lower.hasSuffix(".xlsx") {
            do { grid = try XLSXSheet.read(bytes) } catch {
                printError(t("\(file): no es un archivo XLSX legible (\(error.reason)); ábralo y guárdelo de nuevo como .xlsx o .csv",
                             "\(file): not a readable XLSX file (\(error.reason)); open it and save it again as .xlsx or .csv"))
                throw Exit.dataError
            }
            print(t("Leído como XLSX (primera hoja).", "Read as XLSX (first sheet)."))
        } else if lower.hasSuffix(".xls") || lower.hasSuffix(".ods") {
            printError(t("\(file): acta lee .xlsx y .csv; guárdelo en uno de esos formatos", "\(file): acta reads .xlsx and .csv; save it in one of those formats"))
            throw Exit.dataError
        } else {
            let csv = CSVSheet.read(bytes)
            grid = csv.grid
            let name = csv.delimiter == "\t" ? "TAB" : String(csv.delimiter)
            print(t("Leído como CSV: separador «\(name)», codificación \(csv.encoding).", "Read as CSV: delimiter “\(name)”, encoding \(csv.encoding)."))
        }
        var overrides: [String: PlanField] = [:]
        for m in map { if let (field, header) = PlanField.parseMapping(m) { overrides[PlanField.fold(header)] = field } }
        let result = PlanImport.run(grid, file: file, id: id, title: title, overrides: overrides)
        if let layout = result.layout {
            let used = layout.columns.sorted { $0.value < $1.value }.map { field, column in
                "\(CellName.column(column)) «\(layout.headerText(column))» → \(field.rawValue)"
            }
            print(t("Fila de encabezados: \(layout.headerRow + 1). Columnas usadas: ", "Header row: \(layout.headerRow + 1). Columns used: ") + used.joined(separator: "; "))
            let ignored = layout.ignored.map { "\(CellName.column($0)) «\(layout.headerText($0))»" }
            print(t("Columnas ignoradas: ", "Columns ignored: ") + (ignored.isEmpty ? t("ninguna", "none") : ignored.joined(separator: "; ")))
        }
        let failed = report(result.diagnostics, language)
        guard let plan = result.plan, !failed else {
            printError(t("No se escribió nada: corrija la hoja (o use --map) y vuelva a importar.", "Nothing written: fix the spreadsheet (or use --map) and import again."))
            throw Exit.dataError
        }
        let target = dir.planPath(id)
        if FileIO.exists(target) && !force {
            printError(t("\(target): ya existe; no se sobrescribe. Use --force para reemplazarlo u otro --id.",
                         "\(target): already exists; not overwritten. Use --force to replace it, or another --id."))
            throw Exit.cantCreate
        }
        let text = PlanWriter.render(plan, header: [title, t("Importado con «acta plan import» desde \(FileIO.basename(of: file)).",
                                                              "Imported with “acta plan import” from \(FileIO.basename(of: file)).")])
        // The same validation as `acta check`, before anything is written.
        do { _ = try PlanLoader.load(text, file: target) } catch {
            report(error.items, language)
            throw Exit.dataError
        }
        do {
            if !FileIO.isDirectory(FileIO.parent(of: target)) { try FileIO.createDirectory(FileIO.parent(of: target)) }
            try FileIO.writeAtomically(text, to: target)
        } catch { printError(error.message.text(language)); throw Exit.cantCreate }
        let hitos = plan.commitments.map(\.milestones.count).reduce(0, +)
        let c = plan.commitments.count
        print(t("\(target): \(c) \(c == 1 ? "compromiso" : "compromisos"), \(hitos) \(hitos == 1 ? "hito" : "hitos"); correcto.",
                "\(target): \(c) \(c == 1 ? "commitment" : "commitments"), \(hitos) \(hitos == 1 ? "milestone" : "milestones"); OK."))
    }
}

struct PlanExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, xlsx }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Escribe un plan como hoja de cálculo / Writes a plan as a spreadsheet.",
        discussion: HelpExamples.discussion("""
        Una fila por hito, con los encabezados que acta plan import lee: importar lo exportado da el mismo plan. CSV en UTF-8 con BOM, separado por comas. Nunca sobrescribe sin --force.
        """, [
            ("acta plan export gt-pan5-2021-2023 --format xlsx", "escribe gt-pan5-2021-2023.xlsx", "writes gt-pan5-2021-2023.xlsx"),
            ("acta plan export gt-pan6-2023-2025 --format csv --output plan6.csv", "escribe plan6.csv", "writes plan6.csv"),
        ]))

    @OptionGroup var common: CommonOptions

    @Argument(help: "Id del plan / plan id.")
    var id: String

    @Option(help: "csv | xlsx")
    var format: Format = .xlsx

    @Option(help: "Archivo de salida (por defecto <id>.<formato>) / output file.")
    var output: String?

    @Flag(help: "Reemplazar el archivo si existe / Replace the file if it exists.")
    var force = false

    func run() throws {
        let language = common.language
        let t = { (es: String, en: String) in language == .es ? es : en }
        let location = common.location
        try requireSessionsFolder(location, language)
        let plan: Plan
        do { plan = try location.directory.loadPlan(id) } catch {
            report(error.items, language)
            if !FileIO.exists(location.directory.planPath(id)) {
                printError(t("\(location.directory.planPath(id)): no existe ese plan", "\(location.directory.planPath(id)): no such plan"))
                throw Exit.noInput
            }
            throw Exit.dataError
        }
        let path = output ?? "\(id).\(format.rawValue)"
        if FileIO.exists(path) && !force {
            printError(t("\(path): ya existe; no se sobrescribe. Use --force o --output.", "\(path): already exists; not overwritten. Use --force or --output."))
            throw Exit.cantCreate
        }
        do {
            switch format {
            case .csv: try FileIO.writeAtomically(bytes: CSVSheet.write(PlanSheet.textRows(plan)), to: path)
            case .xlsx:
                let bytes: [UInt8]
                do { bytes = try XLSXSheet.write(PlanSheet.rows(plan), sheetName: id) } catch {
                    printError(error.reason); throw Exit.cantCreate
                }
                try FileIO.writeAtomically(bytes: bytes, to: path)
            }
        } catch let error as StoreError { printError(error.message.text(language)); throw Exit.cantCreate }
        print(path)
    }
}
