import ActaCore
import ActaFormats
import ActaStore
import ActaTerminal
import ActaUI
import ArgumentParser
import Foundation

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Graba una sesión en vivo / Records a session live (pantalla de terminal).",
        discussion: HelpExamples.discussion("""
        Cada cambio se escribe en journal.jsonl (con fsync) antes de mostrarse como guardado. ? muestra todas las teclas; q sale y regenera el acta.
        Códigos: 0 bien; 65 archivos con errores; 73 la sesión no se puede bloquear; 75 otra grabación la tiene abierta; 128+señal si una señal la detuvo.
        """, [
            ("acta record 2023-03-29-primera-mesa", "abre la pantalla de la secretaria", "opens the secretary's screen"),
            ("acta record 2023-03-29-primera-mesa --lang en", "en inglés", "in English"),
        ]))

    @OptionGroup var common: CommonOptions

    @Argument(help: "Sesión (carpeta o ruta) / Session (folder or path).", completion: Completion.sessions)
    var session: String

    @Flag(name: .customLong("take-over"), help: "Seguir grabando una sesión que empezó otro equipo / Continue a session another computer started recording.")
    var takeOver = false

    @Flag(name: .customLong("no-clock"), help: "Grabar después, desde notas en papel: ningún reloj corre; las horas se escriben (T) / Record after the fact, from paper notes: no clock runs; times are typed (T).")
    var noClock = false

    func run() throws { try run(guide: nil) }

    /// `acta demo` records with its first-run guide over the screen.
    func run(guide: FirstRunGuide?) throws {
        let language = common.language
        let t = { (es: String, en: String) in language == .es ? es : en }
        let location = common.location
        let dir = location.directory
        try requireSessionsFolder(location, language)
        let name = try common.session(session, in: dir) { common.command("record", $0) }
        // The session's files are checked before the screen opens.
        let loaded = dir.load(name)
        report(loaded.diagnostics, language)
        guard let current = loaded.session else {
            NextStep.print(language, es: "\(loaded.folder): corrija los errores antes de grabar; para verlos con su archivo y línea:",
                           en: "\(loaded.folder): fix the errors before recording; to see them with their file and line:",
                           common.command("check", name))
            throw Exit.dataError
        }
        // One writer per session across machines: the journal says who has been writing it.
        let recorder = MesaSharing.recorder
        if let first = current.lastRecorder, first != recorder, !takeOver {
            printError(t("\(loaded.folder): esta sesión la graba otro equipo (\(first)); este es \(recorder). Solo un equipo graba cada sesión.",
                         "\(loaded.folder): another computer records this session (\(first)); this one is \(recorder). One computer records each session."))
            NextStep.print(language, es: "Para seguirla desde aquí:", en: "To follow it from here:", common.command("review", "--follow", name))
            NextStep.print(language, es: "Si ese equipo ya no grabará, para tomarla:", en: "If that computer will not record any more, to take it over:",
                           common.command("record", name, "--take-over"))
            throw ExitCode(75)
        }
        guard isatty(0) == 1, isatty(1) == 1 else {
            printError(t("acta record necesita un terminal interactivo.", "acta record needs an interactive terminal."))
            throw ExitCode(64)
        }
        let lock: SessionLock
        do { lock = try SessionLock(folder: loaded.folder) } catch {
            switch error {
            case .held(let pid):
                NextStep.print(language,
                               es: "\(loaded.folder): la sesión ya se está grabando (proceso \(pid.map(String.init) ?? "?")). Ciérrelo, o siga la sesión:",
                               en: "\(loaded.folder): the session is already being recorded (process \(pid.map(String.init) ?? "?")). Close it, or follow the session:",
                               common.command("review", "--follow", name))
                throw ExitCode(75)
            case .cannotCreate(let e):
                printError(e.message.text(language)); throw Exit.cantCreate
            }
        }
        let writer: JournalWriter
        do { writer = try JournalWriter(path: "\(loaded.folder)/\(SessionsDirectory.journalFile)", recorder: recorder) } catch {
            printError(error.message.text(language)); throw Exit.cantCreate
        }
        let drafts = DraftStore(folder: loaded.folder)
        // The other sessions (previous reports, carried acuerdos) come from the session index.
        let archive = IndexedArchive(dir).archive
        // Journal lines that could not be read were printed above and are skipped; the first is shown on screen too.
        let warnings = loaded.diagnostics

        CursesTerminal.installSignalHandlers()
        let terminal = CursesTerminal(environment: processEnvironment)
        do { try terminal.start() } catch {
            printError(error.message.text(language)); throw ExitCode(64)
        }
        let size = terminal.size
        let found = drafts.load(for: current)
        var model = RecordModel(session: current, name: name, archive: archive, language: language, now: Clock.now(in: current.timeZone),
                                width: size.width, height: size.height, draft: found.draft, clockless: noClock)
        if let notice = found.notice ?? warnings.first?.message {
            model.message = .init(text: ControlCharacters.visible(notice.text(language)), isError: true)
        }
        var loop = RecordLoop(model: model, terminal: terminal, writer: writer, drafts: drafts, guide: guide,
                              sessionsFolder: SessionsLocator.absolute(dir.root))
        let exitCode = loop.run()
        terminal.stop()
        withExtendedLifetime(lock) {}

        if !loop.model.pending.isEmpty {
            // Never lose what was typed: if the journal still cannot be written, print it.
            printError(t("¡ATENCIÓN! Estos cambios no se pudieron escribir en el diario; cópielos:",
                         "WARNING! These changes could not be written to the journal; copy them:"))
            var seq = loop.model.session.nextSeq
            for kind in loop.model.pending {
                printError(JournalCodec.encode(SessionEvent(seq: seq, at: Clock.now(in: current.timeZone), kind: kind)))
                seq += 1
            }
        }
        // Outputs are regenerated from what is on disk. When they cannot be, acta says so and
        // exits non-zero; the journal, already written, is intact.
        var outputFailure: Int32?
        let again: LoadedSession? = dir.load(name)
        if let again, let named = again.named {
            if again.errors.isEmpty {
                do {
                    let paths = try Exporter.export(named, archive: IndexedArchive(dir).archive, into: loaded.folder, language: language)
                    print(t("Acta regenerada: ", "Minutes regenerated: ") + paths[0])
                } catch {
                    printError(t("No se pudo escribir el acta: ", "Could not write the minutes: ") + error.message.text(language))
                    printError(t("El diario está intacto: todo lo grabado está en él. Cuando se pueda escribir (espacio, permisos), regenere el acta con: acta export \(name)",
                                 "The journal is intact: everything recorded is in it. Once writing works again (space, permissions), regenerate the minutes with: acta export \(name)"))
                    outputFailure = error.isNoSpace || error.code == EIO ? 74 : 73
                }
            } else {
                printError(t("No se regeneró el acta: el diario tiene líneas que acta no puede leer (arriba, o con acta check). Lo grabado está en el diario.",
                             "The minutes were not regenerated: the journal has lines acta cannot read (above, or with acta check). What was recorded is in the journal."))
                outputFailure = 65
            }
            MesaSharing.commitRecorded(named.session, name: name, in: dir, language: language)
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
        if let outputFailure { throw ExitCode(outputFailure) }
    }
}

/// Runs the screen: input and time in, effects performed, frames out.
struct RecordLoop {
    var model: RecordModel
    let terminal: CursesTerminal
    let writer: JournalWriter
    let drafts: DraftStore
    var guide: FirstRunGuide?
    /// Shown on the help's title row: which mesa this is, when acta found it by walking up.
    let sessionsFolder: String
    var lastFailure: Int?
    let crashKeyEnabled = processEnvironment["ACTA_DEBUG_CRASH_KEY"] == "1"

    var draftError = false

    mutating func run() -> Int32 {
        terminal.draw(frame())
        var lastSecond = -1
        while true {
            let signal = CursesTerminal.pendingSignal
            if signal != 0 {
                // Keys typed just before the signal may still wait in the terminal: they are text.
                drainInput()
                return finish(128 + signal)
            }
            var effects: [Effect] = []
            var changed = false
            if terminal.takeStopRequest() {
                suspend()
                changed = true
            }
            if terminal.takeContinued() { changed = true }
            // What a stop or a continue changed is drawn now, not after the wait for a key.
            if changed {
                terminal.draw(frame())
                changed = false
            }
            // Wait for a key until time next changes what is shown (the clock's next second, or
            // minute when no seconds are shown; no clock: until a key): nothing runs meanwhile.
            // A signal ends the wait at once (CursesTerminal.read).
            if let seconds = model.secondsUntilTimeMatters {
                let millisecond = Int(Date().timeIntervalSince1970 * 1000) % 1000
                terminal.setReadTimeout((seconds - 1) * 1000 + 1001 - millisecond)
            } else {
                terminal.setReadTimeout(-1)
            }
            if let input = terminal.read() {
                if input == .key(.function(12)) && crashKeyEnabled {
                    // Test hook (ACTA_DEBUG_CRASH_KEY=1): a Swift runtime trap, to prove the crash guard restores the terminal.
                    let values: [Int] = []
                    _ = values[Int(CursesTerminal.pendingSignal) + 1]
                }
                if input == .key(.control("c")) {
                    // Raw mode delivers Ctrl-C as a key: treat it as SIGINT.
                    return finish(130)
                }
                if case .key(let key) = input, let command = model.keyMap.command(for: key, in: [.global]),
                   command == .suspend || command == .redraw {
                    if command == .suspend { suspend() } else { terminal.invalidate() }
                    changed = true
                } else if guide?.handle(input) != true {
                    effects += model.update(input)
                }
                changed = true
            } else if terminal.inputClosed {
                return finish(128 + SIGHUP)
            }
            let now = Clock.now(in: model.session.timeZone)
            effects += model.tick(now)
            if now.epochSeconds != lastSecond { lastSecond = now.epochSeconds; changed = true }
            for effect in effects {
                switch effect {
                case .flushJournal:
                    // After a failed write, retry once a second rather than on every tick.
                    if lastFailure.map({ now.epochSeconds - $0 >= 1 }) ?? true { changed = flush() || changed }
                case .saveDraft(let draft):
                    saveDraft(draft)
                case .clearDraft:
                    drafts.clear()
                case .openEditor(let text):
                    let edited = edit(text)
                    model.editorFinished(edited)
                    changed = true
                case .quit:
                    terminal.draw(frame())
                    return finish(0)
                }
            }
            if changed { terminal.draw(frame()) }
        }
    }

    /// Every way out: what is being typed goes to the draft (offered back next time), then the
    /// pending changes to the journal.
    mutating func finish(_ code: Int32) -> Int32 {
        if let draft = model.currentDraft, draft.holdsText { saveDraft(draft) }
        _ = flush()
        return code
    }

    /// Reads what is already waiting (at most a few thousand events) into the model.
    mutating func drainInput() {
        // Only what is already there: never wait for more.
        terminal.setReadTimeout(0)
        for _ in 0..<4096 {
            guard let input = terminal.read() else { return }
            if input == .key(.control("c")) { return }
            // A field accepted here is in `pending` now; its draft must not be offered again.
            if model.update(input).contains(.clearDraft) { drafts.clear() }
        }
    }

    /// SIGTSTP or the suspend key: the draft is saved first (a stopped process may never be
    /// continued), the terminal restored, and the whole screen drawn again after `fg`.
    mutating func suspend() {
        if let draft = model.currentDraft, draft.holdsText { saveDraft(draft) }
        terminal.suspendToShell()
        let size = terminal.size
        _ = model.update(.resize(width: size.width, height: size.height))
    }

    /// A failed draft write is said on the message line, and the message goes once a write works again.
    mutating func saveDraft(_ draft: Draft) {
        do {
            try drafts.save(draft)
            if draftError {
                draftError = false
                if model.message?.isError == true { model.message = nil }
            }
        } catch {
            draftError = true
            let reason = (error as? StoreError)?.message.text(model.language) ?? "\(error)"
            model.message = .init(text: (model.language == .es ? "No se pudo guardar el borrador: " : "Could not save the draft: ") + reason,
                                  isError: true)
        }
    }

    func frame() -> Screen {
        var screen = RecordView.render(model)
        if case .help = model.mode { drawSessionsFolder(on: &screen) }
        guide?.draw(on: &screen)
        return screen
    }

    /// "Sesiones: /path" at the right of the help's title row, cut from the left when long.
    func drawSessionsFolder(on screen: inout Screen) {
        let label = model.language == .es ? "Sesiones: " : "Sessions: "
        let room = model.width - 2 - DisplayWidth.of(model.language == .es ? "Ayuda de acta record — teclas (000–000/000)" : "acta record help — keys (000–000/000)") - 4
        guard room > DisplayWidth.of(label) + 8 else { return }
        var path = sessionsFolder
        while DisplayWidth.of(label + path) > room, !path.isEmpty { path.removeFirst() }
        if path != sessionsFolder { path = "…" + path.dropFirst() }
        let text = label + path
        screen.put(text, row: 1, column: model.width - 2 - DisplayWidth.of(text), role: .overlay)
    }

    /// Writes pending events in order; stops at the first failure and keeps the rest.
    mutating func flush() -> Bool {
        var wrote = false
        while let event = model.nextPendingEvent(at: Clock.now(in: model.session.timeZone)) {
            do {
                let torn = writer.tornLinesMovedAside
                try writer.append(event)
                model.recorded(event)
                lastFailure = nil
                wrote = true
                if writer.tornLinesMovedAside > torn {
                    model.message = .init(text: model.language == .es
                        ? "Otro programa dejó una línea a medias en el diario: se guardó aparte en journal.jsonl.torn; lo grabado está intacto."
                        : "Another program left a half-written line in the journal: it was kept aside in journal.jsonl.torn; what was recorded is intact.",
                        isError: true)
                }
            } catch {
                model.writeFailed(error.message.text(model.language))
                lastFailure = Clock.now(in: model.session.timeZone).epochSeconds
                return true
            }
        }
        return wrote
    }

    /// Edits text in $EDITOR (or vi), with the screen suspended.
    mutating func edit(_ text: String) -> String? {
        // mkstemp: a private, unpredictable file (O_EXCL), never one another user planted in /tmp.
        var template = Array((NSTemporaryDirectory() + "acta-XXXXXX.txt").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { return nil }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return nil }
        terminal.suspend()
        let editor = processEnvironment["VISUAL"] ?? processEnvironment["EDITOR"] ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "sh", path]
        var ok = false
        if (try? process.run()) != nil {
            process.waitUntilExit()
            ok = process.terminationStatus == 0
        }
        terminal.resume()
        guard ok else { return nil }
        // The editor may leave anything: a huge file or bytes that are not text. A field holds
        // at most 64 KiB of UTF-8; more is cut and said, never allowed to freeze the screen.
        guard let data = try? FileIO.read(path, limit: InputLimits.definitionFileBytes, followLinks: false) else {
            model.message = .init(text: model.language == .es ? "El texto del editor es demasiado grande o no se pudo leer; no se usó."
                                                              : "The editor's text is too large or could not be read; it was not used.", isError: true)
            return nil
        }
        var result = String(decoding: data, as: UTF8.self)
        if result.utf8.count > InputLimits.fieldBytes {
            var cut = ""
            for c in result {
                if cut.utf8.count + c.utf8.count > InputLimits.fieldBytes { break }
                cut.append(c)
            }
            result = cut
            model.message = .init(text: model.language == .es ? "El texto se cortó a 64 KiB, el máximo de un campo."
                                                              : "The text was cut to 64 KiB, the most a field holds.", isError: true)
        }
        return result
    }
}
