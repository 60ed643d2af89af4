/// The events of a session restored from a snapshot that come before the snapshot's position:
/// read only when something needs them (a re-fold, an event looked up there), once.
public protocol EarlierEvents: Sendable {
    /// How many events there are, known without reading them (once read, how many were read:
    /// a journal changed in place under a running acta may hold others).
    var count: Int { get }
    /// All of them, oldest first; the same each time.
    func events() -> [SessionEvent]
}

/// A session's events in journal order: those a snapshot covers (read lazily) followed by those
/// applied since, so a long journal opened from a snapshot needs none of its early events in memory.
public struct SessionEventLog: RandomAccessCollection, Sendable {
    var earlier: (any EarlierEvents)?
    var recent: [SessionEvent]

    init(_ events: [SessionEvent]) {
        earlier = nil
        recent = events
    }

    init(earlier: any EarlierEvents) {
        self.earlier = earlier
        recent = []
    }

    private var earlierCount: Int { earlier?.count ?? 0 }

    public var startIndex: Int { 0 }
    public var endIndex: Int { earlierCount + recent.count }

    public subscript(position: Int) -> SessionEvent {
        let earlierCount = earlierCount
        if position >= earlierCount { return recent[position - earlierCount] }
        return earlier!.events()[position]
    }

    mutating func append(_ event: SessionEvent) { recent.append(event) }

    /// Whether every event is in memory (nothing still to read).
    var isLoaded: Bool { earlier == nil }

    /// Reads the earlier events into memory, so a re-fold walks a plain array.
    mutating func load() {
        guard let earlier else { return }
        recent = earlier.events() + recent
        self.earlier = nil
    }

    /// The events applied since the snapshot (all of them when there is none).
    var sinceEarlier: ArraySlice<SessionEvent> { recent[...] }
}

extension SessionEventLog: Equatable {
    public static func == (a: SessionEventLog, b: SessionEventLog) -> Bool { a.elementsEqual(b) }
}
