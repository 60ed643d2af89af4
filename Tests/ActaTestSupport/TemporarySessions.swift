import Foundation

/// A copy of the bundled `sessions/` in a fresh temporary folder: tests never touch the originals.
public struct TemporarySessions {
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    public static let bundled = packageRoot.appendingPathComponent("sessions")

    public let base: URL
    public var root: String { base.appendingPathComponent("sessions").path }

    public init(copyBundled: Bool = true) throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("acta-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let target = base.appendingPathComponent("sessions")
        if copyBundled {
            try FileManager.default.copyItem(at: Self.bundled, to: target)
            // Outputs a developer generated locally are not part of the bundle.
            for name in try FileManager.default.contentsOfDirectory(atPath: target.path) {
                for output in ["minutes.md", "action-items.md", "milestones.csv", "milestones.json", "action-items.csv", "action-items.json",
                               "datapackage.json", "minutes.html", "minutes.docx", "minutes.pdf", "journal.jsonl.torn", ".lock"] {
                    try? FileManager.default.removeItem(at: target.appendingPathComponent(name).appendingPathComponent(output))
                }
            }
        } else {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        }
    }

    public func path(_ relative: String) -> String { "\(root)/\(relative)" }

    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    public func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: path(relative), atomically: true, encoding: .utf8)
    }

    public func remove() { try? FileManager.default.removeItem(at: base) }
}
