import ActaTestSupport
import Foundation
import Testing

/// The non-interactive commands, run as a user would: the real binary on a copy of `sessions/`.
@Suite struct CommandLineTests {
    func acta(_ args: String..., in tmp: TemporarySessions, env: [String: String] = [:]) throws -> ActaProcess.Result {
        try ActaProcess.run(args, in: tmp.base.path, environment: env)
    }

    @Test func checkPassesOnEveryBundledSession() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try acta("check", in: tmp)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("2023-03-29-primera-mesa: correcto"))
        #expect(r.stderr.isEmpty)
    }

    @Test func checkReportsLocatedErrorsAndExits65() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let agenda = try tmp.read("2023-03-29-primera-mesa/agenda.yaml")
        try tmp.write("2023-03-29-primera-mesa/agenda.yaml", agenda.replacingOccurrences(of: "hitos: [2, 3, 4]", with: "hitos: [2, 3, 14]"))
        let r = try acta("check", "2023-03-29-primera-mesa", in: tmp)
        #expect(r.status == 65)
        #expect(r.stderr.contains("sessions/2023-03-29-primera-mesa/agenda.yaml:"))
        #expect(r.stderr.contains("el compromiso 10 no tiene hito 14"))
        let line = try #require(r.stderr.split(separator: ":").dropFirst().first.flatMap { Int($0) })
        #expect(agenda.split(separator: "\n", omittingEmptySubsequences: false)[line - 1].contains("hitos: [2, 3, 4]"))
        let en = try acta("check", "2023-03-29-primera-mesa", "--lang", "en", in: tmp)
        #expect(en.stderr.contains("commitment 10 has no milestone 14"))
    }

    @Test func missingSessionsAndEscapesAreRefused() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        #expect(try acta("check", "no-existe", in: tmp).status == 66)
        #expect(try acta("export", "../sessions", in: tmp).status == 66)
        #expect(try acta("check", "--sessions", "/nonexistent", in: tmp).status == 66)
        #expect(try acta("list", "/nonexistent", in: tmp).status == 66)
    }

    @Test func exportWritesTheFourFilesAndPrintsTheirPaths() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try acta("export", "2023-10-18-ejemplo-octubre", in: tmp)
        #expect(r.status == 0, "\(r.stderr)")
        let paths = r.stdout.split(separator: "\n").map(String.init)
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["minutes.md", "action-items.md", "milestones.csv", "milestones.json",
                                                                     "action-items.csv", "action-items.json", "datapackage.json"])
        #expect(try tmp.read("2023-10-18-ejemplo-octubre/minutes.md").contains("## Asistencia"))
        let en = try acta("export", "2023-10-18-ejemplo-octubre", "--lang", "en", in: tmp)
        #expect(en.status == 0)
        #expect(try tmp.read("2023-10-18-ejemplo-octubre/minutes.md").contains("## Attendance"))
        let locale = try acta("export", "2023-10-18-ejemplo-octubre", in: tmp, env: ["LANG": "en_US.UTF-8"])
        #expect(locale.status == 0)
        #expect(try tmp.read("2023-10-18-ejemplo-octubre/minutes.md").contains("## Attendance"))
    }

    @Test func exportOfABrokenSessionOverwritesNothing() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let name = "2023-10-18-ejemplo-octubre"
        #expect(try acta("export", name, in: tmp).status == 0)
        let before = try tmp.read("\(name)/minutes.md")
        let journal = try tmp.read("\(name)/journal.jsonl")
        try tmp.write("\(name)/journal.jsonl", journal.replacingOccurrences(of: "\"seat\":\"gae\"", with: "\"seat\":\"nadie\""))
        let r = try acta("export", name, in: tmp)
        #expect(r.status == 65)
        #expect(r.stderr.contains("journal.jsonl:"))
        #expect(r.stderr.contains("«nadie»"))
        #expect(try tmp.read("\(name)/minutes.md") == before)
    }

    @Test func invalidUTF8InAnAgendaIsLocated() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let path = tmp.path("2023-03-29-primera-mesa/agenda.yaml")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.append(contentsOf: [0x23, 0x20, 0xFF, 0x0A])
        try bytes.write(to: URL(fileURLWithPath: path))
        let r = try acta("check", "2023-03-29-primera-mesa", in: tmp)
        #expect(r.status == 65)
        #expect(r.stderr.contains("UTF-8"))
        #expect(r.stderr.contains("agenda.yaml:"))
    }

    @Test func newCreatesACheckableAgendaAndNeverOverwrites() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try acta("new", "2023-06-21", "segunda-mesa", "--plan", "gt-pan5-2021-2023",
                         "--from", "2023-03-29-primera-mesa", in: tmp)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("sessions/2023-06-21-segunda-mesa/agenda.yaml"))
        let agenda = try tmp.read("2023-06-21-segunda-mesa/agenda.yaml")
        #expect(agenda.contains("acta: \"3-2023\""), "after the real mesas of March and June 2023")
        #expect(agenda.contains("Seguimiento de acuerdos de la sesión 1-2023"))
        #expect(agenda.contains("report: cpcc"))
        #expect(try acta("check", "2023-06-21-segunda-mesa", in: tmp).status == 0)
        try tmp.write("2023-06-21-segunda-mesa/agenda.yaml", "# mine\n" + agenda)
        let again = try acta("new", "2023-06-21", "segunda-mesa", "--plan", "gt-pan5-2021-2023", in: tmp)
        #expect(again.status == 73)
        #expect(try tmp.read("2023-06-21-segunda-mesa/agenda.yaml").hasPrefix("# mine\n"))
        let fresh = try acta("new", "2024-02-21", "plan-seis", "--plan", "gt-pan6-2023-2025", in: tmp)
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(try acta("check", "2024-02-21-plan-seis", in: tmp).status == 0)
        #expect(try acta("new", "2024-02-30", "x", "--plan", "gt-pan6-2023-2025", in: tmp).status == 64)
        #expect(try acta("new", "2024-02-28", "x", "--plan", "no-such-plan", in: tmp).status == 65)
    }

    @Test func listShowsNewestFirstWithCounts() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try acta("list", "sessions", in: tmp)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines[5].hasPrefix("Sesiones: /") && lines[5].contains("\(tmp.base.lastPathComponent)/sessions"))
        #expect(lines[6].hasPrefix("Aviso: la mesa está por debajo del mínimo de OGP"))
        #expect(lines[1].hasPrefix("2023-10-18  EJEMPLO-2  [ejemplo] EJEMPLO"))
        #expect(lines[3].hasPrefix("2023-06-20  2-2023     Mesa de Gobierno Abierto (junio de 2023)"))
        #expect(lines[4].hasPrefix("2023-03-29  1-2023"))
        #expect(lines[1].hasSuffix("6      3"))
    }

    @Test func helpAndVersion() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        let version = try acta("--version", in: tmp)
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("acta "))
        let help = try acta("export", "--help", in: tmp)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--lang"))
    }
}

@Suite struct ScriptCommandTests {
    @Test func historyPrintsTextCSVAndJSON() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let text = try ActaProcess.run(["history", "gt-pan5-2021-2023", "1", "--hito", "2"], in: tmp.base.path)
        #expect(text.status == 0)
        #expect(text.stdout.contains("EJEMPLO-1"))
        #expect(text.stdout.contains("EJEMPLO-2"))
        let csv = try ActaProcess.run(["history", "gt-pan5-2021-2023", "1", "--format", "csv"], in: tmp.base.path)
        #expect(csv.stdout.hasPrefix("session,session_date,acta,demonstration,plan,commitment,ogp_id,hito,hito_text,hito_text_lang,institution,status,status_label,percent,validated,rescheduled,evidence,note,previous_status,previous_percent\r\n"))
        // Codes, not words: the status code and true/false, with the label in its own column.
        #expect(csv.stdout.contains("2023-10-18-ejemplo-octubre,2023-10-18,EJEMPLO-2,true,gt-pan5-2021-2023,1,GT0109,2,,,Ministerio de Gobernación (MINGOB),substantial,Sustancial,70,true,false,"))
        #expect(csv.stdout.contains(",limited,30\r\n"))
        let json = try ActaProcess.run(["history", "gt-pan5-2021-2023", "3", "--format", "json"], in: tmp.base.path)
        #expect(json.stdout.contains("\"previous_percent\": 25"))
        #expect(json.stdout.contains("\"hito_text\": null"))
        #expect(try ActaProcess.run(["history", "gt-pan5-2021-2023", "99"], in: tmp.base.path).status == 65)
    }

    @Test func actionsFiltersOpenOverdueAndResponsable() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let overdue = try ActaProcess.run(["actions", "--overdue", "--today", "2023-11-20", "--format", "csv"], in: tmp.base.path)
        #expect(overdue.status == 0)
        let rows = overdue.stdout.split(separator: "\r\n")
        #expect(rows.count == 3)
        #expect(rows.first?.hasPrefix("session,session_date,acta,demonstration,acuerdo,number,kind,kind_label,text,responsable,due,status,status_label") == true)
        #expect(rows.dropFirst().allSatisfy { $0.hasSuffix(",overdue,Vencido") })
        let sesan = try ActaProcess.run(["actions", "--open", "--responsable", "sesan", "--today", "2023-11-20"], in: tmp.base.path)
        #expect(sesan.stdout.contains("Enviar a la mesa la ruta"))
        #expect(!sesan.stdout.contains("MINGOB"))
    }

    @Test func reviewWithoutATerminalPointsToTheScriptCommands() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        let r = try ActaProcess.run(["review"], in: tmp.base.path)
        #expect(r.status == 64)
        #expect(r.stderr.contains("acta actions"))
    }
}
