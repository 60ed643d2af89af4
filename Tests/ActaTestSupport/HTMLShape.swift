/// What matters of a rendered HTML page: per table, the cell count of each row; every link target.
public struct HTMLShape: Equatable {
    public var tables: [[Int]] = []
    public var links: [String] = []

    public init(_ html: String) {
        var rest = Substring(html)
        while let tag = rest.range(of: "<") {
            rest = rest[tag.upperBound...]
            let name = rest.prefix { $0.isLetter || $0 == "/" }
            switch name {
            case "table": tables.append([])
            case "tr": if !tables.isEmpty { tables[tables.count - 1].append(0) }
            case "td", "th": if !tables.isEmpty, !tables[tables.count - 1].isEmpty { tables[tables.count - 1][tables[tables.count - 1].count - 1] += 1 }
            case "a":
                if let href = rest.range(of: "href=\""), let end = rest[href.upperBound...].firstIndex(of: "\"") {
                    links.append(String(rest[href.upperBound..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                }
            default: break
            }
        }
    }
}
