import ActaCore
import Foundation
import ZIPFoundation

/// The first worksheet of an XLSX file (Office Open XML): a ZIP of XML parts, read with
/// ZIPFoundation and `XMLElement` (acta's own small reader: Foundation's XML would load
/// libxml2 and ICU into every start of acta). Dates stored as serial numbers are given back as ISO dates.
public enum XLSXSheet {
    public struct Unreadable: Error, Sendable {
        public let reason: String
    }

    public static func read(_ bytes: [UInt8]) throws(Unreadable) -> SheetGrid {
        do {
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            func part(_ path: String) throws -> XMLElement? {
                guard let entry = archive[path] else { return nil }
                var data = Data()
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
                return try XMLElement.parse([UInt8](data))
            }
            guard let workbook = try part("xl/workbook.xml") else { throw Unreadable(reason: "xl/workbook.xml") }
            let relations = try part("xl/_rels/workbook.xml.rels")?.children("Relationship") ?? []
            let firstSheet = workbook.child("sheets")?.child("sheet")
            var target = relations.first { $0.attributes["Id"] != nil && $0.attributes["Id"] == firstSheet?.attributes["id"] }?
                .attributes["Target"] ?? "worksheets/sheet1.xml"
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            guard let sheet = try part(target) else { throw Unreadable(reason: target) }
            let strings = try part("xl/sharedStrings.xml")?.children("si").map(richText) ?? []
            let dateStyles = try part("xl/styles.xml").map(Self.dateStyleIndexes) ?? []
            var rows: [[String]] = []
            for (position, row) in (sheet.child("sheetData")?.children("row") ?? []).enumerated() {
                let r = (try integer(row.attributes["r"], "row r") ?? position + 1) - 1
                guard r >= 0 else { throw Unreadable(reason: "row r=\(r + 1)") }
                while rows.count <= r { rows.append([]) }
                for (index, cell) in row.children("c").enumerated() {
                    let column = cell.attributes["r"].flatMap(CellName.parse)?.column ?? index
                    while rows[r].count <= column { rows[r].append("") }
                    rows[r][column] = value(try Cell(cell), strings: strings, dateStyles: dateStyles)
                }
            }
            let merges = (sheet.child("mergeCells")?.children("mergeCell") ?? []).compactMap { $0.attributes["ref"].flatMap(CellRange.init(reference:)) }
            return SheetGrid(rows: rows, merges: merges)
        } catch let e as Unreadable {
            throw e
        } catch {
            throw Unreadable(reason: String(describing: error))
        }
    }

    static func value(_ cell: Cell, strings: [String], dateStyles: Set<Int>) -> String {
        switch cell.t {
        case "s": return cell.v.flatMap { Int($0) }.flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
        case "inlineStr": return cell.inline ?? ""
        case "b": return cell.v == "1" ? "TRUE" : "FALSE"
        case "str", "e", "d": return cell.v ?? ""
        default:
            guard let v = cell.v else { return "" }
            if let style = cell.s, dateStyles.contains(style), let serial = Double(v) { return isoDate(serial: serial) }
            // Whole numbers as integers ("3", not "3.0").
            if let d = Double(v), d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
            return v
        }
    }

    /// Excel's day count from 1899-12-30 (its 1900 leap-year bug included) to an ISO date.
    static func isoDate(serial: Double) -> String {
        // 25569 is 1970-01-01 in that count.
        CalendarDate(daysSinceEpoch: Int(serial.rounded(.down)) - 25569)?.iso ?? String(serial)
    }

    // MARK: - Writing

    /// A cell to write: numbers are stored as numbers, everything else as text.
    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Int)
    }

    /// A minimal workbook with one sheet named `sheetName`; the first row bold.
    public static func write(_ rows: [[Value]], sheetName: String) throws(Unreadable) -> [UInt8] {
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        sheet += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (r, row) in rows.enumerated() {
            sheet += #"<row r="\#(r + 1)">"#
            for (c, value) in row.enumerated() {
                let ref = CellName.column(c) + String(r + 1)
                let style = r == 0 ? #" s="1""# : ""
                switch value {
                case .number(let n): sheet += #"<c r="\#(ref)"\#(style)><v>\#(n)</v></c>"#
                case .text(let t) where t.isEmpty: continue
                case .text(let t): sheet += #"<c r="\#(ref)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(escape(t))</t></is></c>"#
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\#(escape(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#),
            ("xl/styles.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>"#),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: Date(timeIntervalSince1970: 1_577_836_800),
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Unreadable(reason: "zip") }
            return [UInt8](data)
        } catch let e as Unreadable {
            throw e
        } catch {
            throw Unreadable(reason: String(describing: error))
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // XML 1.0 cannot hold most control characters at all.
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

// MARK: - The XML parts acta reads

/// An attribute that must be a whole number when present.
func integer(_ text: String?, _ what: String) throws(XLSXSheet.Unreadable) -> Int? {
    guard let text else { return nil }
    guard let n = Int(text) else { throw XLSXSheet.Unreadable(reason: "\(what)=\(text)") }
    return n
}

/// Text of a shared or inline string: plain `<t>`, or rich-text runs `<r><t>`.
func richText(_ element: XMLElement) -> String {
    (element.child("t")?.text ?? "") + element.children("r").map { $0.child("t")?.text ?? "" }.joined()
}

struct Cell {
    let r: String?
    let t: String?
    let s: Int?
    let v: String?
    let inline: String?

    init(_ element: XMLElement) throws(XLSXSheet.Unreadable) {
        r = element.attributes["r"]
        t = element.attributes["t"]
        s = try integer(element.attributes["s"], "c s")
        v = element.child("v")?.text
        inline = element.child("is").map(richText)
    }
}

extension XLSXSheet {
    /// Indexes of the cell formats that show a date (built-in ids 14–17, or a custom
    /// code with a year or day but no hour).
    static func dateStyleIndexes(_ styles: XMLElement) throws(Unreadable) -> Set<Int> {
        var custom = Set<Int>()
        for format in styles.child("numFmts")?.children("numFmt") ?? [] {
            guard let id = try integer(format.attributes["numFmtId"], "numFmtId"), let code = format.attributes["formatCode"] else {
                throw Unreadable(reason: "numFmt")
            }
            let plain = code.lowercased().replacingOccurrences(of: "\"[^\"]*\"", with: "", options: .regularExpression)
            if (plain.contains("yy") || plain.contains("dd")) && !plain.contains("h") { custom.insert(id) }
        }
        var indexes = Set<Int>()
        for (i, xf) in (styles.child("cellXfs")?.children("xf") ?? []).enumerated() {
            guard let id = try integer(xf.attributes["numFmtId"], "numFmtId") else { continue }
            if (14...17).contains(id) || custom.contains(id) { indexes.insert(i) }
        }
        return indexes
    }
}

/// Spreadsheet serial dates, for tests and other readers.
public enum XLSXSheetDates {
    public static func iso(_ serial: Double) -> String { XLSXSheet.isoDate(serial: serial) }
}
