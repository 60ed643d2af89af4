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

    /// Opens (creating it if needed) and repairs a torn last line: a fragment left by a
    /// process that died mid-write is moved to `journal.jsonl.torn` so the next append starts on a clean line.
    public init(path: String, recorder: String? = nil) throws(StoreError) {
        self.path = path
        self.recorder = recorder
        // Only a regular file can have a torn tail (and only it can be read whole).
        if FileIO.isRegularFile(path) {
            let bytes = try FileIO.read(path)
            if let last = bytes.last, last != UInt8(ascii: "\n") {
                let start = (bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
                let tail = Array(bytes[start...])
                let text = String(decoding: tail, as: UTF8.self)
                let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
                guard fd >= 0 else { throw StoreError(path: path, code: errno, es: "no se puede abrir", en: "cannot open") }
                defer { close(fd) }
                if (try? JournalCodec.decode(text, file: path, lineNumber: 0)) != nil {
                    // Complete event missing only its newline: keep it.
                    try FileIO.writeAll(fd, [UInt8(ascii: "\n")], path: path)
                } else {
                    let torn = open(path + ".torn", O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
                    if torn >= 0 {
                        try? FileIO.writeAll(torn, tail + [UInt8(ascii: "\n")], path: path + ".torn")
                        fsync(torn); close(torn)
                    }
                    guard ftruncate(fd, off_t(start)) == 0 else {
                        throw StoreError(path: path, code: errno, es: "no se pudo reparar la última línea", en: "could not repair the last line")
                    }
                }
                fsync(fd)
            }
        }
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError(path: path, code: errno, es: "no se puede abrir para escribir", en: "cannot open for writing") }
        FileIO.syncDirectory(FileIO.parent(of: path))
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Writes one event as one line and fsyncs. On failure nothing is counted as recorded:
    /// a partial line is cut off again so a retry starts clean.
    public func append(_ event: SessionEvent) throws(StoreError) {
        var event = event
        if event.recorder == nil { event.recorder = recorder }
        let line = Array((JournalCodec.encode(event) + "\n").utf8)
        let before = lseek(fd, 0, SEEK_END)
        do throws(StoreError) {
            try FileIO.writeAll(fd, line, path: path)
            guard fsync(fd) == 0 else { throw StoreError(path: path, code: errno, es: "fsync falló", en: "fsync failed") }
        } catch {
            if before >= 0 { _ = ftruncate(fd, before) }
            throw error
        }
    }
}
