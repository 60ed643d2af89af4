@testable import ActaStore
import ActaTestSupport
import Foundation
import Testing

@Suite struct BundledResourcesTests {
    /// A scratch folder with files and symlinks laid out as an install or a checkout would be.
    struct Tree {
        let base: String
        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("acta-res-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        }
        func file(_ relative: String, _ text: String = "x") throws {
            let path = "\(base)/\(relative)"
            try FileManager.default.createDirectory(atPath: FileIO.parent(of: path), withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        func link(_ relative: String, to target: String) throws {
            let path = "\(base)/\(relative)"
            try FileManager.default.createDirectory(atPath: FileIO.parent(of: path), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "\(base)/\(target)")
        }
        func remove() { try? FileManager.default.removeItem(atPath: base) }
    }

    @Test func anInstalledBinaryReadsItsPrefixShareFolder() throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.file("usr/bin/acta")
        try tree.file("usr/share/acta/plans/gt-pan5-2021-2023.yaml")
        try tree.file("usr/share/acta/plans/gt-pan6-2023-2025.yaml")
        try tree.file("usr/share/acta/demo/2023-03-29-primera-mesa/agenda.yaml")
        let found = try BundledResources.locate(executable: "\(tree.base)/usr/bin/acta")
        let base = BundledResources.realPath(tree.base)!
        #expect(found.origin == .installed(prefix: "\(base)/usr"))
        #expect(found.plansFolder == "\(base)/usr/share/acta/plans")
        #expect(found.planIDs() == ["gt-pan5-2021-2023", "gt-pan6-2023-2025"])
        #expect(found.demoAgendaPath == "\(base)/usr/share/acta/demo/2023-03-29-primera-mesa/agenda.yaml")
        #expect(FileIO.isRegularFile(found.demoAgendaPath))
    }

    @Test func aSymlinkedBinaryIsFollowedToItsRealPrefix() throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.file("opt/acta/bin/acta")
        try tree.file("opt/acta/share/acta/plans/p.yaml")
        try tree.link("usr/local/bin/acta", to: "opt/acta/bin/acta")
        let found = try BundledResources.locate(executable: "\(tree.base)/usr/local/bin/acta")
        #expect(found.origin == .installed(prefix: BundledResources.realPath(tree.base)! + "/opt/acta"))
        #expect(found.planIDs() == ["p"])
    }

    @Test func aBinaryInsideACheckoutFallsBackToTheSourceTree() throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.file("repo/Package.swift")
        try tree.file("repo/sessions/plans/gt-pan5-2021-2023.yaml")
        try tree.file("repo/.build/x86_64-unknown-linux-gnu/debug/acta")
        try tree.link("repo/.build/debug", to: "repo/.build/x86_64-unknown-linux-gnu/debug")
        let found = try BundledResources.locate(executable: "\(tree.base)/repo/.build/debug/acta")
        let root = BundledResources.realPath(tree.base)! + "/repo"
        #expect(found.origin == .sourceTree(root: root))
        #expect(found.plansFolder == "\(root)/sessions/plans")
        #expect(found.demoAgendaPath == "\(root)/sessions/2023-03-29-primera-mesa/agenda.yaml")
    }

    @Test func anInstalledShareFolderWinsOverAnEnclosingCheckout() throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.file("repo/Package.swift")
        try tree.file("repo/sessions/plans/src.yaml")
        try tree.file("repo/stage/bin/acta")
        try tree.file("repo/stage/share/acta/plans/installed.yaml")
        let found = try BundledResources.locate(executable: "\(tree.base)/repo/stage/bin/acta")
        #expect(found.planIDs() == ["installed"])
    }

    @Test func withNeitherItSaysHowToReinstall() throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.file("usr/bin/acta")
        let error = #expect(throws: StoreError.self) {
            try BundledResources.locate(executable: "\(tree.base)/usr/bin/acta")
        }
        #expect(error?.message.es.contains("share/acta/plans") == true)
        #expect(error?.message.es.contains("dpkg -i") == true)
        #expect(error?.message.en.contains("swift run acta") == true)
    }

    @Test func aMissingExecutableIsAnError() {
        #expect(throws: StoreError.self) {
            try BundledResources.locate(executable: "/nonexistent/acta-\(UUID().uuidString)/bin/acta")
        }
    }

    @Test func theTestBinaryFindsThisCheckoutsRealFiles() throws {
        let found = try BundledResources.locate()
        let root = BundledResources.realPath(TemporarySessions.packageRoot.path)!
        #expect(found.origin == .sourceTree(root: root))
        #expect(found.planIDs().contains("gt-pan5-2021-2023"))
        let agenda = try String(contentsOfFile: found.demoAgendaPath, encoding: .utf8)
        #expect(agenda.contains("gt-pan5-2021-2023"))
        #expect(!FileIO.exists(found.demoSessionFolder + "/journal.jsonl"))
    }

    @Test func copyingPlansAddsTheMissingOnesAndKeepsTheUsersOwn() throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.file("usr/bin/acta")
        try tree.file("usr/share/acta/plans/a.yaml", "bundled a")
        try tree.file("usr/share/acta/plans/b.yaml", "bundled b")
        try tree.file("mine/plans/a.yaml", "my own a")
        let found = try BundledResources.locate(executable: "\(tree.base)/usr/bin/acta")
        #expect(try found.copyPlans(into: "\(tree.base)/mine") == ["b"])
        #expect(try String(contentsOfFile: "\(tree.base)/mine/plans/a.yaml", encoding: .utf8) == "my own a")
        #expect(try String(contentsOfFile: "\(tree.base)/mine/plans/b.yaml", encoding: .utf8) == "bundled b")
        // Into a sessions folder without plans/ yet.
        #expect(try found.copyPlans(into: "\(tree.base)/fresh") == ["a", "b"])
        #expect(try found.copyPlans(into: "\(tree.base)/fresh") == [])
    }

    @Test func copyFileNeverReplaces() throws {
        let tree = try Tree()
        defer { tree.remove() }
        try tree.file("a", "one")
        try tree.file("b", "two")
        #expect(throws: StoreError.self) { try FileIO.copyFile("\(tree.base)/a", to: "\(tree.base)/b") }
        #expect(try String(contentsOfFile: "\(tree.base)/b", encoding: .utf8) == "two")
    }
}
