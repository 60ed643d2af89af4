import ActaCore

/// Turns a file's bytes into text: strict UTF-8, no NUL, a BOM dropped, CRLF read as LF.
/// A lone CR is kept (an editor shows it on its line, so line numbers stay the editor's).
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8], file: String) throws(Diagnostic) -> String {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let problem = problem(in: bytes) {
            let (line, column) = position(of: problem.offset, in: bytes)
            throw Diagnostic(file: file, line: line, column: column, message: problem.message)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // Looked for in the bytes: String.contains went through Foundation, a fifth of a load.
        let hasCRLF = bytes.indices.dropLast().contains { bytes[$0] == 0x0D && bytes[$0 + 1] == 0x0A }
        return hasCRLF ? text.replacingCRLF() : text
    }

    /// A spreadsheet saved as text: UTF-8 (with or without BOM) when it is valid UTF-8, else
    /// Windows-1252, which is what Excel in Spanish writes as "CSV". Line ends left as they are.
    public static func decodeSpreadsheet(_ bytes: [UInt8]) -> (text: String, encoding: String) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if firstInvalidUTF8(body) == nil { return (String(decoding: body, as: UTF8.self), "UTF-8") }
        var text = String.UnicodeScalarView()
        for b in bytes {
            if (0x80...0x9F).contains(b), let mapped = windows1252[b] { text.append(mapped) }
            else { text.append(Unicode.Scalar(b)) }
        }
        return (String(text), "Windows-1252")
    }

    /// Where Windows-1252 differs from Latin-1 (0x80–0x9F); the rest maps byte to code point.
    static let windows1252: [UInt8: Unicode.Scalar] = [
        0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰",
        0x8A: "Š", 0x8B: "‹", 0x8C: "Œ", 0x8E: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•",
        0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9A: "š", 0x9B: "›", 0x9C: "œ", 0x9E: "ž", 0x9F: "Ÿ",
    ]

    /// The first byte that makes these bytes unusable as text (invalid UTF-8, or NUL, which
    /// C libraries read as the end of the text), with what to do about it.
    public static func problem(in bytes: ArraySlice<UInt8>) -> (offset: Int, message: LocalizedText)? {
        let bad = firstInvalidUTF8(bytes)
        let nul = bytes.firstIndex(of: 0)
        if let nul, bad.map({ nul < $0 }) ?? true {
            return (nul, LocalizedText(
                es: "el archivo contiene un byte nulo (NUL, 0x00); bórrelo (no es texto) y guarde el archivo como UTF-8",
                en: "the file contains a NUL byte (0x00); delete it (it is not text) and save the file as UTF-8"))
        }
        guard let bad else { return nil }
        let hex = String(bytes[bad], radix: 16, uppercase: true)
        return (bad, LocalizedText(
            es: "el archivo no es UTF-8 válido (byte 0x\(hex)); guárdelo como UTF-8, p. ej. iconv -f latin1 -t utf-8",
            en: "the file is not valid UTF-8 (byte 0x\(hex)); save it as UTF-8, e.g. iconv -f latin1 -t utf-8"))
    }

    /// Line and column (in characters, from 1) of a byte offset, as an editor shows them.
    public static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for b in bytes[bytes.startIndex..<min(offset, bytes.endIndex)] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// The index of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            var minSecond: UInt8 = 0x80, maxSecond: UInt8 = 0xBF
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maxSecond = 0x9F
            case 0xF0: length = 4; minSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maxSecond = 0x8F
            default: return i
            }
            guard i + length <= bytes.endIndex else { return i }
            guard (minSecond...maxSecond).contains(bytes[i + 1]) else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}

extension String {
    fileprivate func replacingCRLF() -> String {
        // Swift treats "\r\n" as one Character.
        var out = ""
        out.reserveCapacity(utf8.count)
        for c in self {
            if c == "\r\n" { out.append("\n") } else { out.append(c) }
        }
        return out
    }
}
