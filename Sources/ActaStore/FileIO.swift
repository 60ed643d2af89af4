#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ActaCore

/// A file system operation that failed, with the path and the system's reason.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let code: Int32
    public let message: LocalizedText

    public init(path: String, code: Int32, es: String, en: String) {
        self.path = path
        self.code = code
        let reason = code == 0 ? "" : ": " + String(cString: strerror(code))
        self.message = LocalizedText(es: "\(path): \(es)\(reason)", en: "\(path): \(en)\(reason)")
    }

    public var description: String { message.es }
    /// Disk full or quota: the kind of failure worth retrying after the user frees space.
    public var isNoSpace: Bool { code == ENOSPC || code == EDQUOT }
}

/// Plain POSIX file access: whole reads, durable appends and atomic replacement.
public enum FileIO {
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Size and modification time, to notice that a file changed (a journal being recorded).
    public static func signature(_ path: String) -> [Int]? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return [Int(st.st_size), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec)]
    }

    public static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func read(_ path: String) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(path: path, code: errno, es: "no se puede leer", en: "cannot read") }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError(path: path, code: errno, es: "no se puede leer", en: "cannot read")
            }
            if n == 0 { break }
            result.append(contentsOf: buffer[0..<n])
        }
        return result
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError(path: path, code: errno, es: "no se pudo escribir", en: "could not write")
            }
            offset += n
        }
    }

    /// Writes a temporary file beside `path`, fsyncs it and renames it over `path`,
    /// so a reader sees the old file or the new one, never half of one.
    public static func writeAtomically(_ text: String, to path: String) throws(StoreError) {
        try writeAtomically(bytes: Array(text.utf8), to: path)
    }

    /// The same for bytes (a spreadsheet).
    public static func writeAtomically(bytes: [UInt8], to path: String) throws(StoreError) {
        let directory = parent(of: path)
        let temp = "\(directory)/.\(basename(of: path)).tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError(path: temp, code: errno, es: "no se puede crear", en: "cannot create") }
        do throws(StoreError) {
            try writeAll(fd, bytes, path: temp)
            guard fsync(fd) == 0 else { throw StoreError(path: temp, code: errno, es: "fsync falló", en: "fsync failed") }
        } catch {
            close(fd); unlink(temp)
            throw error
        }
        close(fd)
        guard rename(temp, path) == 0 else {
            let code = errno
            unlink(temp)
            throw StoreError(path: path, code: code, es: "no se pudo reemplazar", en: "could not replace")
        }
        syncDirectory(directory)
    }

    /// Makes a rename or a new file in `directory` durable.
    public static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    public static func createDirectory(_ path: String) throws(StoreError) {
        guard mkdir(path, 0o755) == 0 else {
            throw StoreError(path: path, code: errno, es: "no se puede crear la carpeta", en: "cannot create the folder")
        }
    }

    /// Copies a file's bytes to a new file (durably); an existing `destination` is never replaced.
    public static func copyFile(_ source: String, to destination: String) throws(StoreError) {
        let bytes = try read(source)
        let fd = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError(path: destination, code: errno, es: "no se puede crear", en: "cannot create") }
        do throws(StoreError) {
            try writeAll(fd, bytes, path: destination)
            guard fsync(fd) == 0 else { throw StoreError(path: destination, code: errno, es: "fsync falló", en: "fsync failed") }
        } catch {
            close(fd); unlink(destination)
            throw error
        }
        close(fd)
        syncDirectory(parent(of: destination))
    }

    public static func listDirectory(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func basename(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
