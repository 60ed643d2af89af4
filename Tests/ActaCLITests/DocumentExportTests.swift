import ActaTestSupport
import Foundation
import Testing

/// `acta export --format pdf|docx|html|all`: pandoc and weasyprint, the shipped stylesheet and reference DOCX.
@Suite struct DocumentExportTests {
    static let session = "2023-10-18-ejemplo-octubre"

    func acta(_ args: [String], _ tmp: TemporarySessions, env: [String: String] = [:]) throws -> ActaProcess.Result {
        try ActaProcess.run(args, in: tmp.base.path, environment: env)
    }

    /// The demonstration with a multi-line note, so that line breaks are seen to survive.
    func prepared() throws -> TemporarySessions {
        let tmp = try TemporarySessions()
        let journal = try tmp.read("\(Self.session)/journal.jsonl")
        try tmp.write("\(Self.session)/journal.jsonl", journal
            + #"{"at":"2023-10-18T09:37:00-06:00","event":"note_added","item":6,"seq":900,"text":"Primera línea de la nota\nSegunda línea de la nota"}"# + "\n")
        return tmp
    }

    @Test func allFormatsKeepEveryColumnHitoAndSignature() throws {
        let tmp = try prepared()
        defer { tmp.remove() }
        let r = try acta(["export", Self.session, "--format", "all"], tmp)
        #expect(r.status == 0, "\(r.stderr)")
        for file in ["minutes.md", "minutes.html", "minutes.docx", "minutes.pdf"] {
            #expect(r.stdout.contains("\(Self.session)/\(file)"))
        }
        let pdf = tmp.path("\(Self.session)/minutes.pdf")
        let info = try ExternalTool.run("pdfinfo", [pdf])
        #expect(info.contains("612 x 792 pts (letter)"))
        let raw = try ExternalTool.run("pdftotext", [pdf, "-"])
        // A header of two words may wrap between them; never inside a word.
        let text = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let words = Set(text.split(separator: " ").map(String.init))
        for header in ["Hito", "Texto", "Estado", "% avance", "Validado", "Replanificado", "Evidencia", "Nota", "Cambio desde el acta",
                       "Asiento", "Sector", "Asistencia", "Delegado/a", "Responsable", "Fecha límite", "Firma"] {
            // Each word whole (pdftotext may interleave the lines of a wrapped header with its neighbours').
            for word in header.split(separator: " ") { #expect(words.contains(String(word)), "column \(header) is in the PDF") }
        }
        for hito in ["1.1", "1.2", "1.3", "3.1", "3.2", "9.1"] { #expect(text.contains(hito), "hito \(hito) is in the PDF") }
        #expect(raw.contains("Primera línea de la nota\nSegunda línea de la nota"), "a multi-line note keeps its lines")
        // The signature block is whole on the last page.
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "0") ?? 0
        let last = try ExternalTool.run("pdftotext", ["-f", "\(pages)", "-l", "\(pages)", pdf, "-"])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(last.contains("Firmas"))
        for delegate in ["Punto de Contacto (ficticio)", "Enlace MINGOB (ficticio)", "Enlace SESAN (ficticio)", "Enlace CONADI (ficticio)",
                         "Representante de CoST (ficticio)", "Sociedad civil", "Gobierno"] {
            #expect(last.contains(delegate), "\(delegate) signs on the last page")
        }

        // The DOCX read back by pandoc has the Markdown's tables, cell for cell.
        let markdown = try tmp.read("\(Self.session)/minutes.md")
        let fromMarkdown = HTMLShape(try ExternalTool.run("cmark-gfm", ["-e", "table", "-e", "autolink", "--to", "html"], input: markdown))
        let fromDOCX = HTMLShape(try ExternalTool.run("pandoc", ["-f", "docx", "-t", "html", tmp.path("\(Self.session)/minutes.docx")]))
        #expect(fromDOCX.tables == fromMarkdown.tables)
        #expect(fromDOCX.links.contains("https://datos.example.gt/portal"))
        let docxText = try ExternalTool.run("pandoc", ["-f", "docx", "-t", "plain", tmp.path("\(Self.session)/minutes.docx")])
        #expect(docxText.contains("Replanificado"))
        let html = try tmp.read("\(Self.session)/minutes.html")
        #expect(html.contains("lang=\"es-GT\""))
        #expect(html.contains("@page { size: Letter; }"))
        #expect(HTMLShape(html).tables == fromMarkdown.tables)
    }

    @Test func a4AndEnglish() throws {
        let tmp = try prepared()
        defer { tmp.remove() }
        let r = try acta(["export", Self.session, "--format", "pdf,html,docx", "--paper", "a4", "--lang", "en"], tmp)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try ExternalTool.run("pdfinfo", [tmp.path("\(Self.session)/minutes.pdf")]).contains("(A4)"))
        #expect(try tmp.read("\(Self.session)/minutes.html").contains("lang=\"en\""))
        let text = try ExternalTool.run("pdftotext", [tmp.path("\(Self.session)/minutes.pdf"), "-"])
        #expect(text.contains("Rescheduled"))
        #expect(text.contains("Signatures"))
        #expect(try acta(["export", Self.session, "--paper", "legal"], tmp).status == 64)
        #expect(try acta(["export", Self.session, "--format", "odt"], tmp).status == 64)
    }

    @Test func missingProgramsExit69AndTheMarkdownIsStillWritten() throws {
        let tmp = try prepared()
        defer { tmp.remove() }
        let empty = tmp.base.appendingPathComponent("bin-empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let noPandoc = try acta(["export", Self.session, "--format", "docx"], tmp, env: ["PATH": empty])
        #expect(noPandoc.status == 69)
        #expect(noPandoc.stderr.contains("sudo apt-get install pandoc"))
        #expect(FileManager.default.fileExists(atPath: tmp.path("\(Self.session)/minutes.md")))
        #expect(!FileManager.default.fileExists(atPath: tmp.path("\(Self.session)/minutes.docx")))

        // pandoc but no weasyprint: the PDF names weasyprint.
        let onlyPandoc = tmp.base.appendingPathComponent("bin-pandoc").path
        try FileManager.default.createDirectory(atPath: onlyPandoc, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: onlyPandoc + "/pandoc", withDestinationPath: try #require(ExternalTool.path("pandoc")))
        let noWeasy = try acta(["export", Self.session, "--format", "pdf", "--lang", "en"], tmp, env: ["PATH": onlyPandoc])
        #expect(noWeasy.status == 69)
        #expect(noWeasy.stderr.contains("install the package “weasyprint”"))
        #expect(try tmp.read("\(Self.session)/minutes.md").contains("## Attendance"))
    }
}
