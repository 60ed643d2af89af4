import ActaCore
import Synchronization

/// Names the content of a model's session and pending changes. Every change takes a new one
/// from a single counter for the whole process, so two models — or two copies of one that went
/// different ways — never share a token: equal tokens mean equal content.
enum ContentToken {
    private static let counter = Atomic<UInt64>(0)
    static func next() -> UInt64 { counter.wrappingAdd(1, ordering: .relaxed).newValue }
}

/// The right pane's lines with where the focus is, so scrolling need not search them again.
struct DetailLayout: Sendable {
    let lines: [PaneLine]
    /// First and last line holding the focus (a field's cursor, the selected acuerdo).
    let focus: ClosedRange<Int>?

    init(_ lines: [PaneLine]) {
        self.lines = lines
        if let first = lines.firstIndex(where: \.isFocus), let last = lines.lastIndex(where: \.isFocus) {
            focus = first...last
        } else {
            focus = nil
        }
    }
}

/// Memos of the record screen's costly parts (the right pane's layout, the hint bar), each
/// keyed by every input its function reads, so a hit is exactly what a fresh render would give
/// (RenderMemoTests checks that against fresh renders after random keys and clock ticks).
/// Shared by copies of a model: keys hold the content token, never a position in time.
final class RenderMemo: Sendable {
    /// Everything `DetailPane.lines` reads besides the model's fixed parts (archive, name).
    struct DetailKey: Equatable {
        let content: UInt64
        let row: TreeRow
        let mode: RecordModel.Mode
        let pane: RecordModel.Pane
        let actionSelection: Int
        let width: Int
        let height: Int
        let language: Language
        /// The clock, only when the pane shows one running (the item's or a speaker's time).
        let now: Timestamp?
    }

    /// The right pane as drawn: its lines, and the first shown.
    struct PaneKey: Equatable {
        let detail: DetailKey
        let first: Int
    }

    /// A part of the right pane that keys typed into a field do not change.
    struct BlockKey: Equatable {
        enum Part: Equatable {
            case notes(item: Int)
            case actionItems(item: Int, pane: RecordModel.Pane, selection: Int)
        }
        let content: UInt64
        let part: Part
        let width: Int
        let height: Int
        let language: Language
    }

    /// Everything a whole frame reads but the clock; `clock` is the time only when something
    /// below the top bar shows it running.
    struct FrameKey: Equatable {
        let content: UInt64
        let width: Int
        let height: Int
        let navigator: AgendaNavigator
        let mode: RecordModel.Mode
        let message: RecordModel.StatusMessage?
        let lastWriteError: String?
        let searchHistory: [String]
        let language: Language
        let clock: Timestamp?
    }

    /// Everything `KeyMap.drawHints` reads.
    struct HintKey: Equatable {
        let contexts: [KeyContext]
        let language: Language
        let leading: String?
        let inapplicable: Set<Command>
        let width: Int
    }

    /// Everything the top bar reads, its clock text already made (it changes each second).
    struct TopBarKey: Equatable {
        let content: UInt64
        let clock: String
        let overdue: Bool
        let width: Int
        let language: Language
    }

    /// The top bar's title, cut to the room the clocks leave it.
    struct TitleKey: Equatable {
        let content: UInt64
        let room: Int
        let language: Language
    }

    /// Everything one agenda row reads: the row, the session's content, the pane's width, and
    /// how the selection paints it (nil: not selected).
    struct AgendaRowKey: Hashable {
        let content: UInt64
        let row: TreeRow
        let width: Int
        let language: Language
        let highlight: Role?
    }

    private struct State {
        /// The last few of each, newest last: moving back and forth between items reuses them.
        var details = Recent<DetailKey, DetailLayout>(capacity: 4)
        var blocks = Recent<BlockKey, [PaneLine]>(capacity: 4)
        var panes = Recent<PaneKey, Screen>(capacity: 4)
        /// The last frames: when only the clock moved, or a move comes back to where it was,
        /// only the top bar is made again.
        var frame = Recent<FrameKey, Screen>(capacity: 4)
        var hints = Recent<HintKey, [Cell]>(capacity: 4)
        var topBar = Recent<TopBarKey, [Cell]>(capacity: 2)
        var titles = Recent<TitleKey, String>(capacity: 2)
        /// Rows of the agenda as drawn; emptied when it grows past a few screens (old content).
        var agendaRows: [AgendaRowKey: [Cell]] = [:]
    }

    private let state = Mutex(State())

    // Each value is made outside the lock: making it may read another memo.

    /// One look-up for every memo kept in a `Recent`: the value is made outside the lock.
    private func recent<Key: Sendable, Value: Sendable>(_ memo: WritableKeyPath<State, Recent<Key, Value>> & Sendable, _ key: Key,
                                    _ make: () -> Value) -> Value {
        if let hit = state.withLock({ $0[keyPath: memo].take(key) }) { return hit }
        let value = make()
        state.withLock { $0[keyPath: memo].put(key, value) }
        return value
    }

    func detailLayout(_ key: DetailKey, _ make: () -> [PaneLine]) -> DetailLayout {
        recent(\.details, key) { DetailLayout(make()) }
    }

    func block(_ key: BlockKey, _ make: () -> [PaneLine]) -> [PaneLine] { recent(\.blocks, key, make) }

    func pane(_ key: PaneKey, _ make: () -> Screen) -> Screen { recent(\.panes, key, make) }

    func frame(_ key: FrameKey, _ make: () -> Screen) -> Screen { recent(\.frame, key, make) }

    func hintRow(_ key: HintKey, _ make: () -> [Cell]) -> [Cell] { recent(\.hints, key, make) }

    func topBar(_ key: TopBarKey, _ make: () -> [Cell]) -> [Cell] { recent(\.topBar, key, make) }

    func title(_ key: TitleKey, _ make: () -> String) -> String { recent(\.titles, key, make) }

    func agendaRow(_ key: AgendaRowKey, _ make: () -> [Cell]) -> [Cell] {
        if let hit = state.withLock({ $0.agendaRows[key] }) { return hit }
        let cells = make()
        state.withLock { s in
            if s.agendaRows.count >= 512 { s.agendaRows.removeAll(keepingCapacity: true) }
            s.agendaRows[key] = cells
        }
        return cells
    }
}

/// The last few values made, looked up by equality of their keys (a handful: a linear search).
struct Recent<Key: Equatable, Value> {
    let capacity: Int
    private var entries: [(key: Key, value: Value)] = []

    init(capacity: Int) { self.capacity = capacity }

    /// The value for `key`, now the newest.
    mutating func take(_ key: Key) -> Value? {
        guard let i = entries.lastIndex(where: { $0.key == key }) else { return nil }
        let entry = entries.remove(at: i)
        entries.append(entry)
        return entry.value
    }

    mutating func put(_ key: Key, _ value: Value) {
        entries.append((key, value))
        if entries.count > capacity { entries.removeFirst() }
    }
}
