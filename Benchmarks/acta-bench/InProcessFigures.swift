// Figures measured inside one process, printed as "name<TAB>milliseconds" for scripts/bench.
import ActaCore
import ActaFormats
import ActaStore
import ActaUI
import Foundation

enum InProcessFigures {
    /// Median of `runs` timings of `body`, in milliseconds.
    static func median(runs: Int, _ body: () -> Void) -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        times.sort()
        return times[times.count / 2]
    }

    static func emit(_ name: String, _ value: Double) {
        print("\(name)\t\(String(format: "%.3f", value))")
    }

    static func run(out: String, sizes: [Int], keys: Int) {
        let now = Timestamp(iso: "2023-10-18T12:00:00-06:00")!
        var largest: Session?
        for n in sizes {
            // Loaded as `acta record` loads it: from a journal snapshot when one is kept (in $XDG_CACHE_HOME).
            let dir = SessionsDirectory(root: "\(out)/j\(n)").caching(JournalSnapshots(environment: ProcessInfo.processInfo.environment))
            var loaded = dir.load("2023-10-18-larga")
            emit("load_\(n)", median(runs: n >= 100_000 ? 3 : 7) { loaded = dir.load("2023-10-18-larga") })
            guard let session = loaded.session else { print("cannot load j\(n): \(loaded.diagnostics.first?.formatted(.en) ?? "")"); exit(1) }
            largest = session
            let archive = MesaArchive([NamedSession(name: loaded.name, session: session)])
            var model = RecordModel(session: session, name: loaded.name, archive: archive, language: .es, now: now,
                                    width: 120, height: 40)
            // Undo then redo, each written and drawn, as the record loop does.
            var toggle = false
            emit("undo_\(n)", median(runs: 21) {
                toggle.toggle()
                _ = model.update(.key(.character(toggle ? "u" : "U")))
                while let event = model.nextPendingEvent(at: now) { model.recorded(event) }
                _ = RecordView.render(model)
            })
            // j/k on the first free item, which holds most of the notes.
            _ = model.update(.key(.character("g")))
            toggle = false
            emit("jk_\(n)", median(runs: 41) {
                toggle.toggle()
                _ = model.update(.key(.character(toggle ? "j" : "k")))
                _ = RecordView.render(model)
            })
        }
        if let session = largest {
            let named = NamedSession(name: "2023-10-18-larga", session: session)
            let archive = MesaArchive([named])
            var lines = DocumentLayout.lines(MinutesWriter(session: named, archive: archive, language: .es).document(), width: 118)
            while lines.count < 5000 { lines += lines }
            lines = Array(lines.prefix(5000))
            var screen = Screen(width: 120, height: 40)
            emit("pager_search_5000", median(runs: 7) {
                var pager = Pager(lines: lines)
                pager.search("capacitación", height: 37)
                pager.render(into: &screen, row: 1, column: 1, width: 118, height: 37)
            })
        }
        floorBytes(out: out, moves: keys)
    }

    /// The bytes a perfect terminal writer needs for one j/k on the record screen (80×24) of
    /// the newest mesa session, from where it opens (as the pty figure does): each changed cell's UTF-8, a cursor move per run of changed
    /// cells, and an attribute change where the role changes inside a run. Averaged over the
    /// same keys the pty figure types (`moves`): the first j's change nothing where the screen
    /// opens, and averaging them over fewer keys than the pty figure made the floor too low.
    static func floorBytes(out: String, moves: Int) {
        let dir = SessionsDirectory(root: "\(out)/mesa")
        guard let name = dir.sessionNames().last, let session = dir.load(name).session else { return }
        let archive = MesaArchive([NamedSession(name: name, session: session)])
        var model = RecordModel(session: session, name: name, archive: archive, language: .es,
                                now: session.lastEventAt ?? Timestamp(epochSeconds: 0, offsetMinutes: -360), width: 80, height: 24)
        var total = 0
        var previous = RecordView.render(model)
        for i in 0..<moves {
            _ = model.update(.key(.character(i % 4 < 2 ? "j" : "k")))
            let next = RecordView.render(model)
            total += difference(previous, next)
            previous = next
        }
        emit("floor_bytes_jk", Double(total) / Double(moves))
    }

    static func difference(_ a: Screen, _ b: Screen) -> Int {
        var bytes = 0
        for row in 0..<a.height {
            var inRun = false
            var role: Role?
            for x in 0..<a.width {
                let old = a[row, x], new = b[row, x]
                guard old != new else { inRun = false; continue }
                if !inRun { bytes += 6 + (row >= 9 ? 1 : 0) + (x >= 9 ? 1 : 0); inRun = true }
                if new.role != role { bytes += 4; role = new.role }
                if !new.isContinuation { bytes += String(new.character).utf8.count }
            }
        }
        return bytes
    }
}
