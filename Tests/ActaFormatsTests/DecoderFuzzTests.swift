import ActaCore
@testable import ActaFormats
import Foundation
import Testing

/// Mutation fuzzing of the journal reader and the plan and agenda loaders, as a property test:
/// whatever bytes they get, they never trap, every problem is located inside the input, every
/// event they accept keeps the limits, and the acta written from it carries no control
/// character. Seeds: `Tests/Fuzz/seeds`. Time: `ACTA_FUZZ_SECONDS` (default 6 s per target,
/// so `scripts/test` stays well under a minute); `ACTA_FUZZ_SEED` repeats a run.
@Suite struct DecoderFuzzTests {
    static let seedsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/seeds")
    static let seconds = Double(ProcessInfo.processInfo.environment["ACTA_FUZZ_SECONDS"] ?? "") ?? 6
    static let seed = UInt64(ProcessInfo.processInfo.environment["ACTA_FUZZ_SEED"] ?? "") ?? UInt64(Date().timeIntervalSince1970)

    static func seeds(_ kind: String) -> [[UInt8]] {
        let dir = seedsFolder.appendingPathComponent(kind)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
        return names.compactMap { FileManager.default.contents(atPath: dir.appendingPathComponent($0).path).map { Array($0) } }
    }

    /// The corpus session's agenda and plan, to fold fuzzed journals over.
    static let base: (Agenda, Plan) = {
        let corpus = seedsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Corpus/base")
        let planText = (try? String(contentsOf: corpus.appendingPathComponent("plans/corpus.yaml"), encoding: .utf8)) ?? ""
        let agendaText = (try? String(contentsOf: corpus.appendingPathComponent("2023-01-01-base/agenda.yaml"), encoding: .utf8)) ?? ""
        let plan = try! PlanLoader.load(planText, file: "plan")
        return (try! AgendaLoader.load(agendaText, file: "agenda", plan: plan), plan)
    }()

    /// Runs `body` on mutated seeds until the time is up; returns how many inputs were tried.
    @discardableResult
    static func fuzz(_ kind: String, salt: UInt64, _ body: ([UInt8]) -> Void) -> Int {
        let seeds = seeds(kind)
        #expect(!seeds.isEmpty, "seed corpus Tests/Fuzz/seeds/\(kind) is there")
        guard !seeds.isEmpty else { return 0 }
        var mutator = Mutator(seed: seed ^ salt)
        let deadline = Date().addingTimeInterval(seconds)
        var count = 0
        for s in seeds { body(s); count += 1 }
        while Date() < deadline {
            body(mutator.mutate(seeds, rounds: 1 + mutator.next(8)))
            count += 1
        }
        if ProcessInfo.processInfo.environment["ACTA_FUZZ_VERBOSE"] != nil {
            print("fuzz \(kind): \(count) inputs in \(seconds) s, seed \(seed)")
        }
        return count
    }

    @Test func theJournalReaderTakesAnyBytes() {
        let count = Self.fuzz("journal", salt: 1) { bytes in
            let contents = JournalReader.read(bytes: bytes, file: "j")
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            var last = 0
            for event in contents.events {
                #expect(event.seq > last)
                last = event.seq
                #expect(JournalLimitsCheck.problem(with: event) == nil)
                // What was accepted is written back and read again unchanged.
                #expect((try? JournalCodec.decode(JournalCodec.encode(event), file: "j", lineNumber: 1)) == event)
            }
            for d in contents.diagnostics {
                #expect((1...max(1, lines)).contains(d.line) && d.column >= 1, "located inside the input: \(d.line):\(d.column)")
                #expect(ControlCharacters.visible(d.formatted(.es)) == d.formatted(.es))
            }
            // The fold and the writers take whatever was accepted.
            let (agenda, plan) = Self.base
            let named = NamedSession(name: "2023-01-01-base", session: Session(agenda: agenda, plan: plan, events: contents.events))
            let archive = MesaArchive([named])
            let minutes = MinutesWriter(session: named, archive: archive, language: .es).render()
            let table = OpenData.milestones(of: named)
            for text in [minutes, table.csv(), table.json()] {
                #expect(!text.unicodeScalars.contains { ControlCharacters.isControl($0) && $0 != "\n" && $0 != "\r" && $0 != "\t" })
            }
        }
        #expect(count > 0)
    }

    @Test func thePlanLoaderTakesAnyBytes() {
        Self.fuzz("plan", salt: 2) { bytes in
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            do {
                let text = try TextDecoding.decode(bytes, file: "p")
                let plan = try PlanLoader.load(text, file: "p")
                #expect(PlanLoader.isPlanID(plan.id))
                for c in plan.commitments {
                    #expect(InputLimits.milestoneNumberRange.contains(c.number))
                    for m in c.milestones {
                        for bound in [m.start, m.end].compactMap({ $0 }) { #expect(PlanLoader.isPartialDate(bound)) }
                    }
                }
            } catch let d as Diagnostic {
                #expect((1...max(1, lines + 1)).contains(d.line) && d.column >= 1)
            } catch let d as Diagnostics {
                for item in d.items {
                    #expect((1...max(1, lines + 1)).contains(item.line) && item.column >= 1,
                            "\(item.line):\(item.column) \(item.message.en) in \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                }
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func theAgendaLoaderTakesAnyBytes() {
        let (_, plan) = Self.base
        Self.fuzz("agenda", salt: 3) { bytes in
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            do {
                let text = try TextDecoding.decode(bytes, file: "a")
                let agenda = try AgendaLoader.load(text, file: "a", plan: plan)
                #expect(CalendarDate.supportedDays.contains(agenda.date.daysSinceEpoch))
                _ = Session(agenda: agenda, plan: plan, events: [])
            } catch let d as Diagnostic {
                #expect((1...max(1, lines + 1)).contains(d.line) && d.column >= 1)
            } catch let d as Diagnostics {
                for item in d.items {
                    #expect((1...max(1, lines + 1)).contains(item.line) && item.column >= 1,
                            "\(item.line):\(item.column) \(item.message.en) in \(String(decoding: bytes, as: UTF8.self).debugDescription)")
                }
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}

/// A small deterministic mutator (xorshift): byte flips, hostile bytes and numbers, cut and
/// duplicated ranges, splices between seeds.
struct Mutator {
    var state: UInt64

    init(seed: UInt64) { state = seed == 0 ? 0x9E3779B97F4A7C15 : seed }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    static let tokens: [[UInt8]] = [
        [0x00], [0xFF], [0xC3], [0xE2, 0x80, 0xAE], [0x1B], [0x1B, 0x5D, 0x32, 0x3B, 0x78, 0x07], [0x0A], [0x0D], [0x09], [0x22], [0x5C],
        Array("9223372036854775807".utf8), Array("-9223372036854775808".utf8), Array("99999999999999999999".utf8),
        Array("10236-01-01".utf8), Array("2023-02-30".utf8), Array("0000-01-01".utf8), Array("1e400".utf8),
        Array(",\"seq\":".utf8), Array("{".utf8), Array("}".utf8), Array("[]".utf8), Array(": ".utf8), Array("- ".utf8),
        Array("null".utf8), Array("\"\\u0000\"".utf8), Array("&a *a".utf8), Array("!!binary".utf8), Array("\u{202E}".utf8),
    ]

    mutating func mutate(_ seeds: [[UInt8]], rounds: Int) -> [UInt8] {
        var bytes = seeds[next(seeds.count)]
        for _ in 0..<rounds {
            let at = next(bytes.count + 1)
            switch next(7) {
            case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(truncatingIfNeeded: 1 << next(8))
            case 1: bytes.insert(contentsOf: Self.tokens[next(Self.tokens.count)], at: at)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + next(64))
                bytes.removeSubrange(min(at, end)..<end)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, at + next(128))
                bytes.insert(contentsOf: Array(bytes[min(at, end)..<end]), at: at)
            case 4:
                let other = seeds[next(seeds.count)]
                let from = next(other.count + 1)
                bytes.insert(contentsOf: other[from..<min(other.count, from + next(256))], at: at)
            case 5:
                // A number replaced by an extreme one.
                if let digit = bytes[min(at, bytes.count)...].firstIndex(where: { (0x30...0x39).contains($0) }) {
                    var end = digit
                    while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
                    bytes.replaceSubrange(digit..<end, with: Self.tokens[10 + next(3)])
                }
            default:
                bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
            }
        }
        return bytes
    }
}
