import ActaCore
import ActaTerminal
import ActaTestSupport
import ActaUI
import CNcurses
import Testing

@Suite struct ScreenGoldenTests {
    let fixture: RecordFixture
    init() throws { fixture = try RecordFixture() }

    func golden(_ m: RecordModel, _ name: String) throws {
        try assertGolden(RecordView.render(m).text + "\n", "ActaUITests/Golden/record-\(name)-\(m.width)x\(m.height).txt")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func recordScreens(_ width: Int, _ height: Int) throws {
        var m = fixture.model(width: width, height: height)
        try golden(m, "start")
        m.press(.character(" "), .character("s"))
        m.type("60")
        m.press(.enter)
        m.type("Portal en versión de prueba; falta el catálogo")
        _ = m.tick(RecordFixture.start.adding(seconds: 125))
        try golden(m, "mid-report")
        m.press(.enter, .character("a"))
        m.type("Publicar el catálogo de datos")
        m.press(.enter, .enter)
        m.type("ming")
        try golden(m, "acuerdo")
        m.press(.escape, .character("t"))
        try golden(m, "attendance")
        m.press(.escape, .character("?"))
        try golden(m, "help")
    }

    @Test func tooSmall() throws {
        try golden(fixture.model(width: 60, height: 20), "too-small")
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
