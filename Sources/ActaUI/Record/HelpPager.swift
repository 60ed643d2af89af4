/// The help overlay: the key table's lines, scrolled.
public struct HelpPager: Sendable, Hashable {
    public private(set) var scroll: Int

    public init(scroll: Int = 0) { self.scroll = scroll }

    /// Scrolls on ↑↓; false when the key closes help.
    public mutating func handle(_ key: Key, keyMap: KeyMap) -> Bool {
        switch keyMap.command(for: key, in: [.help]) {
        case .back?: return false
        case .moveDown?: scroll += 1
        case .moveUp?: scroll = max(0, scroll - 1)
        default: break
        }
        return true
    }
}
