/// A spreadsheet's first sheet as text cells, with its merged ranges. Rows and columns are
/// 0-based here and 1-based (row) / lettered (column) in what users read.
public struct SheetGrid: Sendable, Equatable {
    public var rows: [[String]]
    public var merges: [CellRange]

    public init(rows: [[String]], merges: [CellRange] = []) {
        self.rows = rows
        self.merges = merges
    }

    public func cell(_ row: Int, _ column: Int) -> String {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return "" }
        return rows[row][column]
    }

    public var width: Int { rows.map(\.count).max() ?? 0 }

    /// The merged range a cell belongs to, if any.
    public func merge(containing row: Int, _ column: Int) -> CellRange? {
        merges.first { $0.contains(row, column) }
    }
}

/// A rectangle of cells such as `A1:C2` (0-based bounds, inclusive).
public struct CellRange: Sendable, Hashable {
    public let firstRow, firstColumn, lastRow, lastColumn: Int

    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    public init?(reference: String) {
        let parts = reference.split(separator: ":")
        guard let a = CellName.parse(String(parts[0])), let b = CellName.parse(String(parts.last ?? parts[0])) else { return nil }
        self.init(firstRow: a.row, firstColumn: a.column, lastRow: b.row, lastColumn: b.column)
    }

    public func contains(_ row: Int, _ column: Int) -> Bool {
        (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
    }
}

/// Spreadsheet cell names: column letters (A, B, …, Z, AA…) and `B3`-style references.
public enum CellName {
    public static func column(_ index: Int) -> String {
        var n = index + 1, letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// `B3` → (row 2, column 1).
    public static func parse(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, seenDigit = false
        for scalar in reference.uppercased().unicodeScalars {
            switch scalar {
            case "A"..."Z" where !seenDigit: column = column * 26 + Int(scalar.value - 64)
            case "0"..."9": seenDigit = true; row = row * 10 + Int(scalar.value - 48)
            case "$": continue
            default: return nil
            }
        }
        guard column > 0, row > 0 else { return nil }
        return (row - 1, column - 1)
    }
}
