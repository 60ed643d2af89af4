import ActaTestSupport
import Foundation
import Testing

/// `acta plan import` and `acta plan export`, run as a user would.
@Suite struct PlanCommandTests {
    static let fixtures = TemporarySessions.packageRoot.appendingPathComponent("Tests/ActaSpreadsheetTests/Fixtures").path

    @Test func importWritesAPlanThatChecksAndNeverOverwritesWithoutForce() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let file = "\(Self.fixtures)/plan5-merged-header.xlsx"
        let r = try ActaProcess.run(["plan", "import", file, "--id", "gt-pan5-importado", "--title", "5to. Plan (importado)"], in: tmp.base.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Columnas usadas: A «No. compromiso» → commitment"))
        #expect(r.stdout.contains("Columnas ignoradas: ninguna"))
        #expect(r.stdout.contains("12 compromisos, 22 hitos; correcto"))
        let yaml = try tmp.read("plans/gt-pan5-importado.yaml")
        #expect(yaml.contains("id: gt-pan5-importado\nname: \"5to. Plan (importado)\""))
        #expect(try ActaProcess.run(["check", tmp.path("plans/gt-pan5-importado.yaml")], in: tmp.base.path).status == 0)
        // A session can use it at once.
        #expect(try ActaProcess.run(["new", "2025-03-26", "con-importado", "--plan", "gt-pan5-importado"], in: tmp.base.path).status == 0)

        try tmp.write("plans/gt-pan5-importado.yaml", "# mío\n" + yaml)
        let again = try ActaProcess.run(["plan", "import", file, "--id", "gt-pan5-importado", "--title", "X"], in: tmp.base.path)
        #expect(again.status == 73)
        #expect(again.stderr.contains("--force"))
        #expect(try tmp.read("plans/gt-pan5-importado.yaml").hasPrefix("# mío\n"))
        let forced = try ActaProcess.run(["plan", "import", file, "--id", "gt-pan5-importado", "--title", "X", "--force"], in: tmp.base.path)
        #expect(forced.status == 0)
        #expect(try !tmp.read("plans/gt-pan5-importado.yaml").hasPrefix("# mío\n"))
    }

    @Test func aBrokenSpreadsheetWritesNothingAndNamesTheCells() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let sheet = tmp.base.appendingPathComponent("hitos.csv").path
        try "No. compromiso;Hito;No. hito;Fecha de inicio\n1;Uno;1;mañana\n".write(toFile: sheet, atomically: true, encoding: .utf8)
        let r = try ActaProcess.run(["plan", "import", "hitos.csv", "--id", "roto", "--title", "Roto"], in: tmp.base.path)
        #expect(r.status == 65)
        #expect(r.stderr.contains("hitos.csv:2:4: error: «Fecha de inicio» (D2) = «mañana»: no es una fecha"))
        #expect(!FileManager.default.fileExists(atPath: tmp.path("plans/roto.yaml")))
        #expect(try ActaProcess.run(["plan", "import", "hitos.csv", "--id", "Mal Id", "--title", "x"], in: tmp.base.path).status == 64)
        #expect(try ActaProcess.run(["plan", "import", "no-existe.csv", "--id", "x", "--title", "x"], in: tmp.base.path).status == 66)
    }

    @Test(arguments: ["csv", "xlsx"])
    func exportThenImportRoundTrips(_ format: String) throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let out = try ActaProcess.run(["plan", "export", "gt-pan6-2023-2025", "--format", format], in: tmp.base.path)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "gt-pan6-2023-2025.\(format)\n")
        #expect(try ActaProcess.run(["plan", "export", "gt-pan6-2023-2025", "--format", format], in: tmp.base.path).status == 73)
        let back = try ActaProcess.run(["plan", "import", "gt-pan6-2023-2025.\(format)", "--id", "copia", "--title",
                                        "Plan de Acción Nacional de Gobierno Abierto 2023-2025"], in: tmp.base.path)
        #expect(back.status == 0, "\(back.stderr)")
        let again = try ActaProcess.run(["plan", "export", "copia", "--format", format, "--output", "copia.\(format)"], in: tmp.base.path)
        #expect(again.status == 0)
        let third = try ActaProcess.run(["plan", "import", "copia.\(format)", "--id", "copia2", "--title",
                                         "Plan de Acción Nacional de Gobierno Abierto 2023-2025"], in: tmp.base.path)
        #expect(third.status == 0)
        func body(_ id: String) throws -> String {
            try tmp.read("plans/\(id).yaml").split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("id:") }.joined(separator: "\n")
        }
        #expect(try body("copia") == body("copia2"))
        #expect(try body("copia").contains("start: \"2023-07\""))
    }
}
