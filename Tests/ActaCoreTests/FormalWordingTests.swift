import ActaCore
import Testing

@Suite struct FormalWordingTests {
    @Test(arguments: [(0, "cero"), (1, "uno"), (16, "dieciséis"), (21, "veintiuno"), (22, "veintidós"), (31, "treinta y uno"),
                      (59, "cincuenta y nueve"), (100, "cien"), (101, "ciento uno"), (555, "quinientos cincuenta y cinco"),
                      (1000, "mil"), (2021, "dos mil veintiuno"), (2023, "dos mil veintitrés"), (21000, "veintiún mil")])
    func numbers(_ n: Int, _ words: String) {
        #expect(FormalWording.spanish(n) == words)
    }

    @Test func hoursAgreeWithHorasAndMinutos() {
        #expect(FormalWording.hour(9, 5, .es) == "las nueve horas con cinco minutos")
        #expect(FormalWording.hour(1, 1, .es) == "la una hora con un minuto")
        #expect(FormalWording.hour(21, 21, .es) == "las veintiuna horas con veintiún minutos")
        #expect(FormalWording.hour(13, 0, .es) == "las trece horas")
        #expect(FormalWording.hour(9, 5, .en) == "09:05", "the English acta keeps figures")
    }

    @Test func datesWithTheirWeekday() {
        #expect(FormalWording.date(CalendarDate(iso: "2023-03-29")!, .es) == "miércoles veintinueve de marzo de dos mil veintitrés")
        #expect(FormalWording.date(CalendarDate(iso: "2024-02-21")!, .es) == "miércoles veintiuno de febrero de dos mil veinticuatro")
        #expect(FormalWording.date(CalendarDate(iso: "2023-06-20")!, .en) == "Tuesday, 20 June 2023")
        #expect(FormalWording.date(CalendarDate(iso: "1970-01-01")!, .es).hasPrefix("jueves"))
    }

    @Test func acuerdoReferencesCarryTheActa() {
        #expect(ActionItem.reference(acta: "2-2023", number: 1) == "2-2023-01")
        #expect(ActionItem.reference(acta: "2-2023", number: 12) == "2-2023-12")
    }

    @Test func hitosExistByTheirNumbering() {
        let c = Commitment(number: 9, ogpID: nil, titleES: nil, titleEN: nil, institution: nil, institutionShort: nil, support: [],
                           milestones: [Milestone(number: 1, text: nil, start: nil, end: nil),
                                        Milestone(number: 3, text: nil, start: nil, end: nil)])
        #expect(c.hasMilestone(2))
        #expect(!c.hasMilestone(4))
        #expect(!c.hasMilestone(0))
    }

    @Test func textsInTheOtherLanguageAreMarked() {
        let m = Milestone(number: 1, text: nil, start: nil, end: nil, textEN: "Open the portal")
        #expect(m.sourcedText(.en) == SourcedText(text: "Open the portal", isOtherLanguage: false))
        #expect(m.sourcedText(.es)?.isOtherLanguage == true)
        #expect(Milestone(number: 2, text: nil, start: nil, end: nil).sourcedText(.es) == nil)
    }
}

@Suite struct ClockRangeInputTests {
    @Test func rangesAsTheSecretaryTypesThem() {
        let c = { (h: Int, m: Int) in ClockRangeInput.Clock(hour: h, minute: m) }
        #expect(ClockRangeInput.parse("09:05-10:40")! == (c(9, 5), c(10, 40)))
        #expect(ClockRangeInput.parse("9.05")! == (c(9, 5), nil))
        #expect(ClockRangeInput.parse(" - 10:40")! == (nil, c(10, 40)))
        #expect(ClockRangeInput.parse("09:05-")! == (c(9, 5), nil))
        for bad in ["", "-", "24:00", "9:5", "09:05-x", "ayer"] { #expect(ClockRangeInput.parse(bad) == nil, "\(bad)") }
    }

    @Test func correctionsOverrideTheClockAndAreChecked() {
        let agenda = Agenda(actaNumber: "1", title: "t", date: CalendarDate(iso: "2023-03-29")!, plannedStart: nil, place: nil,
                            convener: nil, planID: "p", seats: [], items: [AgendaItem(number: 1, kind: .free(title: "a", presenter: nil), plannedMinutes: nil)])
        let t = { (s: String) in Timestamp(iso: "2023-03-29T\(s):00-06:00")! }
        var s = Session(agenda: agenda, plan: Plan(id: "p", name: "P", commitments: []))
        s.apply(SessionEvent(seq: 1, at: t("09:00"), kind: .itemStarted(item: 1)))
        s.apply(SessionEvent(seq: 2, at: t("09:30"), kind: .itemEnded(item: 1)))
        s.apply(SessionEvent(seq: 3, at: Timestamp(iso: "2023-04-02T10:00:00-06:00")!, kind: .timeCorrected(item: 1, boundary: .start, time: t("09:10"))))
        #expect(s.timings[1]?.seconds(now: nil) == 20 * 60)
        #expect(s.heldUntil == t("09:30"), "a correction typed days later is not the end of the session")
        #expect(s.problem(with: .timeCorrected(item: 1, boundary: .end, time: t("09:05"))) != nil)
        #expect(s.problem(with: .timeCorrected(item: 2, boundary: .end, time: t("09:05"))) != nil)
        #expect(s.problem(with: .timeCorrected(item: nil, boundary: .end, time: t("12:00"))) == nil)
    }
}
