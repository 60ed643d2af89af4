import ActaCore
import ActaUI
import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// The one place that talks to ncurses: start and stop, keys in, frames out.
public final class CursesTerminal {
    public struct StartError: Error {
        public let message: LocalizedText
    }

    private var screenPointer: OpaquePointer?
    /// Input read ahead (after a paste) that is still to be handled, oldest first.
    private var queued: [(status: Int32, value: wint_t)] = []
    private var decoder = KeyDecoder()
    /// The frame ncurses holds: only cells that differ from it are copied (nil: copy all).
    private var shown: Screen?
    /// How long `read` waits for input, in milliseconds.
    private var readTimeout: Int32 = 50
    /// False with NO_COLOR, or once started on a terminal without colours (vt100).
    private var colours: Bool
    public private(set) var isActive = false

    /// `NO_COLOR` set, or a terminal without colours (vt100), draws with attributes only.
    public init(environment: [String: String]) {
        colours = environment["NO_COLOR"] == nil
    }

    public func start() throws(StartError) {
        // In a non-UTF-8 locale ncursesw draws accents as garbage and loses input: fall back to C.UTF-8.
        _ = acta_setup_locale()
        // A dumb terminal cannot move the cursor: ncurses would draw a blank screen. Refuse and say what works there.
        let termName = getenv("TERM").map { String(cString: $0) } ?? ""
        if termName.isEmpty || termName == "dumb" {
            throw StartError(message: LocalizedText(
                es: "el terminal «\(termName.isEmpty ? "(sin TERM)" : termName)» no puede mostrar pantallas; use `acta list` y `acta export` (o TERM=xterm-256color)",
                en: "terminal “\(termName.isEmpty ? "(no TERM)" : termName)” cannot show screens; use `acta list` and `acta export` (or TERM=xterm-256color)"))
        }
        // newterm, unlike initscr, returns NULL on an unknown $TERM instead of exiting.
        guard let screen = acta_newterm() else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(sin TERM)"
            throw StartError(message: LocalizedText(
                es: "no se puede usar el terminal «\(term)»; pruebe TERM=xterm-256color",
                en: "cannot use terminal “\(term)”; try TERM=xterm-256color"))
        }
        screenPointer = screen
        set_term(screen)
        isActive = true
        raw()
        noecho()
        nonl()
        keypad(acta_stdscr(), true)
        set_escdelay(25)
        wtimeout(acta_stdscr(), 50)
        // No poll(2) of the keyboard between the lines of an update: a frame is a few hundred
        // bytes, always sent whole, and the loop reads every key before it draws again.
        typeahead(-1)
        // Without this, vt100 without NO_COLOR drew the selection with a colour pair that was never set up: invisible.
        colours = colours && has_colors()
        if colours {
            start_color()
            use_default_colors()
            let pairs: [(Int16, Int16, Int16)] = [
                (1, Int16(COLOR_WHITE), Int16(COLOR_BLUE)),   // title
                (2, Int16(COLOR_YELLOW), -1),                 // warning
                (3, Int16(COLOR_RED), -1),                    // error
                (4, Int16(COLOR_GREEN), -1),                  // ok / complete
                (5, Int16(COLOR_CYAN), -1),                   // key / heading
                (6, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),   // selected
                (7, Int16(COLOR_MAGENTA), -1),                // limited
                (8, Int16(COLOR_WHITE), Int16(COLOR_BLACK)),  // overlay
            ]
            for (n, fg, bg) in pairs { init_pair(n, fg, bg) }
        }
        // ncurses flushes after every cursor move (a write(2) per changed run: ~40 per frame)
        // until the screen has once left curses mode and come back; one round trip now makes
        // each frame a single write.
        def_prog_mode()
        endwin()
        doupdate()
        decoder = KeyDecoder(wordLeftCode: definedKey("kLFT5"), wordRightCode: definedKey("kRIT5"))
        // Bracketed paste: the terminal marks pasted text so it arrives whole, not as keystrokes.
        writeControl("\u{1B}[?2004h")
    }

    private func definedKey(_ name: String) -> Int32? {
        let code = key_defined(name)
        return code > 0 ? code : nil
    }

    /// The terminal went away (the SSH connection dropped, the window closed): reads would fail forever.
    public var inputClosed: Bool {
        var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, 0) >= 0 else { return false }
        return fds.revents & Int16(POLLHUP | POLLNVAL | POLLERR) != 0
    }

    public var size: (width: Int, height: Int) { (Int(acta_cols()), Int(acta_rows())) }

    /// The next input: what was read ahead first, then the terminal (with its current timeout).
    private func getWch(_ value: inout wint_t) -> Int32 {
        if !queued.isEmpty {
            let next = queued.removeFirst()
            value = next.value
            return next.status
        }
        return wget_wch(acta_stdscr(), &value)
    }

    /// Waits for input up to the read timeout in our own poll(2), then lets ncurses read it at
    /// once: ncurses restarts its own wait when a signal interrupts it, so SIGTERM or SIGHUP
    /// would wait out the whole timeout (up to a minute); ours returns and the loop sees it.
    private func waitForInput() {
        guard queued.isEmpty, readTimeout != 0 else { return }
        let win = acta_stdscr()
        // What ncurses already holds (the rest of a sequence it read) is never waited for.
        wtimeout(win, 0)
        defer { wtimeout(win, readTimeout) }
        var value: wint_t = 0
        let status = wget_wch(win, &value)
        if status != ERR {
            queued.append((status, value))
            return
        }
        var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        _ = poll(&fds, 1, readTimeout)
    }

    /// Waits up to the read timeout for input; nil on timeout (or when a signal arrived).
    public func read() -> InputEvent? {
        waitForInput()
        if queued.isEmpty { wtimeout(acta_stdscr(), 0) }
        defer { wtimeout(acta_stdscr(), readTimeout) }
        var value: wint_t = 0
        let status = getWch(&value)
        if status == ERR { return nil }
        if status == KEY_CODE_YES && Int32(value) == KEY_RESIZE {
            shown = nil
            let s = size
            return .resize(width: s.width, height: s.height)
        }
        guard let key = decoder.decode(status: status, value: UInt32(value)) else { return nil }
        if key == .escape {
            // Alt+key arrives as Esc then the key.
            wtimeout(acta_stdscr(), 0)
            defer { wtimeout(acta_stdscr(), readTimeout) }
            var next: wint_t = 0
            let s2 = getWch(&next)
            if s2 == OK && next == 0x5B, let paste = readBracketedPaste() { return .paste(paste) }
            if s2 == OK, let k = decoder.decode(status: s2, value: UInt32(next)) {
                if case .character(let c) = k { return .key(.alt(c)) }
                if k == .backspace { return .key(.alt("\u{7F}")) }
                return .key(k)
            }
            if s2 == KEY_CODE_YES, let k = decoder.decode(status: s2, value: UInt32(next)) { return .key(k) }
        }
        return .key(key)
    }

    /// After Esc [: a bracketed paste is `200~`, the text, then Esc [ 201 ~. Reading it whole keeps
    /// a pasted line break from acting as Enter and the pasted text from acting as commands.
    private func readBracketedPaste() -> String? {
        let win = acta_stdscr()
        wtimeout(win, 20)
        var value: wint_t = 0
        var opener: [(status: Int32, value: wint_t)] = []
        for expected: wint_t in [0x32, 0x30, 0x30, 0x7E] {
            let status = getWch(&value)
            if status != ERR { opener.append((status, value)) }
            guard status == OK, value == expected else {
                // Not a paste (Esc [ then something else): what was read is input still to handle.
                queued.insert(contentsOf: opener, at: 0)
                return nil
            }
        }
        let closer: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
        var scalars: [UInt32] = []
        wtimeout(win, 200)
        func endsWithCloser() -> Bool {
            guard scalars.count >= closer.count else { return false }
            let base = scalars.count - closer.count
            for i in 0..<closer.count where scalars[base + i] != closer[i] { return false }
            return true
        }
        while true {
            if scalars.count > InputLimits.fieldBytes + closer.count && queued.isEmpty {
                // More than a field holds: the rest of the paste is skipped at read(2) speed
                // (ncurses reads a byte per call), so a 50 MB paste cannot freeze the screen.
                discardRestOfPaste(closer: closer.map { UInt8($0) })
                break
            }
            let status = getWch(&value)
            if status == ERR { break }
            if status != OK { continue }
            scalars.append(UInt32(value))
            if endsWithCloser() {
                scalars.removeLast(closer.count)
                // Pasted text may itself hold the end marker (ESC [ 201 ~), and terminals pass it
                // through: what arrives at once after the marker is read ahead, and if another end
                // marker comes in it, the first was text. Nothing of a paste may act as a key.
                var ahead: [(status: Int32, value: wint_t)] = []
                wtimeout(win, 5)
                while ahead.count < InputLimits.fieldBytes {
                    var next: wint_t = 0
                    let st = wget_wch(win, &next)
                    if st == ERR { break }
                    ahead.append((st, next))
                }
                let values = ahead.map { $0.status == OK ? UInt32($0.value) : UInt32.max }
                var lastEnd: Int?
                if values.count >= closer.count {
                    for i in stride(from: values.count - closer.count, through: 0, by: -1)
                    where Array(values[i..<(i + closer.count)]) == closer {
                        lastEnd = i
                        break
                    }
                }
                if let lastEnd {
                    scalars += closer + values[..<lastEnd].filter { $0 != UInt32.max }
                    queued += ahead[(lastEnd + closer.count)...]
                } else {
                    queued += ahead
                }
                break
            }
        }
        // One text field holds at most this much; more of a paste is dropped, never typed.
        if scalars.count > InputLimits.fieldBytes { scalars.removeLast(scalars.count - InputLimits.fieldBytes) }
        var text = String.UnicodeScalarView()
        for v in scalars {
            if v == 13 { text.append("\n") } else if let u = Unicode.Scalar(v) { text.append(u) }
        }
        return String(text)
    }

    /// Reads and drops raw input up to the end-of-paste marker (or until input pauses for
    /// 200 ms). Bytes that came after the marker in the same read are given back to ncurses.
    private func discardRestOfPaste(closer: [UInt8]) {
        var carry: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            guard poll(&fds, 1, 200) > 0 else { return }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            guard n > 0 else { return }
            let window = carry + buffer[0..<n]
            if let end = firstIndex(of: closer, in: window) {
                // ungetch is a stack: push the leftover bytes last first.
                for b in window[(end + closer.count)...].reversed() { ungetch(Int32(b)) }
                return
            }
            carry = Array(window.suffix(closer.count - 1))
        }
    }

    private func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = 0
        while let start = haystack[i...].firstIndex(of: needle[0]) {
            guard start + needle.count <= haystack.count else { return nil }
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
            i = start + 1
        }
        return nil
    }

    private func attributes(_ role: Role) -> (attr_t, Int16) {
        let bold = acta_attr_bold(), reverse = acta_attr_reverse(), underline = acta_attr_underline(), dim = acta_attr_dim()
        if !colours {
            let m = role.monochrome
            var attr: attr_t = 0
            if m.contains(.bold) { attr |= bold }
            if m.contains(.reverse) { attr |= reverse }
            if m.contains(.underline) { attr |= underline }
            if m.contains(.dim) { attr |= dim }
            return (attr, 0)
        }
        switch role {
        case .title: return (bold, 1)
        case .warning: return (bold, 2)
        case .error: return (bold, 3)
        case .ok: return (0, 4)
        case .key: return (bold, 5)
        case .heading: return (bold, 5)
        case .selected: return (0, 6)
        case .selectedDim: return (underline, 0)
        case .fieldActive: return (reverse, 0)
        case .field: return (underline, 0)
        case .dim, .hint: return (dim, 0)
        case .overlay: return (0, 8)
        case .match: return (reverse, 2)
        case .bar(let s):
            // The status's colour as the block's background: its letter stays readable inside.
            let (attr, pair) = attributes(.status(s))
            return (attr | reverse, pair)
        case .status(let s):
            switch s {
            case .complete?: return (bold, 4)
            case .substantial?: return (0, 4)
            case .limited?: return (0, 7)
            case .notStarted?, .noEvidence?: return (0, 3)
            case nil: return (dim, 0)
            }
        case .normal: return (0, 0)
        }
    }

    /// Copies into ncurses only the cells that differ from the frame drawn before (all of them
    /// after a resize or a clear); ncurses then sends only what changed on the terminal.
    public func draw(_ frame: Screen) {
        let win = acta_stdscr()
        let (w, h) = size
        let previous = shown.flatMap { $0.width == frame.width && $0.height == frame.height ? $0.cells : nil } ?? []
        let rows = min(h, frame.height), columns = min(w, frame.width), width = frame.width
        var scalars = [wchar_t](repeating: 0, count: 5)
        // Each run of changed cells goes to ncurses in one call (it lays a wide character's
        // second column itself); the window's cursor is left where the terminal's will be.
        var run: [cchar_t] = []
        run.reserveCapacity(columns)
        var runStart = 0, end: (row: Int, column: Int)?
        func flush(_ row: Int, to column: Int) {
            guard !run.isEmpty else { return }
            _ = run.withUnsafeBufferPointer { mvwadd_wchnstr(win, Int32(row), Int32(runStart), $0.baseAddress, Int32($0.count)) }
            run.removeAll(keepingCapacity: true)
            end = (row, column)
        }
        // Straight over both frames' storage: a cell compared is a cell not copied or retained.
        frame.cells.withUnsafeBufferPointer { new in
            previous.withUnsafeBufferPointer { old in
                for row in 0..<rows {
                    let base = row * width
                    // Cells are plain values: a row whose bytes are all the same is the same row.
                    if !old.isEmpty, memcmp(new.baseAddress! + base, old.baseAddress! + base, width * MemoryLayout<Cell>.stride) == 0 { continue }
                    for column in 0..<columns {
                        let i = base + column
                        // The second column of a wide character belongs to its run, if any.
                        if new[i].isContinuation { continue }
                        // A wide cell whose second half changed is drawn again too.
                        if !old.isEmpty, old[i] == new[i], column + 1 >= width || old[i + 1] == new[i + 1] {
                            flush(row, to: column)
                            continue
                        }
                        let cell = new[i]
                        var n = 0
                        if let ascii = cell.ascii {
                            scalars[0] = wchar_t(ascii); n = 1
                        } else if DisplayWidth.of(cell.character) == 2 && column + 1 >= columns {
                            scalars[0] = 32; n = 1
                        } else {
                            for scalar in cell.character.unicodeScalars where n < 4 { scalars[n] = wchar_t(bitPattern: scalar.value); n += 1 }
                        }
                        scalars[n] = 0
                        var cc = cchar_t()
                        let (attr, pair) = attributes(cell.role)
                        _ = scalars.withUnsafeBufferPointer { setcchar(&cc, $0.baseAddress, attr, pair, nil) }
                        if run.isEmpty { runStart = column }
                        run.append(cc)
                    }
                    flush(row, to: columns)
                }
            }
        }
        if frame.cursor == nil, let end { wmove(win, Int32(end.row), Int32(min(end.column, columns - 1))) }
        shown = frame
        if let cursor = frame.cursor {
            curs_set(1)
            wmove(win, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wnoutrefresh(win)
        doupdate()
    }

    /// Job control: after SIGTSTP, restores the terminal and stops (as any program does on
    /// Ctrl-Z); after SIGCONT (fg), clears the screen so the next frame is drawn whole.
    /// Returns true when the caller must draw the whole screen again.
    public func handleJobControl() -> Bool {
        var redraw = false
        if takeStopRequest() {
            suspendToShell()
            redraw = true
        }
        return takeContinued() || redraw
    }

    /// SIGTSTP arrived since the last call (the caller saves what it must, then `suspendToShell`).
    public func takeStopRequest() -> Bool { acta_take_stop_request() != 0 }
    /// SIGCONT arrived since the last call: the screen may hold anything, draw it whole.
    public func takeContinued() -> Bool {
        guard acta_take_continued() != 0 else { return false }
        shown = nil
        wclear(acta_stdscr())
        return true
    }

    /// Restores the terminal, stops the process until `fg`, then takes the screen back.
    public func suspendToShell() {
        suspend()
        acta_stop_self()
        resume()
        _ = acta_take_continued()
    }

    /// Ctrl-L: the next frame repaints every cell, whatever the terminal shows now.
    public func invalidate() {
        shown = nil
        wclear(acta_stdscr())
    }

    /// Waits at most `milliseconds` in `read` (-1: until a key); the loop asks for the next
    /// clock second, so nothing runs while nothing changes.
    public func setReadTimeout(_ milliseconds: Int) {
        readTimeout = Int32(max(-1, min(milliseconds, 60_000)))
        wtimeout(acta_stdscr(), readTimeout)
    }

    /// Leaves curses mode for a child program ($EDITOR); `resume` comes back.
    public func suspend() {
        def_prog_mode()
        writeControl("\u{1B}[?2004l")
        endwin()
    }

    public func resume() {
        writeControl("\u{1B}[?2004h")
        reset_prog_mode()
        shown = nil
        wclear(acta_stdscr())
        wrefresh(acta_stdscr())
    }

    /// Restores the terminal. Safe to call twice.
    public func stop() {
        guard isActive else { return }
        isActive = false
        writeControl("\u{1B}[?2004l")
        endwin()
        if let screenPointer { delscreen(screenPointer) }
        screenPointer = nil
    }

    deinit { stop() }

    private func writeControl(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    }

    public static func installSignalHandlers() {
        acta_install_signal_handlers()
        acta_install_job_control_handlers()
        acta_install_crash_guard()
    }

    /// The signal that asked us to stop (SIGINT, SIGTERM, SIGHUP), or 0.
    public static var pendingSignal: Int32 { acta_pending_signal() }
}
