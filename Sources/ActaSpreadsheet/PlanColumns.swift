import ActaCore

/// What a column of the GAE spreadsheet holds, and the Spanish headers that name it.
public enum PlanField: String, Sendable, CaseIterable {
    case commitment, ogpID = "ogp_id", title, titleEN = "title_en", institution, institutionShort = "institution_short",
         support, hito, hitoText = "hito_text", hitoTextEN = "hito_text_en", start, end

    /// The header acta writes on export (the GAE's words).
    public var header: String {
        switch self {
        case .commitment: return "No. compromiso"
        case .ogpID: return "Código OGP"
        case .title: return "Compromiso"
        case .titleEN: return "Título en inglés"
        case .institution: return "Institución responsable"
        case .institutionShort: return "Siglas"
        case .support: return "Instituciones de apoyo"
        case .hito: return "No. hito"
        case .hitoText: return "Hito"
        case .hitoTextEN: return "Hito en inglés"
        case .start: return "Fecha de inicio"
        case .end: return "Fecha de finalización"
        }
    }

    /// Headers that mean this field, folded (no case, no accents, single spaces, no final dot).
    var names: [String] {
        let extra: [String]
        switch self {
        case .commitment: extra = ["no compromiso", "numero de compromiso", "num compromiso", "n compromiso", "no. de compromiso", "compromiso no"]
        case .ogpID: extra = ["codigo ogp", "id ogp", "codigo", "ogp"]
        case .title: extra = ["compromiso", "nombre del compromiso", "titulo del compromiso", "titulo"]
        case .titleEN: extra = ["titulo en ingles", "compromiso en ingles", "title"]
        case .institution: extra = ["institucion responsable", "institucion", "responsable", "entidad responsable"]
        case .institutionShort: extra = ["siglas", "siglas de la institucion", "acronimo"]
        case .support: extra = ["instituciones de apoyo", "instituciones que apoyan", "apoyo", "otros actores"]
        case .hito: extra = ["no hito", "numero de hito", "num hito", "n hito", "no. de hito", "hito no"]
        case .hitoText: extra = ["hito", "descripcion del hito", "hitos"]
        case .hitoTextEN: extra = ["hito (en ingles)", "texto del hito en ingles", "milestone"]
        case .start: extra = ["fecha de inicio", "inicio", "fecha inicio"]
        case .end: extra = ["fecha de finalizacion", "fecha de fin", "finalizacion", "fin", "fecha fin", "fecha final", "fecha de termino"]
        }
        return ([header] + extra).map(Self.fold)
    }

    public static func fold(_ s: String) -> String {
        // Dots and colons dropped ("No." = "No"), separators made spaces, spaces collapsed.
        let spaced = Folding.fold(s).compactMap { c -> Character? in
            if c == "." || c == ":" { return nil }
            return c.isWhitespace || c == "_" || c == "º" || c == "°" ? " " : c
        }
        return String(spaced).split(separator: " ").joined(separator: " ")
    }

    /// The field a header names (exactly, after folding), if any.
    public static func named(_ header: String, overrides: [String: PlanField] = [:]) -> PlanField? {
        let folded = fold(header)
        if folded.isEmpty { return nil }
        if let f = overrides[folded] { return f }
        return allCases.first { $0.names.contains(folded) }
    }

    /// `--map` takes `FIELD=Header`, where FIELD is a field key or one of acta's headers.
    public static func parseMapping(_ text: String) -> (field: PlanField, header: String)? {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        let key = String(text[..<eq]), header = String(text[text.index(after: eq)...])
        let folded = fold(key)
        guard let field = allCases.first(where: { $0.rawValue == key || fold($0.header) == folded }), !fold(header).isEmpty else { return nil }
        return (field, header)
    }

    /// The header row's columns: which field each holds (first match wins), and those ignored.
    public struct Layout: Sendable, Equatable {
        public let headerRow: Int
        /// The first row of data (after a second header row, if there is one).
        public let dataRow: Int
        public let columns: [PlanField: Int]
        public let headers: [Int: String]
        public var ignored: [Int] { headers.keys.filter { c in !columns.values.contains(c) }.sorted() }

        /// A column's header as one line.
        public func headerText(_ column: Int) -> String { PlanImport.Builder.clean(headers[column] ?? "") }
    }

    /// Finds the header row (the first of the first 30 rows naming the commitment and the hito
    /// numbers) and maps its columns. A header cell merged across columns ("Fechas" over
    /// "inicio" and "finalización") with a second header row below lends its text to the cells
    /// under it; merged cells count as holding the text of their first cell.
    public static func layout(of grid: SheetGrid, overrides: [String: PlanField] = [:]) -> Layout? {
        func text(_ row: Int, _ column: Int) -> String {
            let own = grid.cell(row, column)
            if own.isEmpty, let merge = grid.merge(containing: row, column), merge.firstRow == row {
                return grid.cell(merge.firstRow, merge.firstColumn)
            }
            return own
        }
        for row in 0..<min(grid.rows.count, 30) {
            var headers: [Int: String] = [:]
            for column in 0..<grid.width where !text(row, column).isEmpty { headers[column] = text(row, column) }
            var columns: [PlanField: Int] = [:]
            for column in headers.keys.sorted() {
                if let field = named(headers[column]!, overrides: overrides), columns[field] == nil { columns[field] = column }
            }
            guard let commitment = columns[.commitment] else { continue }
            // A second header row: nothing in the commitment column, text under unmapped headers.
            let below = row + 1
            let sub = (0..<grid.width).filter { !grid.cell(below, $0).isEmpty }
            let mapped = Set(columns.values)
            var dataRow = row + 1
            if below < grid.rows.count, grid.cell(below, commitment).isEmpty, !sub.isEmpty, sub.allSatisfy({ !mapped.contains($0) }) {
                dataRow = row + 2
                for column in sub {
                    let child = grid.cell(below, column)
                    let parent = headers[column] ?? ""
                    let field = named(parent + " de " + child, overrides: overrides) ?? named(parent + " " + child, overrides: overrides)
                        ?? named(child, overrides: overrides)
                    headers[column] = parent.isEmpty ? child : parent + " " + child
                    if let field, columns[field] == nil { columns[field] = column }
                }
            }
            if columns[.hito] != nil || columns[.hitoText] != nil {
                return Layout(headerRow: row, dataRow: dataRow, columns: columns, headers: headers)
            }
        }
        return nil
    }
}
