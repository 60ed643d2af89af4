import ActaTestSupport
import Foundation
import Testing

/// `acta list` says when the mesa is behind OGP's minimum, counting real sessions only.
@Suite struct CadenceTests {
    static func day(_ offset: Int) -> String {
        let date = Calendar.current.date(byAdding: .day, value: offset, to: Date())!
        let c = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    @Test func theBundledMesaIsBehindAndDemonstrationsDoNotCount() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try ActaProcess.run(["list"], in: tmp.base.path)
        #expect(r.status == 0)
        // The demonstration sessions of August and October 2023 are later, but not real.
        #expect(r.stdout.contains("por debajo del mínimo de OGP (última sesión real: 2023-06-20; sesiones reales en los últimos 12 meses: 0"))
    }

    @Test func twoRecentRealSessionsAreOnTimeAndADemonstrationIsNot() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        #expect(try ActaProcess.run(["init", "mesa"], in: tmp.base.path).status == 0)
        let mesa = tmp.base.appendingPathComponent("mesa").path
        let recent = Self.day(-20), older = Self.day(-150)
        for (date, slug) in [(older, "anterior"), (recent, "reciente")] {
            #expect(try ActaProcess.run(["new", date, slug, "--plan", "gt-pan6-2023-2025"], in: mesa).status == 0)
        }
        let onTime = try ActaProcess.run(["list"], in: mesa)
        #expect(onTime.status == 0)
        #expect(!onTime.stdout.contains("mínimo de OGP"), "\(onTime.stdout)")
        let agenda = "\(mesa)/sessions/\(recent)-reciente/agenda.yaml"
        try (try String(contentsOfFile: agenda, encoding: .utf8) + "demonstration: true\n").write(toFile: agenda, atomically: true, encoding: .utf8)
        let behind = try ActaProcess.run(["list", "--lang", "en"], in: mesa)
        #expect(behind.stdout.contains("below OGP's minimum (last real session: \(older); real sessions in the last 12 months: 1"), "\(behind.stdout)")
    }
}
