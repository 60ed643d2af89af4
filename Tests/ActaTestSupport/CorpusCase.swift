import Foundation

/// One case of `Tests/Corpus/cases`: a broken or hostile input and what acta must do with it.
public struct CorpusCase: Sendable, CustomStringConvertible {
    public static let folder = TemporarySessions.packageRoot.appendingPathComponent("Tests/Corpus")
    public static let session = "2023-01-01-base"

    public let name: String
    public let what: String
    /// Every `key: value` line, in order.
    public let lines: [(key: String, value: String)]

    public var description: String { name }

    public static func all() -> [CorpusCase] {
        let cases = folder.appendingPathComponent("cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cases.path)) ?? []
        return names.sorted().compactMap { load($0) }
    }

    public static func load(_ name: String) -> CorpusCase? {
        let url = folder.appendingPathComponent("cases/\(name)/case")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        var what = ""
        var lines: [(String, String)] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("#") { what = line.dropFirst().trimmingCharacters(in: .whitespaces); continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            lines.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return CorpusCase(name: name, what: what, lines: lines)
    }

    public func values(_ key: String) -> [String] { lines.filter { $0.key == key }.map(\.value) }
    public func value(_ key: String) -> String? { values(key).first }

    /// An expectation `<exit> [fragment | fragment…]`.
    public func expectation(_ key: String) -> (status: Int32, fragments: [String])? {
        guard let v = value(key) else { return nil }
        let parts = v.split(separator: " ", maxSplits: 1)
        guard let status = parts.first.flatMap({ Int32($0) }) else { return nil }
        let fragments = parts.count > 1 ? parts[1].components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) } : []
        return (status, fragments.filter { !$0.isEmpty })
    }

    /// A fresh copy of `base/` with the case's files laid over it and its setup run.
    public func materialize() throws -> TemporarySessions {
        let tmp = try TemporarySessions(copyBundled: false)
        let fm = FileManager.default
        try fm.removeItem(atPath: tmp.root)
        try fm.copyItem(atPath: Self.folder.appendingPathComponent("base").path, toPath: tmp.root)
        let files = Self.folder.appendingPathComponent("cases/\(name)/files")
        if let walker = fm.enumerator(atPath: files.path) {
            for case let relative as String in walker {
                let source = files.appendingPathComponent(relative).path
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let target = tmp.path(relative)
                try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if fm.fileExists(atPath: target) { try fm.removeItem(atPath: target) }
                try fm.copyItem(atPath: source, toPath: target)
            }
        }
        for command in values("setup") {
            let r = try Subprocess.run("/bin/sh", ["-c", command], environment: ["PATH": "/usr/bin:/bin"], directory: tmp.root)
            guard r.status == 0 else { throw SetupFailed(message: "\(name): setup failed (\(r.status)): \(r.stderr)") }
        }
        return tmp
    }

    public struct SetupFailed: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// A raw control character (other than TAB, LF, CR) that must never reach a terminal or an output.
    public static func firstControl(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { s in
            let v = s.value
            return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }
    }
}
