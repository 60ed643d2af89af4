import ActaCore
import ActaUI
import Testing

/// The record screen keeps layouts between frames (RenderMemo). A memo that missed an input
/// would show an old screen: after every step of random sessions of keys, clock ticks, failed
/// and successful writes and resizes, the memoised frame must equal one made afresh.
@Suite struct RenderMemoTests {
    let fixture: RecordFixture
    init() throws { fixture = try RecordFixture() }

    /// A small deterministic generator, so a failure names a seed that reproduces it.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let keys: [Key] = [
        .character("j"), .character("k"), .character("j"), .character("k"), .down, .up, .pageDown, .pageUp,
        .character("g"), .character("G"), .tab, .backTab, .enter, .escape, .character(" "), .character("n"),
        .character("a"), .character("x"), .character("i"), .character("l"), .character("s"), .character("c"),
        .character("%"), .character("7"), .character("0"), .character("v"), .character("r"), .character("e"),
        .character("u"), .character("U"), .character("o"), .character("t"), .character("?"), .character("/"),
        .character("m"), .character("é"), .character("会"), .backspace, .left, .right, .home, .end,
        .character("N"), .character("T"), .character("d"), .character("p"), .character("]"), .character("["),
    ]

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func memoisedFramesEqualFreshOnes(seed: UInt64) {
        var random = SplitMix(state: seed)
        var m = fixture.model(width: [80, 120, 60][Int(seed % 3)], height: [24, 40, 20][Int(seed % 3)])
        var now = RecordFixture.start
        for step in 0..<400 {
            switch random.next(20) {
            case 0:
                // A second, or a minute, passes with nothing typed.
                now = now.adding(seconds: random.next(2) == 0 ? 1 : 60)
                _ = m.tick(now)
            case 1:
                let sizes = [(80, 24), (120, 40), (60, 20), (100, 30)]
                let (w, h) = sizes[random.next(sizes.count)]
                _ = m.update(.resize(width: w, height: h))
            case 2:
                // A write that fails keeps the change pending (the screen shows it as unsaved).
                if let _ = m.nextPendingEvent(at: now) { m.writeFailed("disco lleno") }
            default:
                let key = Self.keys[random.next(Self.keys.count)]
                let effects = m.update(.key(key))
                // Most writes succeed at once; some wait, as a slow disk would make them.
                if effects.contains(.flushJournal) && random.next(4) != 0 {
                    while let event = m.nextPendingEvent(at: now) { m.recorded(event) }
                }
            }
            let memoised = RecordView.render(m), fresh = RecordView.render(m, memo: false)
            let same = memoised.cells == fresh.cells
            #expect(same, "seed \(seed), step \(step):\n\(memoised.text)\n--- made afresh:\n\(fresh.text)")
            #expect(memoised.cursor?.row == fresh.cursor?.row && memoised.cursor?.column == fresh.cursor?.column,
                    "seed \(seed), step \(step): cursor")
            if !same { return }
        }
    }

    /// Copies of a model that went different ways share the memo; neither may see the other's screen.
    @Test func copiesThatDivergeNeverShareALayout() {
        var a = fixture.model()
        a.press(.character("j"))
        var b = a
        a.press(.character(" "), .character("n"))
        a.type("nota de a")
        a.press(.enter)
        b.press(.character(" "), .character("n"))
        b.type("nota de b")
        b.press(.enter)
        for m in [a, b] {
            let same = RecordView.render(m).cells == RecordView.render(m, memo: false).cells
            #expect(same)
        }
        #expect(RecordView.render(a).text.contains("nota de a") && !RecordView.render(a).text.contains("nota de b"))
        #expect(RecordView.render(b).text.contains("nota de b") && !RecordView.render(b).text.contains("nota de a"))
    }
}
