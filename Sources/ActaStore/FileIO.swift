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

    /// A file acta reads or writes inside the sessions folder is a symbolic link.
    public static func symbolicLink(_ path: String, writing: Bool = false) -> StoreError {
        writing
            ? StoreError(path: path, code: 0,
                         es: "es un enlace simbólico; acta no escribe a través de enlaces (podría escribir fuera de la carpeta de sesiones). Bórrelo (rm \(path)) y vuelva a intentarlo: acta crea el archivo",
                         en: "is a symbolic link; acta does not write through links (it could write outside the sessions folder). Delete it (rm \(path)) and try again: acta creates the file")
            : StoreError(path: path, code: 0,
                         es: "es un enlace simbólico; acta no lee a través de enlaces en la carpeta de sesiones: reemplácelo por el archivo (p. ej. cp --remove-destination \"$(readlink -f \(path))\" \(path))",
                         en: "is a symbolic link; acta does not read through links in the sessions folder: replace it with the file (e.g. cp --remove-destination \"$(readlink -f \(path))\" \(path))")
    }

    public static func tooLarge(_ path: String, size: Int, limit: Int) -> StoreError {
        let l = InputLimits.describe(bytes: limit)
        return StoreError(path: path, code: 0,
                          es: "el archivo mide \(size) bytes, más que el límite de \(l); acta no lo abre. Revise que sea el archivo correcto (un plan o una agenda ocupan unos KiB)",
                          en: "the file is \(size) bytes, over the \(l) limit; acta does not open it. Check it is the right file (a plan or an agenda is a few KiB)")
    }
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

    /// Reads a whole regular file. `limit` refuses a larger file (before reading it) with a
    /// message naming the limit; `followLinks: false` refuses a symbolic link (files inside a
    /// session folder must not lead outside it). FIFOs and devices are refused, never read:
    /// reading one could block or never end.
    public static func read(_ path: String, limit: Int? = nil, followLinks: Bool = true) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP { throw StoreError.symbolicLink(path) }
            throw StoreError(path: path, code: code, es: "no se puede leer", en: "cannot read")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw StoreError(path: path, code: errno, es: "no se puede leer", en: "cannot read") }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw StoreError(path: path, code: 0, es: "no es un archivo normal (es una carpeta, un dispositivo o una tubería); acta no lo lee",
                             en: "is not a regular file (it is a folder, a device or a pipe); acta does not read it")
        }
        if let limit, Int(st.st_size) > limit { throw StoreError.tooLarge(path, size: Int(st.st_size), limit: limit) }
        var result: [UInt8] = []
        result.reserveCapacity(Int(st.st_size))
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError(path: path, code: errno, es: "no se puede leer", en: "cannot read")
            }
            if n == 0 { break }
            result.append(contentsOf: buffer[0..<n])
            // The file may grow while it is read.
            if let limit, result.count > limit { throw StoreError.tooLarge(path, size: result.count, limit: limit) }
        }
        return result
    }

    /// True when `path` itself is a symbolic link (not what it points to).
    public static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// The canonical absolute path (links resolved), or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
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
        // Renaming over a link would replace the link, but refusing says clearly why nothing was written there.
        if isSymbolicLink(path) { throw StoreError.symbolicLink(path, writing: true) }
        let directory = parent(of: path)
        let temp = "\(directory)/.\(basename(of: path)).tmp-\(getpid())"
        // O_EXCL|O_NOFOLLOW: a link or file planted at the temporary name is never written through.
        var fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 && errno == EEXIST {
            // Left by an earlier process with our pid that died before renaming it.
            unlink(temp)
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw StoreError(path: temp, code: errno, es: "no se puede crear", en: "cannot create") }
        try fillAndClose(fd, with: bytes, path: temp)
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
        try fillAndClose(fd, with: bytes, path: destination)
        syncDirectory(parent(of: destination))
    }

    /// Writes `bytes` to the new file `fd` (created at `path`), fsyncs and closes it; on failure the
    /// half-written file is removed, so a new file is either whole and durable or absent.
    private static func fillAndClose(_ fd: Int32, with bytes: [UInt8], path: String) throws(StoreError) {
        do throws(StoreError) {
            try writeAll(fd, bytes, path: path)
            guard fsync(fd) == 0 else { throw StoreError(path: path, code: errno, es: "fsync falló", en: "fsync failed") }
        } catch {
            close(fd); unlink(path)
            throw error
        }
        close(fd)
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
