// Speed and memory figures for scripts/bench.
//   acta-bench generate <bundled-sessions> <out> [sessions] [journal sizes…]
//   acta-bench inproc <out> [--keys N] [journal sizes…]   figures measured inside one process
//     (--keys: how many j/k the pty figure types, so the floor averages over the same keys)
//   acta-bench legacy [sessions]                the original figures
import ActaCore
import ActaFormats
import ActaStore
import ActaUI
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "generate":
    guard arguments.count >= 3 else { print("usage: acta-bench generate <bundled> <out> [sessions] [sizes…]"); exit(64) }
    let out = arguments[2]
    let count = arguments.count > 3 ? Int(arguments[3]) ?? 1000 : 1000
    let sizes = arguments.count > 4 ? arguments[4...].compactMap { Int($0) } : [100, 1_000, 10_000, 100_000]
    try? FileIO.createDirectory(out)
    do {
        try Corpus.mesa(bundled: arguments[1], out: "\(out)/mesa", count: count)
        for n in sizes { try Corpus.longJournal(bundled: arguments[1], out: "\(out)/j\(n)", count: n) }
    } catch {
        print(error); exit(1)
    }
case "inproc":
    guard arguments.count >= 2 else { print("usage: acta-bench inproc <out> [--keys N] [sizes…]"); exit(64) }
    var rest = Array(arguments[2...])
    var keys = 120
    if let i = rest.firstIndex(of: "--keys"), i + 1 < rest.count {
        keys = Int(rest[i + 1]) ?? keys
        rest.removeSubrange(i...(i + 1))
    }
    let sizes = rest.isEmpty ? [100, 1_000, 10_000, 100_000] : rest.compactMap { Int($0) }
    InProcessFigures.run(out: arguments[1], sizes: sizes, keys: keys)
case "legacy":
    legacyFigures(arguments.count > 1 ? arguments[1] : "sessions")
default:
    print("usage: acta-bench generate|inproc|legacy …"); exit(64)
}
