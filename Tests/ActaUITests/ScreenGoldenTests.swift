import ActaCore
import ActaTerminal
import ActaTestSupport
import ActaUI
import CNcurses
import Testing

@Suite struct ScreenGoldenTests {
    let fixture: RecordFixture
    init() throws { fixture = try RecordFixture() }

    /// The text, and at 80×24 (a vt100's size) also the attributes a terminal without colour shows.
    func golden(_ m: RecordModel, _ name: String) throws {
        let screen = RecordView.render(m)
        try assertGolden(screen.text + "\n", "ActaUITests/Golden/record-\(name)-\(m.width)x\(m.height).txt")
        if m.width == 80 && m.height == 24 {
            try assertGolden(screen.monochromeText + "\n", "ActaUITests/Golden/record-\(name)-\(m.width)x\(m.height).nocolor.txt")
        }
    }

    @Test func withoutColourTheSelectionAndASelectedValueStandOut() {
        var m = fixture.model()
        m.press(.character(" "), .character("s"))
        m.type("60")
        m.press(.enter, .enter, .character("k"), .character("l"))   // back on 1.1: the % field opens on 60, selected
        let screen = RecordView.render(m)
        let mono = screen.monochromeText.split(separator: "\n", omittingEmptySubsequences: false)
        let text = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
        let selectedRow = text.firstIndex { $0.contains("1.1 [l]") }!
        #expect(mono[selectedRow].hasPrefix("SSSS"), "the agenda's selection is reverse video")
        let percentRow = text.firstIndex { $0.contains("% avance") }!
        let valueColumn = Array(text[percentRow]).firstIndex(of: "6")!
        #expect(Array(mono[percentRow])[valueColumn] == "S", "the selected value is reverse video")
        #expect(Array(mono[percentRow])[valueColumn + 3] == "F", "the rest of the active field is underlined, not reversed")
    }

    /// Every mode of the record screen, at the smallest full size, the compact size and a wide one.
    @Test(arguments: [(80, 24), (60, 20), (120, 40)])
    func recordScreens(_ width: Int, _ height: Int) throws {
        var m = fixture.model(width: width, height: height)
        try golden(m, "start")
        m.press(.character(" "), .character("s"))
        try golden(m, "percent-selected")
        m.type("60")
        m.press(.enter)
        m.type("Portal en versión de prueba; falta el catálogo de datos abiertos del ministerio y la guía de uso para las municipalidades")
        _ = m.tick(RecordFixture.start.adding(seconds: 125))
        try golden(m, "mid-report")
        m.press(.enter, .character("k"), .tab)
        try golden(m, "details")
        m.press(.escape, .character("a"))
        m.type("Publicar el catálogo de datos abiertos con los conjuntos de seguridad ciudadana")
        m.press(.enter, .enter)
        m.type("ming")
        try golden(m, "acuerdo")
        m.press(.tab, .enter)
        m.type("+2w")
        m.press(.enter)
        _ = m.tick(RecordFixture.start.adding(seconds: 17 * 60 + 10))
        m.press(.tab)
        if m.pane == .details { m.press(.tab) }
        try golden(m, "acuerdos-pane")
        m.press(.escape, .character("t"), .character("p"), .character("d"))
        m.type("Lucía Núñez")
        try golden(m, "attendance")
        m.press(.escape, .escape, .character("/"))
        m.type("educ")
        try golden(m, "search")
        m.press(.escape, .character("p"))
        try golden(m, "next-session")
        m.press(.escape, .character("?"))
        try golden(m, "help")
        m.press(.pageDown)
        try golden(m, "help-page-2")
        m.press(.escape, .character("o"), .character("a"))
        m.type("ming")
        m.press(.tab, .enter, .character("a"))
        m.type("jai")
        try golden(m, "speakers-adding")
        m.press(.tab, .enter, .character(" "))
        _ = m.tick(RecordFixture.start.adding(seconds: 17 * 60 + 40))
        m.press(.character(" "), .character("k"), .character("r"))
        m.type("Presenta el portal de datos abiertos y pide a la sociedad civil revisar el catálogo antes de agosto")
        m.press(.enter)
        _ = m.tick(RecordFixture.start.adding(seconds: 19 * 60 + 5))
        try golden(m, "speakers")
    }

    @Test(arguments: [(80, 24), (60, 20)])
    func draftOffer(_ width: Int, _ height: Int) throws {
        try golden(fixture.model(width: width, height: height, draft: Draft(target: .note(commitment: 3, milestone: 2),
                                                                        text: "Texto que se escribía cuando se cortó la luz")), "draft")
    }

    @Test func tooSmall() throws {
        try golden(fixture.model(width: 59, height: 20), "too-small")
    }

    /// Every mode of the record screen in English: no Spanish word of the interface left.
    @Test func everyModeIsWhollyEnglish() {
        var m = fixture.model(language: .en)
        var screens: [String] = []
        func shot() { screens.append(RecordView.render(m).text) }
        m.press(.character(" "), .character("s")); shot()
        m.type("60"); m.press(.enter); m.type("Note"); shot()
        m.press(.enter, .character("k"), .character("a")); shot()
        m.type("Publish"); m.press(.enter, .enter); m.type("ming"); shot()
        m.press(.tab, .enter, .enter, .tab); shot()
        m.press(.escape, .character("t"), .character("p"), .character("d")); shot()
        m.press(.escape, .escape, .character("o"), .character("a")); shot()
        m.press(.escape, .escape, .character("/")); shot()
        m.press(.escape, .character("p")); shot()
        m.press(.escape, .character("?")); shot()
        m.press(.escape, .character("g")); shot()
        for (i, screen) in screens.enumerated() {
            for spanish in ["Acuerdo", "acuerdo", "Nota ", "punto", "Asistencia", "Oradores", "Estado", "aceptar", "guardado",
                            "sesión", "Hito ", "Sí", "ninguno", "Vencido", "Próxima", "Ayuda", "presente"] {
                #expect(!screen.contains(spanish), "“\(spanish)” on English screen \(i):\n\(screen)")
            }
        }
    }

    @Test func englishScreen() throws {
        var m = fixture.model(language: .en)
        m.press(.character(" "), .character("c"))
        try golden(m, "english")
    }

    @Test func wideCharactersKeepColumnsAligned() {
        var screen = Screen(width: 10, height: 1)
        screen.put("会議ñ|", row: 0, column: 0)
        #expect(screen.text == "会議ñ|")
        #expect(screen[0, 1].isContinuation)
        #expect(screen[0, 5].character == "|")
        var clipped = Screen(width: 3, height: 1)
        clipped.put("会議", row: 0, column: 0)
        #expect(clipped.text == "会", "a wide character that does not fit is not drawn half")
    }

    @Test func controlCharactersNeverReachTheScreen() {
        var screen = Screen(width: 20, height: 1)
        screen.put("a\u{1B}[2Jb", row: 0, column: 0)
        #expect(screen.text == "a^[[2Jb")
    }
}

@Suite struct KeyDecoderTests {
    let decoder = KeyDecoder(wordLeftCode: 545, wordRightCode: 560)

    @Test func decodesCharactersAndControlKeys() {
        #expect(decoder.decode(status: OK, value: 0xF1) == .character("ñ"))
        #expect(decoder.decode(status: OK, value: 0x4F1A) == .character("会"))
        #expect(decoder.decode(status: OK, value: 13) == .enter)
        #expect(decoder.decode(status: OK, value: 10) == .enter)
        #expect(decoder.decode(status: OK, value: 9) == .tab)
        #expect(decoder.decode(status: OK, value: 27) == .escape)
        #expect(decoder.decode(status: OK, value: 127) == .backspace)
        #expect(decoder.decode(status: OK, value: 26) == .control("z"))
        #expect(decoder.decode(status: OK, value: 21) == .control("u"))
        #expect(decoder.decode(status: ERR, value: 0) == nil)
    }

    @Test func decodesFunctionKeys() {
        let yes = KEY_CODE_YES
        #expect(decoder.decode(status: yes, value: UInt32(KEY_UP)) == .up)
        #expect(decoder.decode(status: yes, value: UInt32(KEY_BACKSPACE)) == .backspace)
        #expect(decoder.decode(status: yes, value: UInt32(KEY_DC)) == .delete)
        #expect(decoder.decode(status: yes, value: UInt32(KEY_F0 + 1)) == .function(1))
        #expect(decoder.decode(status: yes, value: UInt32(KEY_F0 + 10)) == .function(10))
        #expect(decoder.decode(status: yes, value: UInt32(KEY_BTAB)) == .backTab)
        #expect(decoder.decode(status: yes, value: 545) == .wordLeft)
        #expect(decoder.decode(status: yes, value: 560) == .wordRight)
        #expect(decoder.decode(status: yes, value: 9999) == nil)
    }
}
