import ActaTestSupport
import Foundation
import Testing

/// The .deb's copyright file names every package linked into the binary.
@Suite struct PackagingTests {
    @Test func copyrightNamesEveryDependency() throws {
        let root = TemporarySessions.packageRoot
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let copyright = try String(contentsOf: root.appendingPathComponent("packaging/debian/copyright"), encoding: .utf8)
        let names = manifest.split(separator: "\n").compactMap { line -> String? in
            guard let r = line.range(of: ".package(url: \"") else { return nil }
            return line[r.upperBound...].split(separator: "\"").first?.split(separator: "/").last.map(String.init)
        }
        #expect(names.count >= 2)
        for name in names { #expect(copyright.contains(name), "packaging/debian/copyright does not name \(name)") }
    }
}
