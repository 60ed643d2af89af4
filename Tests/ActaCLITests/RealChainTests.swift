import ActaTestSupport
import Foundation
import Testing

/// A real session recorded after the bundled ones: demonstrations must never feed it.
@Suite struct RealChainTests {
    static let firstJournal = [
        #"{"at":"2023-03-29T09:05:00-06:00","delegate":"Ana Pérez","event":"attendance_marked","present":true,"seat":"mingob","seq":1}"#,
        #"{"at":"2023-03-29T09:40:00-06:00","commitment":1,"event":"milestone_reported","evidence":"","hito":1,"item":3,"note":"","percent":40,"rescheduled":false,"seq":2,"status":"limited","validated":true}"#,
        #"{"at":"2023-03-29T09:41:00-06:00","due":"2023-05-31","event":"action_item_added","item":3,"kind":"task","number":1,"responsable":"MINGOB","seq":3,"text":"Enviar el inventario de datos"}"#,
    ].joined(separator: "\n") + "\n"

    func acta(_ args: [String], _ tmp: TemporarySessions) throws -> ActaProcess.Result {
        try ActaProcess.run(args, in: tmp.base.path)
    }

    @Test func newAfterTheRealFirstMesaNumbersAndComparesWithItOnly() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        // Only the first real mesa and the two demonstrations, dated before the new session.
        try? FileManager.default.removeItem(atPath: tmp.path("2023-06-20-mesa-junio"))
        try tmp.write("2023-03-29-primera-mesa/journal.jsonl", Self.firstJournal)
        let new = try acta(["new", "2023-11-22", "segunda-mesa", "--plan", "gt-pan5-2021-2023",
                            "--from", "2023-03-29-primera-mesa"], tmp)
        #expect(new.status == 0, "\(new.stderr)")
        let agenda = try tmp.read("2023-11-22-segunda-mesa/agenda.yaml")
        #expect(agenda.contains("acta: \"2-2023\""), "the demonstrations of August and October are not counted")
        #expect(!agenda.contains("demonstration: true"))
        #expect(agenda.contains("delegates: [\"Ana Pérez\"]"), "the delegate recorded at attendance is carried")
        #expect(agenda.contains("approves_acta: \"1-2023\""))
        #expect(agenda.contains("suggested: [acta, minutes]"))
        #expect(try acta(["check", "2023-11-22-segunda-mesa"], tmp).status == 0)

        // Item 4 is MINGOB's report (welcome, reading of the acta, follow-up, then the reports).
        try tmp.write("2023-11-22-segunda-mesa/journal.jsonl",
                      #"{"at":"2023-11-22T09:30:00-06:00","commitment":1,"event":"milestone_reported","evidence":"","hito":1,"item":4,"note":"","percent":70,"rescheduled":false,"seq":1,"status":"substantial","validated":true}"#
                      + "\n")
        let export = try acta(["export", "2023-11-22-segunda-mesa"], tmp)
        #expect(export.status == 0, "\(export.stderr)")
        let minutes = try tmp.read("2023-11-22-segunda-mesa/minutes.md")
        #expect(minutes.contains("Cambio desde el acta 1-2023 (2023-03-29)"))
        #expect(minutes.contains("Limitado → Sustancial; 40 % → 70 %"))
        #expect(minutes.contains("Enviar el inventario de datos"), "the real acuerdo is followed up")
        #expect(!minutes.contains("EJEMPLO"), "nothing of the demonstrations reaches the real acta")
        #expect(!minutes.contains("ficticio"))
        let actions = try tmp.read("2023-11-22-segunda-mesa/action-items.md")
        #expect(actions.contains("Enviar el inventario de datos"))
        #expect(!actions.contains("Enviar a la mesa la ruta"))
    }

    @Test func newFromADemonstrationIsADemonstration() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let new = try acta(["new", "2023-12-06", "otra-demo", "--plan", "gt-pan5-2021-2023",
                            "--from", "2023-10-18-ejemplo-octubre"], tmp)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stderr.contains("demostración"))
        let agenda = try tmp.read("2023-12-06-otra-demo/agenda.yaml")
        #expect(agenda.contains("demonstration: true"))
        #expect(try acta(["check", "2023-12-06-otra-demo"], tmp).status == 0)
        let list = try acta(["list"], tmp)
        #expect(list.stdout.contains("[ejemplo] EJEMPLO — sesión de demostración"))
        #expect(!list.stdout.contains("[ejemplo] Primera mesa"))
    }
}
