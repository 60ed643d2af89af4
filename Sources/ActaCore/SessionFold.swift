/// Facts about a session's events that callers need without walking them (a journal may hold
/// 100,000): kept as events are appended.
struct EventMarks: Sendable, Hashable {
    var lastSeq: Int?
    var firstAt: Timestamp?
    var lastAt: Timestamp?
    /// First and last event that is not a time correction (corrections may be typed days later).
    var firstHeldAt: Timestamp?
    var lastHeldAt: Timestamp?
    var lastRecorder: String?

    mutating func note(_ event: SessionEvent) {
        lastSeq = event.seq
        if firstAt == nil { firstAt = event.at }
        lastAt = event.at
        if case .timeCorrected = event.kind {} else {
            if firstHeldAt == nil { firstHeldAt = event.at }
            lastHeldAt = event.at
        }
        if let recorder = event.recorder { lastRecorder = recorder }
    }
}

/// A standing content event and how to take it back.
struct FoldStep: Sendable {
    let seq: Int
    let reversal: Reversal
}

/// What applying one content event changed, so undoing it restores exactly the state before
/// (previous values, not copies of whole collections: a copy would make the next change copy them).
enum Reversal: Sendable {
    /// The event could not apply: it only added a problem.
    case problem
    /// The event changed nothing (an edit of an acuerdo that is not there).
    case nothing
    case attendance(seat: String, previous: Attendance?)
    /// Ended the running spans and turns of `endedSpans`/`endedTurns`, then opened a span in `item`.
    case started(item: Int, endedSpans: [Int], endedTurns: [Int], opening: SpanOpening)
    case ended(item: Int, endedSpan: Bool, endedTurn: Bool)
    indirect case report(MilestoneKey, previous: MilestoneReport?)
    case note(item: Int, createdList: Bool)
    case actionItemAdded
    indirect case actionItemEdited(index: Int, previous: ActionItem)
    case actionItemClosure(index: Int, previous: Bool)
    case carriedClosure(ActionItemRef, previous: Bool?)
    case nextSession(previous: NextSession?)
    case corrected(item: Int?, boundary: TimeBoundary, previous: Timestamp?, createdTiming: Bool)
    case speakerQueued(item: Int, createdList: Bool)
    case speakerWithdrawn(item: Int, position: Int, speaker: Speaker)
    case floorGiven(item: Int, endedTurns: [Int], gave: Bool)
    case floorEnded(item: Int, endedTurn: Bool)
    case summarized(item: Int, index: Int, previous: String)

    enum SpanOpening: Sendable { case none, appended, createdTiming }
}

extension Session {
    /// Folds every event again: which content events stand after every undo and redo (in the
    /// order undo and redo leave them), then the standing ones applied in journal order.
    mutating func refold() {
        events.load()
        var doneList: [Int] = []
        var redo: [Int] = []
        var inactive = Set<Int>()
        var controlProblems: [SessionProblem] = []
        for event in events {
            switch event.kind {
            case .undone(let seq):
                if let i = doneList.lastIndex(of: seq) {
                    doneList.remove(at: i); redo.append(seq); inactive.insert(seq)
                } else {
                    controlProblems.append(SessionProblem(seq: event.seq, message: Self.cannotUndo(seq)))
                }
            case .redone(let seq):
                if let i = redo.lastIndex(of: seq) {
                    redo.remove(at: i); doneList.append(seq); inactive.remove(seq)
                } else {
                    controlProblems.append(SessionProblem(seq: event.seq, message: Self.cannotRedo(seq)))
                }
            default:
                doneList.append(event.seq)
                redo.removeAll()
            }
        }
        done = doneList
        redoStack = redo
        problems = controlProblems
        controlProblemCount = controlProblems.count
        refoldStanding { !inactive.contains($0) }
    }

    /// Applies the standing content events in journal order, from nothing. With sequence numbers
    /// in order, the standing ones are exactly those in `done`.
    mutating func refoldStanding() {
        let standing = Set(done)
        refoldStanding { standing.contains($0) }
    }

    private mutating func refoldStanding(standing: (Int) -> Bool) {
        events.load()
        baseTopSeq = Int.min
        attendance = [:]; timings = [:]; reports = [:]; notes = [:]; actionItems = []
        carriedClosures = [:]; nextSession = nil; speakers = [:]; correctedStart = nil; correctedEnd = nil
        problems.removeSubrange(controlProblemCount...)
        steps = []
        for event in events where standing(event.seq) {
            switch event.kind {
            case .undone, .redone: continue
            default: applyStep(event)
            }
        }
        let failed = Set(problems.map(\.seq))
        undoStack = done.filter { !failed.contains($0) }
    }

    static func cannotUndo(_ seq: Int) -> LocalizedText {
        LocalizedText(es: "no se puede deshacer el evento \(seq): no existe o ya está deshecho",
                      en: "cannot undo event \(seq): it does not exist or is already undone")
    }

    static func cannotRedo(_ seq: Int) -> LocalizedText {
        LocalizedText(es: "no se puede rehacer el evento \(seq): no está deshecho",
                      en: "cannot redo event \(seq): it is not undone")
    }

    /// A control problem goes after the others of its kind and before the content problems.
    private mutating func addControlProblem(_ problem: SessionProblem) {
        problems.insert(problem, at: controlProblemCount)
        controlProblemCount += 1
    }

    mutating func undo(_ seq: Int, by event: SessionEvent) {
        // The latest change is the last in `done`: no search through a long session.
        guard let i = done.last == seq ? done.endIndex - 1 : done.lastIndex(of: seq) else {
            addControlProblem(SessionProblem(seq: event.seq, message: Self.cannotUndo(seq)))
            return
        }
        done.remove(at: i)
        redoStack.append(seq)
        guard let top = steps.last, top.seq == seq else {
            refoldStanding()
            return
        }
        steps.removeLast()
        takeBack(top.reversal)
        if case .problem = top.reversal { return }
        if let j = undoStack.lastIndex(of: seq) { undoStack.remove(at: j) }
    }

    mutating func redo(_ seq: Int, by event: SessionEvent) {
        guard let i = redoStack.lastIndex(of: seq) else {
            addControlProblem(SessionProblem(seq: event.seq, message: Self.cannotRedo(seq)))
            return
        }
        redoStack.remove(at: i)
        done.append(seq)
        // Onto the end of the standing events it applies as it did; under a later one, the
        // events after it may now read differently, so they are folded again.
        guard seq > steps.last?.seq ?? baseTopSeq, let target = self.event(seq: seq) else {
            refoldStanding()
            return
        }
        if applyStep(target) { undoStack.append(seq) }
    }

    /// Applies one content event on top of the standing ones; false when it could not apply.
    @discardableResult
    mutating func applyStep(_ event: SessionEvent) -> Bool {
        if let problem = problem(with: event.kind) {
            problems.append(SessionProblem(seq: event.seq, message: problem))
            steps.append(FoldStep(seq: event.seq, reversal: .problem))
            return false
        }
        steps.append(FoldStep(seq: event.seq, reversal: perform(event)))
        return true
    }

    private mutating func perform(_ event: SessionEvent) -> Reversal {
        switch event.kind {
        case .attendanceMarked(let seat, let present, let delegate):
            let previous = attendance.updateValue(Attendance(present: present, delegate: delegate), forKey: seat)
            return .attendance(seat: seat, previous: previous)
        case .itemStarted(let item):
            // Starting an item ends whichever one was running, and a turn at the floor in it.
            var endedSpans: [Int] = [], endedTurns: [Int] = []
            for (number, timing) in timings where timing.isRunning && number != item {
                timings[number]?.spans[timing.spans.count - 1].end = event.at
                endedSpans.append(number)
                if endTurn(in: number, at: event.at) { endedTurns.append(number) }
            }
            var opening = Reversal.SpanOpening.none
            if timings[item]?.isRunning != true {
                opening = timings[item] == nil ? .createdTiming : .appended
                timings[item, default: ItemTiming()].spans.append(.init(start: event.at, end: nil))
            }
            return .started(item: item, endedSpans: endedSpans, endedTurns: endedTurns, opening: opening)
        case .itemEnded(let item):
            var endedSpan = false
            if let timing = timings[item], timing.isRunning {
                timings[item]?.spans[timing.spans.count - 1].end = event.at
                endedSpan = true
            }
            return .ended(item: item, endedSpan: endedSpan, endedTurn: endTurn(in: item, at: event.at))
        case .milestoneReported(let report):
            return .report(report.key, previous: reports.updateValue(report, forKey: report.key))
        case .noteAdded(let item, let text):
            let created = notes[item] == nil
            notes[item, default: []].append(text)
            return .note(item: item, createdList: created)
        case .actionItemAdded(let item):
            actionItems.append(item)
            return .actionItemAdded
        case .actionItemEdited(let number, let changes):
            guard let i = actionItems.firstIndex(where: { $0.number == number }) else { return .nothing }
            let previous = actionItems[i]
            if let kind = changes.kind { actionItems[i].kind = kind }
            if let text = changes.text { actionItems[i].text = text }
            if let responsible = changes.responsible { actionItems[i].responsible = responsible }
            if let due = changes.due { actionItems[i].due = due }
            return .actionItemEdited(index: i, previous: previous)
        case .actionItemClosed(let number, let session), .actionItemReopened(let number, let session):
            let closed: Bool
            if case .actionItemClosed = event.kind { closed = true } else { closed = false }
            if let session {
                let ref = ActionItemRef(session: session, number: number)
                return .carriedClosure(ref, previous: carriedClosures.updateValue(closed, forKey: ref))
            }
            guard let i = actionItems.firstIndex(where: { $0.number == number }) else { return .nothing }
            let previous = actionItems[i].closed
            actionItems[i].closed = closed
            return .actionItemClosure(index: i, previous: previous)
        case .nextSessionSet(let date, let note):
            let previous = nextSession
            nextSession = NextSession(date: date, note: note)
            return .nextSession(previous: previous)
        case .timeCorrected(let item, let boundary, let time):
            let created = item.map { timings[$0] == nil } ?? false
            let previous: Timestamp?
            switch (item, boundary) {
            case (let n?, .start):
                previous = timings[n]?.correctedStart
                timings[n, default: ItemTiming()].correctedStart = time
            case (let n?, .end):
                previous = timings[n]?.correctedEnd
                timings[n, default: ItemTiming()].correctedEnd = time
            case (nil, .start):
                previous = correctedStart
                correctedStart = time
            case (nil, .end):
                previous = correctedEnd
                correctedEnd = time
            }
            return .corrected(item: item, boundary: boundary, previous: previous, createdTiming: created)
        case .speakerQueued(let item, let speaker):
            let created = speakers[item] == nil
            speakers[item, default: SpeakersList()].queue.append(speaker)
            return .speakerQueued(item: item, createdList: created)
        case .speakerWithdrawn(let item, let position):
            guard let speaker = speakers[item]?.queue.remove(at: position - 1) else { return .nothing }
            return .speakerWithdrawn(item: item, position: position, speaker: speaker)
        case .floorGiven(let item):
            // One speaker at a time in the whole mesa.
            let endedTurns = speakers.keys.filter { endTurn(in: $0, at: event.at) }
            guard let next = speakers[item]?.queue.first else { return .floorGiven(item: item, endedTurns: endedTurns, gave: false) }
            speakers[item]?.queue.removeFirst()
            speakers[item]?.interventions.append(Intervention(speaker: next, start: event.at, end: nil))
            return .floorGiven(item: item, endedTurns: endedTurns, gave: true)
        case .floorEnded(let item):
            return .floorEnded(item: item, endedTurn: endTurn(in: item, at: event.at))
        case .interventionSummarized(let item, let index, let summary):
            guard let previous = speakers[item]?.interventions[index - 1].summary else { return .nothing }
            speakers[item]?.interventions[index - 1].summary = summary
            return .summarized(item: item, index: index, previous: previous)
        case .undone, .redone:
            return .nothing
        }
    }

    /// Restores the state from before the step, in the reverse order of `perform`.
    private mutating func takeBack(_ reversal: Reversal) {
        switch reversal {
        case .problem:
            problems.removeLast()
        case .nothing:
            break
        case .attendance(let seat, let previous):
            attendance[seat] = previous
        case .started(let item, let endedSpans, let endedTurns, let opening):
            switch opening {
            case .none: break
            case .appended: timings[item]?.spans.removeLast()
            case .createdTiming: timings[item] = nil
            }
            for number in endedTurns { reopenTurn(in: number) }
            for number in endedSpans { reopenSpan(in: number) }
        case .ended(let item, let endedSpan, let endedTurn):
            if endedTurn { reopenTurn(in: item) }
            if endedSpan { reopenSpan(in: item) }
        case .report(let key, let previous):
            reports[key] = previous
        case .note(let item, let createdList):
            if createdList { notes[item] = nil } else { notes[item]?.removeLast() }
        case .actionItemAdded:
            actionItems.removeLast()
        case .actionItemEdited(let index, let previous):
            actionItems[index] = previous
        case .actionItemClosure(let index, let previous):
            actionItems[index].closed = previous
        case .carriedClosure(let ref, let previous):
            carriedClosures[ref] = previous
        case .nextSession(let previous):
            nextSession = previous
        case .corrected(let item, let boundary, let previous, let createdTiming):
            switch (item, boundary) {
            case (let n?, _) where createdTiming: timings[n] = nil
            case (let n?, .start): timings[n]?.correctedStart = previous
            case (let n?, .end): timings[n]?.correctedEnd = previous
            case (nil, .start): correctedStart = previous
            case (nil, .end): correctedEnd = previous
            }
        case .speakerQueued(let item, let createdList):
            if createdList { speakers[item] = nil } else { speakers[item]?.queue.removeLast() }
        case .speakerWithdrawn(let item, let position, let speaker):
            speakers[item]?.queue.insert(speaker, at: position - 1)
        case .floorGiven(let item, let endedTurns, let gave):
            if gave, let turn = speakers[item]?.interventions.removeLast() {
                speakers[item]?.queue.insert(turn.speaker, at: 0)
            }
            for number in endedTurns { reopenTurn(in: number) }
        case .floorEnded(let item, let endedTurn):
            if endedTurn { reopenTurn(in: item) }
        case .summarized(let item, let index, let previous):
            speakers[item]?.interventions[index - 1].summary = previous
        }
    }

    /// Ends the turn in progress in `item`; false when there was none.
    private mutating func endTurn(in item: Int, at time: Timestamp) -> Bool {
        guard let last = speakers[item]?.interventions.indices.last, speakers[item]?.interventions[last].end == nil else { return false }
        speakers[item]?.interventions[last].end = time
        return true
    }

    private mutating func reopenTurn(in item: Int) {
        guard let last = speakers[item]?.interventions.indices.last else { return }
        speakers[item]?.interventions[last].end = nil
    }

    private mutating func reopenSpan(in item: Int) {
        guard let last = timings[item]?.spans.indices.last else { return }
        timings[item]?.spans[last].end = nil
    }
}
