import ActaCore

/// Text bars for the reader's charts, drawn with block characters in eighths of a cell.
public enum Bar {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `fraction` (0…1) of `width` cells: full blocks, one partial block in eighths, then a
    /// light track (░) to the end, so the empty part is visible without colour too.
    public static func fill(_ fraction: Double, width: Int) -> String {
        let width = max(1, width)
        let steps = Int((min(1, max(0, fraction)) * Double(width * 8)).rounded())
        let full = steps / 8, rest = steps % 8
        var bar = String(repeating: "█", count: full)
        if rest > 0 { bar.append(eighths[rest - 1]) }
        return bar + String(repeating: "░", count: width - full - (rest > 0 ? 1 : 0))
    }

    /// A stacked bar of hitos by status: each status's share of `width` cells filled with its
    /// letter (· for not reported), and the runs that colour each share.
    public static func stacked(_ counts: [(status: MilestoneStatus?, count: Int)], total: Int, width: Int, column: Int)
        -> (text: String, runs: [StyleRun]) {
        guard total > 0 else { return ("", []) }
        var text = ""
        var runs: [StyleRun] = []
        var used = 0, seen = 0
        for (status, count) in counts where count > 0 {
            seen += count
            // Cumulative rounding, so the shares always add up to the whole width.
            let end = Int((Double(seen) / Double(total) * Double(width)).rounded())
            let cells = max(1, end - used)
            text += String(repeating: status.map { String($0.mark) } ?? "·", count: cells)
            runs.append(StyleRun(column: column + used, width: cells, role: .bar(status)))
            used += cells
        }
        return (text, runs)
    }
}
