// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "acta",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "acta", targets: ["acta"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The domain: pure values, no files, no terminal.
        .target(name: "ActaCore"),
        // Text in and out: YAML with located errors, journal lines, Markdown, CSV, JSON.
        .target(name: "ActaFormats", dependencies: ["ActaCore", .product(name: "Yams", package: "Yams")]),
        // The file system: session folders, the fsync'ed journal, atomic writes.
        .target(name: "ActaStore", dependencies: ["ActaCore", "ActaFormats", "CSQLite"]),
        // The system's SQLite (with FTS5), for the session index: a disposable cache.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        // The mesa folder as a git repository: the git command run through swift-subprocess.
        .target(name: "ActaGit", dependencies: ["ActaCore", "ActaFormats", "ActaStore",
                                                .product(name: "Subprocess", package: "swift-subprocess")]),
        // Spreadsheets in and out (CSV in any delimiter and encoding, XLSX), and plans from them.
        .target(name: "ActaSpreadsheet", dependencies: ["ActaCore", "ActaFormats",
                                                        .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The terminal UI, pure: screens as cell grids, keys, widgets, models. No ncurses here.
        .target(name: "ActaUI", dependencies: ["ActaCore", "ActaFormats"]),
        // ncurses' wide-character API, the wrappers Swift needs, and the signal/crash guards.
        .target(name: "CNcurses", linkerSettings: [.linkedLibrary("ncursesw")]),
        // The only module that calls ncurses.
        .target(name: "ActaTerminal", dependencies: ["ActaUI", "CNcurses"]),
        .executableTarget(name: "acta", dependencies: [
            "ActaCore", "ActaFormats", "ActaStore", "ActaUI", "ActaTerminal", "ActaGit", "ActaSpreadsheet",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Man pages from acta's ArgumentParser definitions plus hand-written sections (scripts/install).
        .executableTarget(name: "acta-manual", dependencies: ["ActaCore"]),
        // Speed and memory figures: `swift run -c release acta-bench`.
        .executableTarget(name: "acta-bench", dependencies: ["ActaCore", "ActaFormats", "ActaStore", "ActaUI"],
                          path: "Benchmarks/acta-bench"),
        .testTarget(name: "ActaCoreTests", dependencies: ["ActaCore"]),
        .testTarget(name: "ActaUITests", dependencies: ["ActaCore", "ActaFormats", "ActaUI", "ActaTerminal", "ActaTestSupport", "ActaStore"],
                    exclude: ["Golden"]),
        .testTarget(name: "ActaFormatsTests", dependencies: ["ActaCore", "ActaFormats"]),
        // Fixtures written by LibreOffice from the bundled 5th plan (Tests/ActaSpreadsheetTests/Fixtures/make-fixtures).
        .testTarget(name: "ActaSpreadsheetTests", dependencies: ["ActaCore", "ActaFormats", "ActaSpreadsheet", "ActaTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ActaStoreTests", dependencies: ["ActaCore", "ActaFormats", "ActaStore", "ActaTestSupport"],
                    exclude: ["Golden"]),
        // Drives the real `acta` binary; depending on it makes `swift test` build it.
        .testTarget(name: "ActaCLITests", dependencies: ["acta", "acta-manual", "ActaTestSupport"]),
        // Sharing through real git: a bare repository on local disk as the remote, two clones.
        .testTarget(name: "ActaGitTests", dependencies: ["acta", "ActaCore", "ActaFormats", "ActaStore", "ActaGit", "ActaTestSupport"]),
        // The real binary in tmux: these fail, never skip, when tmux is missing.
        .testTarget(name: "ActaE2ETests", dependencies: ["acta", "ActaTestSupport"]),
        // Temporary copies of the bundled sessions and a runner for the built binary.
        .target(name: "ActaTestSupport", path: "Tests/ActaTestSupport"),
    ],
    swiftLanguageModes: [.v6]
)
