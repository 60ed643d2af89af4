#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ActaCore
import ActaFormats

/// Appends events to a session's `journal.jsonl`. An event counts as recorded only once
/// its line has been written and fsync'ed.
public final class JournalWriter {
    public let path: String
    /// Stamped on every line written, so a shared journal says which recorder wrote it.
    public let recorder: String?
    private var fd: Int32
    /// Lines another program left without their newline while we were recording, moved to
    /// `journal.jsonl.torn` before our next line so they are never glued to an acknowledged change.
    public private(set) var tornLinesMovedAside = 0
    /// The folder's entry for the journal is fsync'ed once, with the first event: before that
    /// nothing depends on it, and `acta record` need not wait for the disk before its first frame.
    private var directorySynced = false

    /// Opens (creating it if needed) and repairs a torn last line: a fragment left by a
    /// process that died mid-write is moved to `journal.jsonl.torn` so the next append starts on a clean line.
    /// A symbolic link, a FIFO or a device is refused: the journal must be a file in the session folder.
    public init(path: String, recorder: String? = nil) throws(StoreError) {
        self.path = path
        self.recorder = recorder
        // O_NONBLOCK: opening a FIFO must not wait for a reader; regular files ignore it.
        fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == ELOOP { throw StoreError.symbolicLink(path, writing: true) }
            throw StoreError(path: path, code: errno, es: "no se puede abrir para escribir", en: "cannot open for writing")
        }
        var st = stat()
        // A FIFO or a folder is refused; a character device is let through because only root can
        // make one in a session folder, and /dev/full is how the tests simulate a full disk.
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG || (st.st_mode & S_IFMT) == S_IFCHR else {
            close(fd); fd = -1
            throw StoreError(path: path, code: 0, es: "no es un archivo normal; el diario debe ser un archivo de la carpeta de la sesión",
                             en: "is not a regular file; the journal must be a file in the session's folder")
        }
        if (st.st_mode & S_IFMT) == S_IFREG { try repairTornTail(keepingCompleteEvent: true) }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The file's last byte, or nil when it is empty.
    private func lastByte() -> UInt8? {
        let end = lseek(fd, 0, SEEK_END)
        guard end > 0 else { return nil }
        var byte: UInt8 = 0
        return pread(fd, &byte, 1, end - 1) == 1 ? byte : nil
    }

    /// A last line without its newline is moved to `journal.jsonl.torn` (kept, never destroyed)
    /// and cut off, so the next line starts clean. At open, a tail that is a whole event and only
    /// misses its newline is kept in place instead. Returns whether a torn line was moved aside.
    @discardableResult
    private func repairTornTail(keepingCompleteEvent: Bool) throws(StoreError) -> Bool {
        guard let last = lastByte(), last != UInt8(ascii: "\n") else { return false }
        let bytes = try FileIO.read(path, limit: InputLimits.journalFileBytes, followLinks: false)
        let start = (bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        let tail = Array(bytes[start...])
        if keepingCompleteEvent, (try? JournalCodec.decode(String(decoding: tail, as: UTF8.self), file: path, lineNumber: 0)) != nil {
            try FileIO.writeAll(fd, [UInt8(ascii: "\n")], path: path)
            fsync(fd)
            return false
        }
        let torn = open(path + ".torn", O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard torn >= 0 else {
            throw StoreError(path: path + ".torn", code: errno, es: "no se puede guardar aparte la línea a medias", en: "cannot keep the torn line aside")
        }
        defer { close(torn) }
        try FileIO.writeAll(torn, tail + [UInt8(ascii: "\n")], path: path + ".torn")
        guard fsync(torn) == 0, ftruncate(fd, off_t(start)) == 0 else {
            throw StoreError(path: path, code: errno, es: "no se pudo reparar la última línea", en: "could not repair the last line")
        }
        fsync(fd)
        return true
    }

    /// Writes one event as one line and fsyncs. On failure nothing is counted as recorded:
    /// a partial line is cut off again so a retry starts clean.
    public func append(_ event: SessionEvent) throws(StoreError) {
        var event = event
        if event.recorder == nil { event.recorder = recorder }
        let line = Array((JournalCodec.encode(event) + "\n").utf8)
        // Another program may have appended a line without its newline since our last write:
        // it goes to journal.jsonl.torn, never glued to this change.
        if try repairTornTail(keepingCompleteEvent: false) { tornLinesMovedAside += 1 }
        let before = lseek(fd, 0, SEEK_END)
        do throws(StoreError) {
            try FileIO.writeAll(fd, line, path: path)
            guard fsync(fd) == 0 else { throw StoreError(path: path, code: errno, es: "fsync falló", en: "fsync failed") }
            if !directorySynced {
                FileIO.syncDirectory(FileIO.parent(of: path))
                directorySynced = true
            }
        } catch {
            if before >= 0 { _ = ftruncate(fd, before) }
            throw error
        }
    }
}
