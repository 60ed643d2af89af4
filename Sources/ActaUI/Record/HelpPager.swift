/// The help overlay: the key table's lines, scrolled a line or a page at a time.
public struct HelpPager: Sendable, Hashable {
    public private(set) var scroll: Int

    public init(scroll: Int = 0) { self.scroll = scroll }

    /// Scrolls on ↑↓ and the page keys, never past `lastStart`; false when the key closes help.
    public mutating func handle(_ key: Key, keyMap: KeyMap, page: Int, lastStart: Int) -> Bool {
        switch keyMap.command(for: key, in: [.help]) {
        case .back?: return false
        case .moveDown?: scroll += 1
        case .moveUp?: scroll -= 1
        case .pageDown?: scroll += max(1, page - 1)
        case .pageUp?: scroll -= max(1, page - 1)
        default: break
        }
        scroll = max(0, min(scroll, lastStart))
        return true
    }
}
