import ActaCore
import ActaTestSupport
import ActaUI
import Testing

/// `acta demo`'s guide over the record screen: its own goldens, so the record screen's stay untouched.
@Suite struct FirstRunGuideTests {
    let fixture: RecordFixture
    init() throws { fixture = try RecordFixture() }

    func frame(_ m: RecordModel, _ guide: FirstRunGuide) -> Screen {
        var screen = RecordView.render(m)
        guide.draw(on: &screen)
        return screen
    }

    func golden(_ m: RecordModel, _ guide: FirstRunGuide, _ name: String) throws {
        try assertGolden(frame(m, guide).text + "\n", "ActaUITests/Golden/demo-\(name)-\(m.width)x\(m.height).txt")
    }

    /// `handle` mutates, which #expect cannot call directly.
    func take(_ guide: inout FirstRunGuide, _ input: InputEvent) -> Bool { guide.handle(input) }

    @Test(arguments: [(80, 24), (120, 40)])
    func theBoxThenTheReminder(_ width: Int, _ height: Int) throws {
        var m = fixture.model(width: width, height: height)
        var guide = FirstRunGuide(language: .es)
        try golden(m, guide, "guide")
        let text = frame(m, guide).text
        for needed in ["estado, %, Enter, nota, Enter", "s   6 0   Enter", "a: añadir un acuerdo", "?: todas las teclas", "q: terminar"] {
            #expect(text.contains(needed), "\(needed)")
        }
        // The key that closes the box does nothing else.
        #expect(take(&guide, .key(.character("s"))))
        #expect(!guide.isOpen)
        m.press(.character(" "), .character("s"))
        m.type("60")
        try golden(m, guide, "reminder")
        #expect(frame(m, guide).text.contains("Demo · hito: estado % Enter nota Enter"))
    }

    @Test func english() throws {
        let m = fixture.model(language: .en)
        let guide = FirstRunGuide(language: .en)
        try golden(m, guide, "guide-en")
        #expect(frame(m, guide).text.contains("status, %, Enter, note, Enter"))
    }

    @Test func onlyAKeyClosesTheBoxAndLaterKeysPassThrough() {
        var guide = FirstRunGuide(language: .es)
        #expect(!take(&guide, .resize(width: 100, height: 30)))
        #expect(!take(&guide, .paste("texto")))
        #expect(guide.isOpen)
        #expect(take(&guide, .key(.enter)))
        #expect(!take(&guide, .key(.character("q"))), "after the box, every key reaches the record screen")
    }

    @Test func theReminderNeverCoversAMessageAndNothingCoversTheTooSmallNotice() {
        var guide = FirstRunGuide(language: .es)
        _ = guide.handle(.key(.enter))
        var m = fixture.model()
        m.message = .init(text: "Aviso importante", isError: true)
        let withMessage = frame(m, guide).text
        #expect(withMessage.contains("Aviso importante"))
        #expect(!withMessage.contains("Demo ·"))
        let small = fixture.model(width: 59, height: 20)   // below RecordModel.minimumWidth: the too-small notice
        #expect(frame(small, FirstRunGuide(language: .es)).text == RecordView.render(small).text)
    }
}
