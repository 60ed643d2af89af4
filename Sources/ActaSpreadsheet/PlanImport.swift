import ActaCore
import ActaFormats

/// Turns the GAE's spreadsheet (one row per hito) into a plan. Every problem is located at its
/// cell (file:row:column) and quotes the cell's content.
public struct PlanImport: Sendable {
    public let plan: Plan?
    public let layout: PlanField.Layout?
    public let diagnostics: [Diagnostic]

    public static func run(_ grid: SheetGrid, file: String, id: String, title: String,
                           overrides: [String: PlanField] = [:]) -> PlanImport {
        guard let layout = PlanField.layout(of: grid, overrides: overrides) else {
            return PlanImport(plan: nil, layout: nil, diagnostics: [Diagnostic(file: file, line: 1, column: 1, message: LocalizedText(
                es: "no se encontró la fila de encabezados: hacen falta al menos «No. compromiso» y «No. hito» (o «Hito») en una de las primeras 30 filas; use --map CAMPO=Encabezado si se llaman de otro modo",
                en: "no header row found: at least “No. compromiso” and “No. hito” (or “Hito”) are needed in one of the first 30 rows; use --map FIELD=Header if they are named otherwise"))])
        }
        var builder = Builder(grid: grid, file: file, layout: layout)
        for row in layout.dataRow..<max(grid.rows.count, layout.dataRow) { builder.add(row: row) }
        let commitments = builder.order.map { builder.commitments[$0]!.commitment }
        let plan = builder.problems.isEmpty ? Plan(id: id, name: title, commitments: commitments) : nil
        return PlanImport(plan: plan, layout: layout, diagnostics: builder.problems)
    }

    struct Draft {
        var firstRow: Int
        var values: [PlanField: (value: String, row: Int)] = [:]
        var milestones: [Milestone] = []
        var milestoneRows: [Int: Int] = [:]
        let number: Int

        var commitment: Commitment {
            let institution = values[.institution]?.value
            let short = values[.institutionShort]?.value ?? institution.flatMap(Builder.acronym)
            let support = (values[.support]?.value ?? "").split(whereSeparator: { $0 == ";" || $0 == "\n" })
                .map { Builder.clean(String($0)) }.filter { !$0.isEmpty }
            return Commitment(number: number, ogpID: values[.ogpID]?.value, titleES: values[.title]?.value,
                              titleEN: values[.titleEN]?.value, institution: institution, institutionShort: short,
                              support: support, milestones: milestones.sorted { $0.number < $1.number })
        }
    }

    struct Builder {
        let grid: SheetGrid
        let file: String
        let layout: PlanField.Layout
        var commitments: [Int: Draft] = [:]
        var order: [Int] = []
        var problems: [Diagnostic] = []
        var current: Int?

        init(grid: SheetGrid, file: String, layout: PlanField.Layout) {
            self.grid = grid
            self.file = file
            self.layout = layout
        }

        func cell(_ field: PlanField, _ row: Int) -> String {
            layout.columns[field].map { Self.clean(grid.cell(row, $0)) } ?? ""
        }

        mutating func fail(_ field: PlanField, _ row: Int, es: String, en: String) {
            let column = layout.columns[field] ?? 0
            let name = layout.headers[column] ?? field.header
            let content = grid.cell(row, column)
            problems.append(Diagnostic(file: file, line: row + 1, column: column + 1, message: LocalizedText(
                es: "«\(Self.clean(name))» (\(CellName.column(column))\(row + 1)) = «\(content)»: \(es)",
                en: "“\(Self.clean(name))” (\(CellName.column(column))\(row + 1)) = “\(content)”: \(en)")))
        }

        mutating func add(row: Int) {
            let fields = layout.columns.keys
            if fields.allSatisfy({ cell($0, row).isEmpty }) { return }
            // A blank commitment number continues the one above (merged or filled-down cells).
            var number = current
            let text = cell(.commitment, row)
            if !text.isEmpty {
                guard let n = Self.number(text) else {
                    fail(.commitment, row, es: "no es un número de compromiso; escriba un entero como 3", en: "is not a commitment number; write a whole number such as 3")
                    return
                }
                number = n
            }
            guard let number else {
                fail(.commitment, row, es: "falta el número de compromiso de esta fila", en: "this row's commitment number is missing")
                return
            }
            current = number
            if commitments[number] == nil {
                commitments[number] = Draft(firstRow: row, number: number)
                order.append(number)
            }
            for field in [PlanField.ogpID, .title, .titleEN, .institution, .institutionShort, .support] {
                let value = cell(field, row)
                guard !value.isEmpty else { continue }
                if let previous = commitments[number]!.values[field] {
                    if previous.value != value {
                        fail(field, row, es: "difiere de la fila \(previous.row + 1) («\(previous.value)») del mismo compromiso \(number); deje un solo valor",
                             en: "differs from row \(previous.row + 1) (“\(previous.value)”) of the same commitment \(number); keep one value")
                    }
                } else {
                    commitments[number]!.values[field] = (value, row)
                }
            }
            addMilestone(row: row, commitment: number)
        }

        mutating func addMilestone(row: Int, commitment: Int) {
            let numberText = cell(.hito, row), text = cell(.hitoText, row), textEN = cell(.hitoTextEN, row)
            let start = cell(.start, row), end = cell(.end, row)
            if numberText.isEmpty && text.isEmpty && textEN.isEmpty && start.isEmpty && end.isEmpty { return }
            guard !numberText.isEmpty || layout.columns[.hito] == nil else {
                fail(.hito, row, es: "falta el número del hito", en: "the milestone number is missing")
                return
            }
            var hito: Int?
            if numberText.isEmpty {
                // No number column: hitos are numbered in order.
                hito = commitments[commitment]!.milestones.count + 1
            } else if let parts = Self.hitoNumber(numberText) {
                if let c = parts.commitment, c != commitment {
                    fail(.hito, row, es: "el hito dice compromiso \(c) pero la fila es del compromiso \(commitment)",
                         en: "the milestone says commitment \(c) but the row belongs to commitment \(commitment)")
                    return
                }
                hito = parts.hito
            }
            guard let hito else {
                fail(.hito, row, es: "no es un número de hito; escriba 2 o 3.2", en: "is not a milestone number; write 2 or 3.2")
                return
            }
            if let first = commitments[commitment]!.milestoneRows[hito] {
                fail(.hito, row, es: "el hito \(commitment).\(hito) ya está en la fila \(first + 1); numere cada hito una vez",
                     en: "milestone \(commitment).\(hito) is already on row \(first + 1); number each milestone once")
                return
            }
            var dates: [String?] = []
            for (field, value) in [(PlanField.start, start), (.end, end)] {
                if value.isEmpty { dates.append(nil); continue }
                guard let iso = Self.date(value) else {
                    fail(field, row, es: "no es una fecha; use AAAA-MM-DD, AAAA-MM, DD/MM/AAAA o «julio 2023»",
                         en: "is not a date; use YYYY-MM-DD, YYYY-MM, DD/MM/YYYY or “julio 2023”")
                    return
                }
                dates.append(iso)
            }
            commitments[commitment]!.milestoneRows[hito] = row
            commitments[commitment]!.milestones.append(Milestone(number: hito, text: text.isEmpty ? nil : text, start: dates[0], end: dates[1],
                                                                 textEN: textEN.isEmpty ? nil : textEN))
        }

        /// Whitespace (line breaks in a cell included) collapsed to single spaces.
        static func clean(_ s: String) -> String {
            ControlCharacters.stripped(s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "), keepNewlines: false)
        }

        /// "3", "3.0" (a spreadsheet's number), "Compromiso 3" → 3.
        static func number(_ s: String) -> Int? {
            var t = Folding.fold(s).trimmingPrefix(["compromiso", "no.", "no", "c", "#"])
            if t.hasSuffix(".0") { t.removeLast(2) }
            guard let n = Int(t), (1...999).contains(n) else { return nil }
            return n
        }

        /// "2", "2.0" or "3.2" (commitment.hito).
        static func hitoNumber(_ s: String) -> (commitment: Int?, hito: Int)? {
            let t = Folding.fold(s).trimmingPrefix(["hito", "no.", "no", "#"])
            if let n = number(t) { return (nil, n) }
            let parts = t.split(separator: ".")
            guard parts.count == 2, let c = Int(parts[0]), let h = Int(parts[1]), (1...999).contains(h) else { return nil }
            return (c, h)
        }

        static let months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                             "septiembre", "octubre", "noviembre", "diciembre"]

        /// ISO dates as precise as the cell: 2023, 2023-07, 2023-07-15; also 15/07/2023, 07/2023,
        /// "julio 2023", "jul-2023", and a date with a time (the time dropped).
        static func date(_ s: String) -> String? {
            var t = Folding.fold(s)
            if let space = t.firstIndex(of: " "), t.contains(":"), t.first?.isNumber == true { t = String(t[..<space]) }
            if t.count == 4, let y = Int(t), (1900...2200).contains(y) { return t }
            let iso = t.split(separator: "-").map(String.init)
            if iso.count == 2, iso[0].count == 4, let y = Int(iso[0]), let m = Int(iso[1]), (1...12).contains(m), (1900...2200).contains(y) {
                return "\(y)-\(two(m))"
            }
            if iso.count == 3, iso[0].count == 4, CalendarDate(iso: t) != nil { return t }
            let slash = t.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
            if slash.count == 3, let d = Int(slash[0]), let m = Int(slash[1]), let y = Int(slash[2]), slash[2].count == 4 {
                let candidate = "\(y)-\(two(m))-\(two(d))"
                return CalendarDate(iso: candidate) != nil ? candidate : nil
            }
            if slash.count == 2, let m = Int(slash[0]), let y = Int(slash[1]), slash[1].count == 4, (1...12).contains(m) {
                return "\(y)-\(two(m))"
            }
            let words = t.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." || $0 == "/" }).filter { $0 != "de" && $0 != "del" }
            if words.count == 2, let y = Int(words[1]), words[1].count == 4, words[0].count >= 3,
               let m = months.firstIndex(where: { $0.hasPrefix(words[0]) || (words[0] == "set" && $0 == "septiembre") }) {
                return "\(y)-\(two(m + 1))"
            }
            return nil
        }

        static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

        /// "Ministerio de Gobernación (MINGOB)" → "MINGOB".
        static func acronym(_ institution: String) -> String? {
            guard institution.hasSuffix(")"), let open = institution.lastIndex(of: "(") else { return nil }
            let inside = institution[institution.index(after: open)..<institution.index(before: institution.endIndex)]
            guard !inside.isEmpty, inside.count <= 16, !inside.contains(" "), inside.contains(where: { $0.isUppercase }) else { return nil }
            return String(inside)
        }
    }
}

extension String {
    /// Drops the first of these words found at the start, then spaces.
    fileprivate func trimmingPrefix(_ words: [String]) -> String {
        var t = Substring(self).drop { $0 == " " }
        for w in words where t.hasPrefix(w) {
            t = t.dropFirst(w.count).drop { $0 == " " }
            break
        }
        return String(t)
    }
}
