import ActaCore
@testable import ActaFormats
import Testing

let planText = """
id: p
name: "Plan"
commitments:
  - number: 1
    title_en: "Open Data"
    hitos:
      - {number: 1, text: null}
      - {number: 2, text: "Portal"}
  - number: 3
    hitos:
      - {number: 1, text: null}

"""

func agendaText(_ items: String = """
  - report: mingob
    commitment: 1
    hitos: [1, 2]
""", seats: String = """
  - id: mingob
    name: "MINGOB"
    kind: gobierno
""", date: String = "2023-03-29") -> String {
    "acta: \"1-2023\"\ntitle: Mesa\ndate: \(date)\nplan: p\nseats:\n\(seats)\nitems:\n\(items)\n"
}

/// The first diagnostic of loading an agenda, or nil when it loads.
func agendaError(_ text: String) -> Diagnostic? {
    let plan = try! PlanLoader.load(planText, file: "plan.yaml")
    do {
        _ = try AgendaLoader.load(text, file: "agenda.yaml", plan: plan)
        return nil
    } catch {
        return error.items.first
    }
}

@Suite struct LoaderErrorTests {
    @Test func aValidAgendaLoads() throws {
        let plan = try PlanLoader.load(planText, file: "plan.yaml")
        let agenda = try AgendaLoader.load(agendaText(), file: "agenda.yaml", plan: plan)
        #expect(agenda.items.first?.milestones == [1, 2])
        #expect(plan.commitment(1)?.milestone(1)?.displayText(.es) == "Hito 1")
        #expect(plan.commitment(1)?.milestone(2)?.displayText(.es) == "Portal")
    }

    @Test func yamlSyntaxErrorIsLocated() throws {
        let d = try #require(agendaError("acta: \"1-2023\nitems: [\n"))
        #expect(d.file == "agenda.yaml")
        #expect(d.line >= 1)
        #expect(d.message.es.contains("sintaxis YAML"))
    }

    @Test func missingRequiredField() throws {
        let d = try #require(agendaError(agendaText().replacingOccurrences(of: "title: Mesa\n", with: "")))
        #expect(d.message.es.contains("falta el campo obligatorio «title»"))
        #expect(d.line == 1)
    }

    @Test func wrongType() throws {
        let d = try #require(agendaError(agendaText("""
  - report: mingob
    commitment: uno
    hitos: [1]
""")))
        #expect(d.message.en.contains("must be a whole number"))
        #expect((d.line, d.column) == (11, 17))
    }

    @Test func unknownCommitmentHitoAndSeat() throws {
        let c = try #require(agendaError(agendaText("  - report: mingob\n    commitment: 9\n    hitos: [1]")))
        #expect(c.message.es.contains("el compromiso 9 no está en el plan p"))
        let h = try #require(agendaError(agendaText("  - report: mingob\n    commitment: 1\n    hitos: [1, 7]")))
        #expect(h.message.es.contains("no tiene hito 7"))
        #expect((h.line, h.column) == (12, 16))
        let s = try #require(agendaError(agendaText("  - report: sesan\n    commitment: 1\n    hitos: [1]")))
        #expect(s.message.es.contains("el asiento «sesan» no existe"))
    }

    @Test func duplicateNumbers() throws {
        let d = try #require(agendaError(agendaText("""
  - report: mingob
    commitment: 1
    hitos: [1]
  - report: mingob
    commitment: 1
    hitos: [1]
""")))
        #expect(d.message.es.contains("ya se informa en el punto 1"))
        let seat = try #require(agendaError(agendaText(seats: "  - {id: a, name: A, kind: gobierno}\n  - {id: a, name: B, kind: gobierno}")))
        #expect(seat.message.es.contains("repetido"))
        do {
            _ = try PlanLoader.load(planText + "  - number: 1\n    hitos: []\n", file: "plan.yaml")
            Issue.record("a repeated commitment must be refused")
        } catch {
            #expect(error.items.first?.message.es.contains("compromiso 1 repetido") == true)
            #expect(error.items.first?.line == 12)
        }
    }

    @Test func impossibleDate() throws {
        let d = try #require(agendaError(agendaText(date: "2023-02-30")))
        #expect(d.message.es.contains("no es una fecha posible"))
        #expect((d.line, d.column) == (3, 7))
    }

    @Test func unknownFieldNamesTheValidOnes() throws {
        let d = try #require(agendaError(agendaText() + "titel: x\n"))
        #expect(d.message.es.contains("campo desconocido «titel»"))
    }

    @Test func invalidUTF8IsLocated() {
        let bytes = Array("acta: x\ntitle: Se\u{F1}or".utf8.map { $0 == 0xC3 ? 0xF1 : $0 })
        #expect(throws: Diagnostic.self) { try TextDecoding.decode(bytes, file: "agenda.yaml") }
        do { _ = try TextDecoding.decode(bytes, file: "agenda.yaml") } catch {
            #expect((error.line, error.column) == (2, 10))
            #expect(error.message.es.contains("UTF-8"))
        }
    }

    @Test func bomAndCRLFAreAccepted() throws {
        let crlf = agendaText().replacingOccurrences(of: "\n", with: "\r\n")
        let text = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(crlf.utf8), file: "agenda.yaml")
        #expect(!text.contains("\r"))
        #expect(agendaError(text) == nil)
    }
}

@Suite struct JournalTests {
    let at = Timestamp(iso: "2023-03-29T09:00:00-06:00")!

    @Test(arguments: [
        SessionEventKind.attendanceMarked(seat: "gae", present: true, delegate: "Ñusta Pérez"),
        .itemStarted(item: 2), .itemEnded(item: 2),
        .milestoneReported(MilestoneReport(item: 2, key: MilestoneKey(commitment: 1, milestone: 2), status: .substantial,
                                           percent: 60, validated: true, rescheduled: true, evidence: "https://x/y",
                                           note: "línea 1\nlínea \"2\" | \u{1B}")),
        .noteAdded(item: 1, text: "Se acuerda…"),
        .actionItemAdded(ActionItem(number: 1, item: 2, kind: .task, text: "Publicar", responsible: "MINGOB",
                                    due: CalendarDate(iso: "2023-08-15"))),
        .actionItemEdited(number: 1, changes: ActionItemChanges(kind: .decision, text: "t", responsible: "r", due: .some(nil))),
        .actionItemEdited(number: 1, changes: ActionItemChanges(due: CalendarDate(iso: "2023-09-01"))),
        .actionItemClosed(number: 1, session: nil), .actionItemReopened(number: 2, session: "2023-03-29-primera-mesa"),
        .nextSessionSet(date: CalendarDate(iso: "2023-08-16")!, note: nil), .undone(seq: 3), .redone(seq: 3),
        .speakerQueued(item: 2, speaker: Speaker(seat: "gae", name: "Jaime Muñoz Flores")),
        .speakerQueued(item: 2, speaker: Speaker(seat: nil, name: "Lucía Ñáñez")), .speakerWithdrawn(item: 2, position: 1),
        .floorGiven(item: 2), .floorEnded(item: 2), .interventionSummarized(item: 2, index: 1, summary: "Pide el calendario | \"ya\""),
    ])
    func everyEventRoundTrips(_ kind: SessionEventKind) throws {
        let event = SessionEvent(seq: 7, at: at, kind: kind)
        let line = JournalCodec.encode(event)
        #expect(!line.contains("\n"))
        #expect(try JournalCodec.decode(line, file: "j", lineNumber: 1) == event)
    }

    @Test func aTornLastLineIsAWarningAndEverythingBeforeIsKept() {
        let good = (1...3).map { JournalCodec.encode(SessionEvent(seq: $0, at: at, kind: .itemStarted(item: 1))) }
        let text = good.joined(separator: "\n") + "\n" + String(good[0].prefix(20))
        let contents = JournalReader.read(text, file: "journal.jsonl")
        #expect(contents.events.count == 3)
        #expect(contents.tornTail)
        #expect(contents.diagnostics.count == 1)
        #expect(contents.diagnostics[0].severity == .warning)
        #expect(contents.diagnostics[0].line == 4)
    }

    @Test func aBrokenLineInTheMiddleIsAnError() {
        let good = JournalCodec.encode(SessionEvent(seq: 1, at: at, kind: .itemStarted(item: 1)))
        let contents = JournalReader.read(good + "\n{\"seq\": 2}\nnot json\n", file: "journal.jsonl")
        #expect(contents.events.count == 1)
        #expect(contents.diagnostics.map(\.line) == [2, 3])
        #expect(contents.diagnostics.allSatisfy { $0.severity == .error })
        #expect(contents.diagnostics[0].message.es.contains("falta «at»"))
    }

    @Test func outOfRangeAndUnknownValuesAreErrors() throws {
        #expect(throws: Diagnostic.self) {
            try JournalCodec.decode(#"{"seq":1,"at":"2023-03-29T09:00:00-06:00","event":"milestone_reported","item":1,"commitment":1,"hito":1,"status":"casi"}"#, file: "j", lineNumber: 1)
        }
        #expect(throws: Diagnostic.self) {
            try JournalCodec.decode(#"{"seq":1,"at":"ayer","event":"item_started","item":1}"#, file: "j", lineNumber: 1)
        }
        #expect(throws: Diagnostic.self) {
            try JournalCodec.decode(#"{"seq":1,"at":"2023-03-29T09:00:00-06:00","event":"party"}"#, file: "j", lineNumber: 1)
        }
    }
}
