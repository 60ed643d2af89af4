import ActaCore
import ActaFormats
import ActaStore
import ArgumentParser
import Foundation

/// `acta correct`: the start or end of an item or of the session, typed after the fact. Each
/// correction is a journal event (`time_corrected`); the clock's times stay in the journal.
struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Corrige la hora de inicio o de fin de un punto o de la sesión / Corrects the start or end time of an item or of the session.",
        discussion: HelpExamples.discussion("""
        Las horas son las de la mesa (zona horaria de la sesión), HH:MM del día de la sesión o AAAA-MM-DD HH:MM. \
        Cada corrección queda en el diario; la hora que marcó el reloj no se borra. \
        Sin --item, corrige la sesión.
        Times are the mesa's (the session's time zone), HH:MM on the session's day or YYYY-MM-DD HH:MM. \
        Each correction is kept in the journal; the clock's time is not erased. Without --item, corrects the session.
        """, [
            ("acta correct 2023-03-29-primera-mesa --start 09:05 --end 11:40", "inicio y fin de la sesión", "start and end of the session"),
            ("acta correct 2023-03-29-primera-mesa --item 3 --start 09:40 --end 09:58", "inicio y fin del punto 3", "start and end of item 3"),
        ]))

    @OptionGroup var common: CommonOptions

    @Argument(help: "Sesión (carpeta o ruta) / Session (folder or path).", completion: Completion.sessions)
    var session: String

    @Option(help: "Número del punto de la agenda; sin él, la sesión / agenda item number; without it, the session.")
    var item: Int?

    @Option(help: "Hora de inicio / start time (HH:MM).")
    var start: String?

    @Option(help: "Hora de fin / end time (HH:MM).")
    var end: String?

    @Flag(name: .customLong("take-over"), help: "Escribir aunque otro equipo grabe la sesión / write even if another computer records the session.")
    var takeOver = false

    func validate() throws {
        guard start != nil || end != nil else {
            throw ValidationError("use --start, --end o ambos / use --start, --end or both")
        }
        for (name, value) in [("--start", start), ("--end", end)] {
            if let value, Self.wallClock(value) == nil {
                throw ValidationError("\(name): «\(value)» no es una hora; use HH:MM o AAAA-MM-DD HH:MM / “\(value)” is not a time; use HH:MM or YYYY-MM-DD HH:MM")
            }
        }
    }

    /// `HH:MM`, or a day and `HH:MM` (`2023-03-29 09:05`, `2023-03-29T09:05`).
    static func wallClock(_ text: String) -> (day: CalendarDate?, clock: ClockRangeInput.Clock)? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard (1...2).contains(parts.count), let clock = ClockRangeInput.clock(parts[parts.count - 1]) else { return nil }
        guard parts.count == 2 else { return (nil, clock) }
        return CalendarDate(iso: parts[0]).map { ($0, clock) }
    }

    func run() throws {
        let language = common.language
        let t = { (es: String, en: String) in language == .es ? es : en }
        let location = common.location
        let dir = location.directory
        try requireSessionsFolder(location, language)
        let name: String
        do { name = try dir.resolve(session) } catch {
            printError(error.message.text(language)); throw Exit.noInput
        }
        let loaded = dir.load(name)
        report(loaded.diagnostics, language)
        guard var current = loaded.session else {
            printError(t("\(loaded.folder): corrija los errores antes (acta check).", "\(loaded.folder): fix the errors first (acta check)."))
            throw Exit.dataError
        }
        let recorder = MesaSharing.recorder
        if let other = current.lastRecorder, other != recorder, !takeOver {
            printError(t("\(loaded.folder): esta sesión la graba otro equipo (\(other)); corrija desde ese equipo, o use --take-over.",
                         "\(loaded.folder): another computer records this session (\(other)); correct it from there, or use --take-over."))
            throw ExitCode(75)
        }
        let lock: SessionLock
        do { lock = try SessionLock(folder: loaded.folder) } catch {
            switch error {
            case .held(let pid):
                printError(t("\(loaded.folder): la sesión se está grabando (proceso \(pid.map(String.init) ?? "?")); corrija las horas en esa pantalla (tecla T).",
                             "\(loaded.folder): the session is being recorded (process \(pid.map(String.init) ?? "?")); correct the times on that screen (key T)."))
                throw ExitCode(75)
            case .cannotCreate(let e):
                printError(e.message.text(language)); throw Exit.cantCreate
            }
        }
        defer { withExtendedLifetime(lock) {} }
        let zone = current.timeZone
        var kinds: [SessionEventKind] = []
        for (boundary, value) in [(TimeBoundary.start, start), (.end, end)] {
            guard let value, let clock = Self.wallClock(value) else { continue }
            let time = TimeZones.timestamp(clock.day ?? current.agenda.date, hour: clock.clock.hour, minute: clock.clock.minute, in: zone)
            kinds.append(.timeCorrected(item: item, boundary: boundary, time: time))
        }
        // Both checked before anything is written: a correction is all or nothing.
        var check = current
        for kind in kinds {
            if let problem = check.problem(with: kind) {
                printError("\(loaded.folder): " + problem.text(language) + t("; no se escribió nada.", "; nothing was written."))
                throw Exit.dataError
            }
            check.apply(SessionEvent(seq: check.nextSeq, at: Clock.now(in: zone), kind: kind))
        }
        let writer: JournalWriter
        do { writer = try JournalWriter(path: "\(loaded.folder)/\(SessionsDirectory.journalFile)", recorder: recorder) } catch {
            printError(error.message.text(language)); throw Exit.cantCreate
        }
        for kind in kinds {
            let event = SessionEvent(seq: current.nextSeq, at: Clock.now(in: zone), kind: kind, recorder: recorder)
            do { try writer.append(event) } catch {
                printError(error.message.text(language)); throw Exit.ioError
            }
            current.apply(event)
            if case .timeCorrected(let n, let boundary, let time) = kind {
                let what = n.map { t("del punto \($0)", "of item \($0)") } ?? t("de la sesión", "of the session")
                let which = boundary == .start ? t("Inicio", "Start") : t("Fin", "End")
                print("\(which) \(what): \(TimeZones.local(time, in: zone).clock) (\(zone))")
            }
        }
    }
}
