import ActaCore

/// The list of speakers of the current item, as the secretary works it: put people on the
/// list (Tab completes from the seats and their delegates), give the floor to the next with
/// one key, end a turn, write a one-line summary of an intervention, withdraw someone waiting.
/// Rows are the interventions, then those waiting.
public struct SpeakersPanel: Sendable, Hashable {
    public enum Typing: Sendable, Hashable {
        case name
        /// The summary of the intervention at this index (from 0).
        case summary(Int)
    }

    public enum Outcome: Sendable, Hashable {
        case stay
        case close
        case record(SessionEventKind)
        /// Said on the message line, nothing recorded.
        case refused(LocalizedText)
        case cancelledTyping
        /// A command of the whole screen (undo, quit…), handled by the screen.
        case screenCommand
    }

    public let item: Int
    public private(set) var selection: Int
    public var field: TextField?
    public private(set) var typing: Typing?
    /// What was typed before Tab started cycling through completions, and which one is shown.
    private struct Completion: Sendable, Hashable {
        var typed: String
        var index: Int
    }
    private var completion: Completion?

    public init(item: Int, list: SpeakersList?) {
        self.item = item
        let list = list ?? SpeakersList()
        // The turn in progress, else the first one waiting, else the last intervention.
        selection = list.current != nil ? list.interventions.count - 1 : (list.queue.isEmpty ? max(0, list.interventions.count - 1) : list.interventions.count)
    }

    public var contexts: [KeyContext] { field == nil ? [.speakers, .global] : [.form, .text] }

    /// Opens the name field.
    public mutating func startAdding() {
        typing = .name
        field = TextField()
        completion = nil
    }

    /// Text typed before a crash, given back into its field.
    public mutating func resume(_ typing: Typing, text: String) {
        self.typing = typing
        field = TextField(text)
        if case .summary(let index) = typing { selection = index }
    }

    public mutating func handle(_ key: Key, list: SpeakersList?, candidates: [SpeakerCandidate], keyMap: KeyMap) -> Outcome {
        let list = list ?? SpeakersList()
        let rows = list.interventions.count + list.queue.count
        if var text = field, let typing {
            switch keyMap.command(for: key, in: [.form]) {
            case .cancel?:
                close()
                return .cancelledTyping
            case .complete? where typing == .name:
                let base = completion?.typed ?? text.text
                let found = SpeakerCandidate.matches(base, in: candidates)
                guard !found.isEmpty else { return .stay }
                let index = completion.map { ($0.index + 1) % found.count } ?? 0
                completion = Completion(typed: base, index: index)
                text.set(found[index].label)
                field = text
                return .stay
            case .accept?:
                close()
                switch typing {
                case .name:
                    guard let speaker = SpeakerCandidate.speaker(for: text.text, in: candidates) else { return .cancelledTyping }
                    selection = list.interventions.count + list.queue.count
                    return .record(.speakerQueued(item: item, speaker: speaker))
                case .summary(let index):
                    let summary = text.text.trimmingSpaces()
                    guard index < list.interventions.count, summary != list.interventions[index].summary else { return .cancelledTyping }
                    return .record(.interventionSummarized(item: item, index: index + 1, summary: summary))
                }
            default:
                _ = text.handle(key)
                completion = nil
                field = text
                return .stay
            }
        }
        switch keyMap.command(for: key, in: [.speakers, .global]) {
        case .moveDown?: selection = min(selection + 1, max(0, rows - 1))
        case .moveUp?: selection = max(0, selection - 1)
        case .queueSpeaker?: startAdding()
        case .giveFloor?:
            guard !list.queue.isEmpty else {
                return .refused(LocalizedText(es: "Nadie espera la palabra: «a» añade a alguien a la lista.",
                                              en: "No one is waiting for the floor: “a” adds someone to the list."))
            }
            selection = list.interventions.count
            return .record(.floorGiven(item: item))
        case .endFloor?:
            guard list.current != nil else {
                return .refused(LocalizedText(es: "Nadie tiene la palabra ahora.", en: "No one has the floor now."))
            }
            return .record(.floorEnded(item: item))
        case .summarize?:
            guard selection < list.interventions.count else {
                return .refused(LocalizedText(es: "Elija una intervención (↑↓) para resumirla.", en: "Choose an intervention (↑↓) to summarise it."))
            }
            typing = .summary(selection)
            field = TextField(list.interventions[selection].summary, selected: true)
        case .withdrawSpeaker?:
            let position = selection - list.interventions.count + 1
            guard position >= 1, position <= list.queue.count else {
                return .refused(LocalizedText(es: "Elija a alguien en espera (↑↓) para quitarlo de la lista.",
                                              en: "Choose someone waiting (↑↓) to take them off the list."))
            }
            selection = max(0, min(selection, rows - 2))
            return .record(.speakerWithdrawn(item: item, position: position))
        case .back?: return .close
        case nil: break
        default: return .screenCommand
        }
        return .stay
    }

    private mutating func close() {
        field = nil
        typing = nil
        completion = nil
    }
}
