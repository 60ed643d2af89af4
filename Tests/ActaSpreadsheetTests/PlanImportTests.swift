import ActaCore
import ActaFormats
import ActaSpreadsheet
import ActaTestSupport
import Foundation
import Testing

/// Plans from the GAE's spreadsheets, on fixtures LibreOffice wrote from the bundled 5th plan.
@Suite struct PlanImportTests {
    static let fixtures = TemporarySessions.packageRoot.appendingPathComponent("Tests/ActaSpreadsheetTests/Fixtures").path

    static func bundled(_ id: String) throws -> Plan {
        let path = TemporarySessions.bundled.appendingPathComponent("plans/\(id).yaml").path
        return try PlanLoader.load(try String(contentsOfFile: path, encoding: .utf8), file: path)
    }

    static func grid(_ name: String) throws -> SheetGrid {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(fixtures)/\(name)")))
        return name.hasSuffix(".xlsx") ? try XLSXSheet.read(bytes) : CSVSheet.read(bytes).grid
    }

    @Test(arguments: ["plan5-libreoffice.csv", "plan5-libreoffice.xlsx", "plan5-semicolon-cp1252.csv", "plan5-merged-header.xlsx"])
    func everyFixtureGivesTheBundledFifthPlan(_ name: String) throws {
        let result = PlanImport.run(try Self.grid(name), file: name, id: "gt-pan5-2021-2023",
                                    title: "5to. Plan de Acción Nacional de Gobierno Abierto 2021-2023")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { $0.formatted(.en) })")
        let plan = try #require(result.plan)
        let bundled = try Self.bundled("gt-pan5-2021-2023")
        #expect(plan.commitments == bundled.commitments)
        #expect(plan.name == bundled.name)
        #expect(result.layout?.ignored == [])
    }

    @Test func semicolonsAndWindows1252AreDetected() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(Self.fixtures)/plan5-semicolon-cp1252.csv")))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture really is not UTF-8")
        let read = CSVSheet.read(bytes)
        #expect(read.delimiter == ";")
        #expect(read.encoding == "Windows-1252")
        #expect(read.grid.rows.contains { $0.contains("Comisión Presidencial de Gobierno Abierto y Electrónico (GAE) — Iniciativa CoST Guatemala") })
    }

    @Test func spreadsheetDateCellsBecomeISODates() throws {
        let result = PlanImport.run(try Self.grid("test-plan-dates.xlsx"), file: "d.xlsx", id: "d", title: "D")
        #expect(result.plan?.commitment(1)?.milestones == [Milestone(number: 1, text: "Hito de prueba", start: "2023-07-15", end: "2024-01-31")])
    }

    @Test func excelsSepLineAndTabsAreHonoured() {
        let sep = CSVSheet.read(Array("sep=;\r\nNo. compromiso;Hito\r\n1;Uno, dos\r\n".utf8))
        #expect(sep.delimiter == ";")
        #expect(sep.grid.rows == [["No. compromiso", "Hito"], ["1", "Uno, dos"]])
        let tabs = CSVSheet.read(Array("No. compromiso\tNo. hito\tHito\n1\t1\tA, b; c\n2\t1\tD\n".utf8))
        #expect(tabs.delimiter == "\t")
        #expect(tabs.grid.rows[1] == ["1", "1", "A, b; c"])
    }

    @Test func mergedTitleBlankRowsAndATwoRowHeader() throws {
        let grid = try Self.grid("plan5-merged-header.xlsx")
        #expect(!grid.merges.isEmpty)
        let layout = try #require(PlanField.layout(of: grid))
        #expect(layout.headerRow == 2)
        #expect(layout.dataRow == 4)
        #expect(layout.columns[.start] == 10 && layout.columns[.end] == 11)
        #expect(layout.headerText(10) == "Fechas inicio")
    }

    @Test(arguments: ["gt-pan5-2021-2023", "gt-pan6-2023-2025"])
    func exportThenImportGivesTheSamePlan(_ id: String) throws {
        let plan = try Self.bundled(id)
        let csv = PlanImport.run(CSVSheet.read(CSVSheet.write(PlanSheet.textRows(plan))).grid, file: "x.csv", id: id, title: plan.name)
        let xlsx = PlanImport.run(try XLSXSheet.read(try XLSXSheet.write(PlanSheet.rows(plan), sheetName: id)), file: "x.xlsx", id: id, title: plan.name)
        for result in [csv, xlsx] {
            #expect(result.diagnostics.isEmpty)
            #expect(result.plan?.commitments == plan.commitments)
        }
        // And the YAML acta writes loads back to the same plan.
        let yaml = PlanWriter.render(try #require(csv.plan))
        #expect(try PlanLoader.load(yaml, file: "p.yaml").commitments == plan.commitments)
    }

    @Test func headersAnyCaseAnyAccentsExtraColumnsIgnoredAndMapOverrides() throws {
        let text = """
        NO COMPROMISO;codigo ogp;INSTITUCIÓN RESPONSABLE;Número de hito;Descripción;fecha de inicio;Fecha De Finalizacion;Observaciones
        1;GT0121;Secretaría de Planificación (SEGEPLAN);1;Diagnóstico;julio 2023;31/01/2024;revisar
        ;;;2;Mesa de diálogo;2023-08;ene-2024;
        """
        let grid = CSVSheet.read(Array(text.utf8)).grid
        let plain = PlanImport.run(grid, file: "h.csv", id: "p", title: "P")
        let layout = try #require(plain.layout)
        #expect(layout.ignored == [4, 7], "Descripción is not a known header; Observaciones never")
        let mapped = PlanImport.run(grid, file: "h.csv", id: "p", title: "P", overrides: [PlanField.fold("Descripción"): .hitoText])
        let plan = try #require(mapped.plan)
        #expect(mapped.layout?.ignored == [7])
        let c = try #require(plan.commitment(1))
        #expect(c.institutionShort == "SEGEPLAN")
        #expect(c.milestones == [Milestone(number: 1, text: "Diagnóstico", start: "2023-07", end: "2024-01-31"),
                                 Milestone(number: 2, text: "Mesa de diálogo", start: "2023-08", end: "2024-01")])
        #expect(PlanField.parseMapping("hito_text=Descripción")?.field == .hitoText)
        #expect(PlanField.parseMapping("Hito=Descripción")?.field == .hitoText)
        #expect(PlanField.parseMapping("nada=X") == nil)
    }

    @Test func everyProblemIsLocatedAtItsCellWithItsContent() throws {
        let text = """
        No. compromiso,Institución responsable,No. hito,Hito,Fecha de inicio
        1,MINGOB,1,Uno,2023-07
        1,MINEDUC,2,Dos,
        x,MINGOB,1,Tres,
        1,MINGOB,1,Cuatro,
        2,SESAN,dos,Cinco,
        2,SESAN,3,Seis,31/02/2023
        """
        let result = PlanImport.run(CSVSheet.read(Array(text.utf8)).grid, file: "hoja.csv", id: "p", title: "P")
        #expect(result.plan == nil)
        let lines = result.diagnostics.map { $0.formatted(.es) }
        #expect(lines.count == 5, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("hoja.csv:3:2:") && $0.contains("«MINEDUC»") && $0.contains("fila 2") })
        #expect(lines.contains { $0.hasPrefix("hoja.csv:4:1:") && $0.contains("«x»") })
        #expect(lines.contains { $0.hasPrefix("hoja.csv:5:3:") && $0.contains("ya está en la fila 2") })
        #expect(lines.contains { $0.hasPrefix("hoja.csv:6:3:") && $0.contains("«dos»") })
        #expect(lines.contains { $0.hasPrefix("hoja.csv:7:5:") && $0.contains("«31/02/2023»") })
    }

    @Test func noHeaderRowSaysWhatIsNeeded() {
        let result = PlanImport.run(SheetGrid(rows: [["a", "b"], ["1", "2"]]), file: "f.csv", id: "p", title: "P")
        #expect(result.plan == nil)
        #expect(result.diagnostics.first?.formatted(.es).contains("No. compromiso") == true)
    }

    @Test func spreadsheetDatesAndCellNames() {
        #expect(XLSXSheetDates.iso(45108) == "2023-07-01")
        #expect(XLSXSheetDates.iso(44197) == "2021-01-01")
        #expect(CellName.column(0) == "A" && CellName.column(26) == "AA")
        #expect(CellName.parse("$B$3")! == (row: 2, column: 1))
        #expect(CellRange(reference: "A1:K1")?.contains(0, 10) == true)
    }
}
