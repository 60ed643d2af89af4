#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The id of this machine's recorder, stamped on every journal line it writes. Two machines
/// that recorded the same session are told apart by it when the mesa folder is synced.
public enum RecorderIdentity {
    public static let environmentVariable = "ACTA_RECORDER"

    /// `ACTA_RECORDER`, else the id kept in `$XDG_CONFIG_HOME/acta/recorder` (or
    /// `~/.config/acta/recorder`), made once from the host name and a random suffix so that
    /// two laptops both called "laptop" still differ. Without a writable home, the host name.
    public static func current(environment: [String: String]) -> String {
        if let id = environment[environmentVariable].map(sanitized), !id.isEmpty { return id }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { "\($0)/.config" }
        let host = sanitized(hostName())
        guard let config else { return host }
        let folder = "\(config)/acta", file = "\(folder)/recorder"
        if let bytes = try? FileIO.read(file) {
            let stored = sanitized(String(decoding: bytes, as: UTF8.self))
            if !stored.isEmpty { return stored }
        }
        let id = "\(host)-\(String(UInt32.random(in: 0x1000_0000...0xFFFF_FFFF), radix: 16))"
        if !FileIO.isDirectory(config) { try? FileIO.createDirectory(config) }
        if !FileIO.isDirectory(folder) { try? FileIO.createDirectory(folder) }
        return (try? FileIO.writeAtomically(id + "\n", to: file)) != nil ? id : host
    }

    /// Letters, digits, `.`, `_` and `-` only: the id names a file (`journal.<id>.jsonl`).
    public static func sanitized(_ text: String) -> String {
        let kept = text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
                ? Character(scalar) : "-"
        }
        var id = String(kept)
        while id.hasPrefix("-") || id.hasPrefix(".") { id.removeFirst() }
        while id.hasSuffix("-") { id.removeLast() }
        return String(id.prefix(64))
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "acta" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "acta" : name
    }
}
