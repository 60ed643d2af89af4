import ActaCore
import ActaFormats

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The formats `acta export --format` writes besides the Markdown.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case md, html, docx, pdf
}

/// Paper for PDF and DOCX.
public enum Paper: String, Sendable, CaseIterable {
    case letter, a4

    var cssSize: String { self == .letter ? "Letter" : "A4" }
}

/// A program the export needs is not installed: the message names the Debian package.
public struct MissingProgram: Error, Sendable {
    public let program: String
    public let package: String
    public let format: DocumentFormat

    public var message: LocalizedText {
        LocalizedText(es: "no se escribió minutes.\(format.rawValue): falta el programa \(program); instale el paquete «\(package)» (sudo apt-get install \(package)). El acta en Markdown sí se escribió.",
                      en: "minutes.\(format.rawValue) was not written: the program \(program) is missing; install the package “\(package)” (sudo apt-get install \(package)). The Markdown acta was written.")
    }
}

/// Turns the acta's blocks into HTML, DOCX and PDF with pandoc (and weasyprint for PDF), using the
/// print stylesheet and reference DOCX shipped with acta (`share/export/`).
public struct DocumentExporter: Sendable {
    /// Holds `print.css` and `reference-<paper>.docx`.
    public let stylesFolder: String
    public let paper: Paper
    public let language: Language
    /// `PATH` to look for the programs in (nil: the environment's).
    public let searchPath: String?

    public init(stylesFolder: String, paper: Paper, language: Language, searchPath: String? = nil) {
        self.stylesFolder = stylesFolder
        self.paper = paper
        self.language = language
        self.searchPath = searchPath
    }

    var lang: String { language == .es ? "es-GT" : "en" }

    public enum Failure: Error, Sendable {
        case missing(MissingProgram)
        case failed(LocalizedText)
    }

    /// Writes `minutes.<format>` for each of `formats` (html, docx, pdf) into `folder`; returns the paths written.
    /// Each file is written under a temporary name and renamed, so a failure leaves the old one.
    public func export(_ blocks: [DocumentBlock], title: String, formats: [DocumentFormat], into folder: String) throws(Failure) -> [String] {
        let wanted = formats.filter { $0 != .md }
        guard !wanted.isEmpty else { return [] }
        guard let pandoc = ExternalProgram.find("pandoc", path: searchPath) else {
            throw .missing(MissingProgram(program: "pandoc", package: "pandoc", format: wanted[0]))
        }
        let weasyprint = ExternalProgram.find("weasyprint", path: searchPath)
        if wanted.contains(.pdf) && weasyprint == nil {
            throw .missing(MissingProgram(program: "weasyprint", package: "weasyprint", format: .pdf))
        }
        let css: String
        do { css = String(decoding: try FileIO.read(stylesFolder + "/print.css"), as: UTF8.self) } catch {
            throw .failed(error.message)
        }
        let temp = "\(folder)/.export-\(getpid())"
        let fragment = temp + ".fragment.html", head = temp + ".head.html", html = temp + ".html"
        defer { for f in [fragment, head, html] { unlink(f) } }
        do {
            try FileIO.writeAtomically(HTMLRenderer.render(blocks), to: fragment)
            // The stylesheet is embedded so minutes.html stands alone; the paper size goes with it.
            try FileIO.writeAtomically("<style>\n\(css)\n@page { size: \(paper.cssSize); }\n</style>\n", to: head)
        } catch {
            throw .failed(error.message)
        }
        var written: [String] = []
        let log = temp + ".log"
        if wanted.contains(.html) || wanted.contains(.pdf) {
            try run(pandoc, ["-f", "html", "-t", "html5", "--standalone", "--metadata", "pagetitle=\(title)",
                             "--metadata", "lang=\(lang)", "--include-in-header", head, "-o", html, fragment], log: log)
        }
        if wanted.contains(.docx) {
            let docx = temp + ".docx"
            try run(pandoc, ["-f", "html", "-t", "docx", "--reference-doc", "\(stylesFolder)/reference-\(paper.rawValue).docx",
                             "--metadata", "lang=\(lang)", "-o", docx, fragment], log: log)
            written.append(try place(docx, as: "\(folder)/minutes.docx"))
        }
        if wanted.contains(.pdf), let weasyprint {
            let pdf = temp + ".pdf"
            try run(weasyprint, ["--quiet", html, pdf], log: log)
            written.append(try place(pdf, as: "\(folder)/minutes.pdf"))
        }
        if wanted.contains(.html) { written.append(try place(html, as: "\(folder)/minutes.html")) }
        return written
    }

    private func run(_ program: String, _ arguments: [String], log: String) throws(Failure) {
        let r = ExternalProgram.run(program, arguments, messagesFile: log)
        guard r.status == 0 else {
            let name = FileIO.basename(of: program)
            throw .failed(LocalizedText(es: "\(name) falló (salida \(r.status)): \(r.messages)",
                                        en: "\(name) failed (exit \(r.status)): \(r.messages)"))
        }
    }

    /// Renames a finished temporary file to its final name: a failed export leaves the old file whole.
    private func place(_ temp: String, as final: String) throws(Failure) -> String {
        guard rename(temp, final) == 0 else {
            let error = StoreError(path: final, code: errno, es: "no se puede escribir", en: "cannot write")
            unlink(temp)
            throw .failed(error.message)
        }
        FileIO.syncDirectory(FileIO.parent(of: final))
        return final
    }
}
