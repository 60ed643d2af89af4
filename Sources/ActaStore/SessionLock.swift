#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ActaCore

/// Only one `acta record` per session. An flock on `<session>/.lock`, which the kernel releases
/// when the process dies, so a lock left by a dead process is simply taken over.
public final class SessionLock {
    public enum Failure: Error, Sendable {
        /// Another process holds it; its pid as written in the lock file.
        case held(pid: Int32?)
        case cannotCreate(StoreError)
    }

    private let fd: Int32
    public let path: String

    public init(folder: String) throws(Failure) {
        path = "\(folder)/.lock"
        // O_NOFOLLOW: a link planted as .lock must not make acta write a pid elsewhere.
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .cannotCreate(StoreError(path: path, code: errno, es: "no se puede crear el bloqueo", en: "cannot create the lock"))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 31, 0) }
            close(fd)
            let text = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
            throw .held(pid: Int32(text.filter(\.isNumber)))
        }
        // The pid is written over the old one and the file cut only when the old was longer:
        // truncating on every start waits for the file system's journal (milliseconds on a busy disk).
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        var st = stat()
        if fstat(fd, &st) == 0, st.st_size > off_t(pid.count) { ftruncate(fd, off_t(pid.count)) }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
