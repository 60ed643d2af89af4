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
