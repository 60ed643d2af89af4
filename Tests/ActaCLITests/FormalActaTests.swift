import ActaTestSupport
import Foundation
import Testing

/// The acta in the formal shape a Guatemalan secretary signs, in the mesa's local time.
@Suite struct FormalActaTests {
    func acta(_ args: [String], _ tmp: TemporarySessions, env: [String: String] = [:]) throws -> ActaProcess.Result {
        try ActaProcess.run(args, in: tmp.base.path, environment: env)
    }

    /// The real first mesa recorded on a machine whose clock is UTC: times written with +00:00.
    static let utcJournal = [
        #"{"at":"2023-03-29T15:05:00+00:00","delegate":"Ana Pérez","event":"attendance_marked","present":true,"seat":"mingob","seq":1}"#,
        #"{"at":"2023-03-29T15:06:00+00:00","event":"attendance_marked","present":true,"seat":"redciudadana","seq":2}"#,
        #"{"at":"2023-03-29T15:07:00+00:00","event":"attendance_marked","present":false,"seat":"cost","seq":3}"#,
        #"{"at":"2023-03-29T15:40:00+00:00","commitment":1,"event":"milestone_reported","evidence":"https://datos.gob.gt/dataset?id=a_b&page=2#seccion_1","hito":1,"item":3,"note":"Primera línea\nSegunda línea","percent":40,"rescheduled":false,"seq":4,"status":"limited","validated":true}"#,
        #"{"at":"2023-03-29T16:41:00+00:00","due":"2023-04-30","event":"action_item_added","item":3,"kind":"task","number":1,"responsable":"MINGOB","seq":5,"text":"Enviar el inventario de datos"}"#,
        #"{"at":"2023-03-29T16:45:00+00:00","date":"2023-08-23","event":"next_session_set","seq":6}"#,
    ].joined(separator: "\n") + "\n"

    @Test func timesAreTheMesasWhateverTheMachinesTZ() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        try tmp.write("2023-03-29-primera-mesa/journal.jsonl", Self.utcJournal)
        for tz in ["UTC", "Asia/Tokyo"] {
            let r = try acta(["export", "2023-03-29-primera-mesa"], tmp, env: ["TZ": tz])
            #expect(r.status == 0, "\(r.stderr)")
            let minutes = try tmp.read("2023-03-29-primera-mesa/minutes.md")
            #expect(minutes.contains("**Hora de inicio:** 09:05"))
            #expect(minutes.contains("**Hora de cierre:** 10:45"))
            #expect(minutes.contains("Siendo las nueve horas con cinco minutos del día miércoles veintinueve de marzo de dos mil veintitrés"))
            #expect(minutes.contains("siendo las diez horas con cuarenta y cinco minutos del mismo día"))
        }
    }

    @Test func openingQuorumAcuerdosClosingAndSignatures() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        try tmp.write("2023-03-29-primera-mesa/journal.jsonl", Self.utcJournal)
        #expect(try acta(["export", "2023-03-29-primera-mesa"], tmp).status == 0)
        let minutes = try tmp.read("2023-03-29-primera-mesa/minutes.md")
        #expect(minutes.contains("se da inicio a la sesión de la Mesa Técnica de Gobierno Abierto, convocada por Comisión Presidencial de Gobierno Abierto y Electrónico (GAE)"))
        #expect(minutes.contains("están presentes 2 de 14 asientos de la mesa, 1 de 8 del sector público y 1 de 6 de sociedad civil"))
        #expect(minutes.contains("| 1-2023-01 | Tarea | Enviar el inventario de datos |"))
        #expect(minutes.contains("La próxima sesión se realizará el miércoles veintitrés de agosto de dos mil veintitrés."))
        #expect(minutes.contains("| Ana Pérez | Ministerio de Gobernación (MINGOB) | Gobierno |   |"))
        #expect(minutes.contains("| (nombre no registrado) | Red Ciudadana | Sociedad civil |   |"))
        #expect(!minutes.contains("| Minutos previstos"), "planned minutes are the tool's suggestion, not facts")
        #expect(minutes.contains("El número de acta 1-2023 es una sugerencia de la herramienta"))
        #expect(minutes.contains("Compromiso 1: Strengthening Open Data †"))
        #expect(minutes.components(separatedBy: "† Título o texto que las fuentes dan solo en inglés").count == 2, "said once")
        #expect(minutes.contains("<https://datos.gob.gt/dataset?id=a_b&page=2#seccion_1>"))
        let en = try acta(["export", "2023-03-29-primera-mesa", "--lang", "en"], tmp)
        #expect(en.status == 0)
        let english = try tmp.read("2023-03-29-primera-mesa/minutes.md")
        #expect(english.contains("At 09:05 on Wednesday, 29 March 2023"))
        #expect(english.contains("Commitment 1: Strengthening Open Data |"), "an English title is not marked in the English acta")

        // The next session reads and approves this acta; the overdue acuerdo is carried as Vencido.
        try? FileManager.default.removeItem(atPath: tmp.path("2023-06-20-mesa-junio"))
        #expect(try acta(["new", "2023-08-23", "segunda", "--plan", "gt-pan5-2021-2023", "--from", "2023-03-29-primera-mesa"], tmp).status == 0)
        try tmp.write("2023-08-23-segunda/journal.jsonl",
                      #"{"at":"2023-08-23T09:10:00-06:00","due":null,"event":"action_item_added","item":2,"kind":"decision","number":1,"responsable":"Mesa Técnica","seq":1,"text":"Se aprueba el acta 1-2023 sin cambios"}"# + "\n")
        let second = try acta(["export", "2023-08-23-segunda"], tmp)
        #expect(second.status == 0, "\(second.stderr)")
        let next = try tmp.read("2023-08-23-segunda/minutes.md")
        #expect(next.contains("Se da lectura al acta 1-2023. Decisión de la mesa: Acuerdo 2-2023-01: Se aprueba el acta 1-2023 sin cambios."))
        #expect(next.contains("| 1-2023-01 | 2023-03-29 | Enviar el inventario de datos | MINGOB | 2023-04-30 | Vencido |"))
    }

    @Test func hitosKnownOnlyByNumberCanBeNamed() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let agenda = try tmp.read("2023-03-29-primera-mesa/agenda.yaml")
        try tmp.write("2023-03-29-primera-mesa/agenda.yaml", agenda
            .replacingOccurrences(of: "commitment: 9\n    hitos: [1]", with: "commitment: 9\n    hitos: [1, 2]")
            .replacingOccurrences(of: "hitos: [2, 3, 4]", with: "hitos: [1, 2, 3, 4]"))
        let r = try acta(["check", "2023-03-29-primera-mesa"], tmp)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try acta(["export", "2023-03-29-primera-mesa"], tmp).status == 0)
        let minutes = try tmp.read("2023-03-29-primera-mesa/minutes.md")
        #expect(minutes.contains("| 9.2 | Hito 2 | No informado |"))
        #expect(minutes.contains("| 10.1 | Hito 1 | No informado |"))
    }

    @Test func theJuneMesaSaysOnlyWhatItsSourceSays() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try acta(["export", "2023-06-20-mesa-junio"], tmp)
        #expect(r.status == 0, "\(r.stderr)")
        let minutes = try tmp.read("2023-06-20-mesa-junio/minutes.md")
        #expect(minutes.contains("Validación conjunta, entre sociedad civil y las instituciones públicas, de los porcentajes de avance"))
        #expect(minutes.contains("Ministerio de Energía y Minas (MEM)"))
        #expect(minutes.contains("Fuentes: <https://agn.gt/desarrollan-mesa-de-gobierno-abierto>"))
        #expect(!minutes.contains("| Hito |"), "no hito report is invented")
        #expect(!FileManager.default.fileExists(atPath: tmp.path("2023-06-20-mesa-junio/journal.jsonl")))
    }

    @Test func moreThanEightSeatsOfASectorAreRefused() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let agenda = try tmp.read("2023-03-29-primera-mesa/agenda.yaml")
        try tmp.write("2023-03-29-primera-mesa/agenda.yaml", agenda.replacingOccurrences(
            of: "seats:\n", with: "seats:\n  - {id: extra, name: \"Otra institución\", kind: gobierno}\n"))
        let r = try acta(["check", "2023-03-29-primera-mesa"], tmp)
        #expect(r.status == 65)
        #expect(r.stderr.contains("hay 9 asientos de «gobierno»"))
    }
}

/// `acta correct`: times typed after the fact, journaled as corrections.
@Suite struct CorrectCommandTests {
    @Test func correctionsAreJournaledCheckedAndReachTheActa() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let name = "2023-03-29-primera-mesa"
        let ok = try ActaProcess.run(["correct", name, "--start", "09:05", "--end", "11:40"], in: tmp.base.path, environment: ["TZ": "UTC"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("Inicio de la sesión: 09:05 (America/Guatemala)"))
        let item = try ActaProcess.run(["correct", name, "--item", "3", "--start", "09:40", "--end", "09:58"], in: tmp.base.path)
        #expect(item.status == 0, "\(item.stderr)")
        let journal = try tmp.read("\(name)/journal.jsonl")
        #expect(journal.contains(#""event":"time_corrected","item":3,"kind":"end""#))
        #expect(journal.contains(#""time":"2023-03-29T09:05:00-06:00""#))
        let before = journal
        let wrong = try ActaProcess.run(["correct", name, "--item", "3", "--end", "09:00"], in: tmp.base.path)
        #expect(wrong.status == 65)
        #expect(wrong.stderr.contains("anterior a su inicio"))
        #expect(try tmp.read("\(name)/journal.jsonl") == before, "nothing written")
        #expect(try ActaProcess.run(["correct", name, "--item", "99", "--start", "09:00"], in: tmp.base.path).status == 65)
        #expect(try ActaProcess.run(["correct", name, "--start", "9h"], in: tmp.base.path).status == 64)
        #expect(try ActaProcess.run(["correct", name], in: tmp.base.path).status == 64)
        #expect(try ActaProcess.run(["export", name], in: tmp.base.path).status == 0)
        let minutes = try tmp.read("\(name)/minutes.md")
        #expect(minutes.contains("Siendo las nueve horas con cinco minutos"))
        #expect(minutes.contains("siendo las once horas con cuarenta minutos del mismo día"))
        #expect(minutes.contains("| 3 | Ministerio de Gobernación (MINGOB) — Compromiso 1: Strengthening Open Data † | 18 |"))
    }
}
