import Foundation
import Testing

/// Compares text with a golden file. `ACTA_UPDATE_GOLDEN=1` rewrites goldens on purpose; otherwise
/// (and always in CI) a missing or different golden fails.
public func assertGolden(_ text: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = TemporarySessions.packageRoot.appendingPathComponent("Tests/\(relativePath)")
    if ProcessInfo.processInfo.environment["ACTA_UPDATE_GOLDEN"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing golden file \(relativePath); run with ACTA_UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
        return
    }
    #expect(text == expected, "differs from golden \(relativePath)", sourceLocation: sourceLocation)
}
