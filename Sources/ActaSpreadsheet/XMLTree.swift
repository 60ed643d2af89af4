/// An XML document as a tree of elements: what acta needs from an XLSX part, read without
/// libxml2. Names are local (a namespace prefix such as `x:` or `r:` is dropped, as a
/// namespace-aware reader reports them); character and entity references are resolved, CDATA
/// kept, comments, processing instructions and the document type skipped; line ends are
/// normalised to LF and, in attribute values, white space to spaces, as XML 1.0 says.
/// Not a validating parser: it refuses what is not well formed where acta would misread it.
struct XMLElement: Equatable {
    var name: String
    var attributes: [String: String] = [:]
    var children: [XMLElement] = []
    /// The element's own character data (not its children's), in order.
    var text = ""

    /// The first child with that local name.
    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }
    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }

    struct Malformed: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "XML mal formado en el byte \(offset): \(reason)" }
    }

    static func parse(_ bytes: [UInt8]) throws(Malformed) -> XMLElement {
        var reader = XMLReader(bytes: bytes)
        return try reader.document()
    }
}

private struct XMLReader {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    func fail(_ reason: String) -> XMLElement.Malformed { XMLElement.Malformed(offset: i, reason: reason) }

    func peek(_ text: String) -> Bool {
        let t = Array(text.utf8)
        return i + t.count <= bytes.count && bytes[i..<i + t.count].elementsEqual(t)
    }

    mutating func skip(past text: String) throws(XMLElement.Malformed) {
        let t = Array(text.utf8)
        while i + t.count <= bytes.count {
            if bytes[i..<i + t.count].elementsEqual(t) { i += t.count; return }
            i += 1
        }
        throw fail("falta «\(text)»")
    }

    mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    /// Prolog, one root element, then only comments, processing instructions and space.
    mutating func document() throws(XMLElement.Malformed) -> XMLElement {
        var root: XMLElement?
        while true {
            skipSpace()
            guard i < bytes.count else { break }
            if peek("<?") { try skip(past: "?>") }
            else if peek("<!--") { try skip(past: "-->") }
            else if peek("<!DOCTYPE") { try skipDoctype() }
            else if peek("<"), root == nil { root = try element() }
            else { throw fail("contenido fuera del elemento raíz") }
        }
        guard let root else { throw fail("no hay elemento raíz") }
        return root
    }

    mutating func skipDoctype() throws(XMLElement.Malformed) {
        var depth = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ">") where depth <= 0: i += 1; return
            default: break
            }
            i += 1
        }
        throw fail("DOCTYPE sin cerrar")
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "=") || b == UInt8(ascii: ">")
          || b == UInt8(ascii: "/") || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'"))
    }

    mutating func name() throws(XMLElement.Malformed) -> String {
        let start = i
        while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
        guard i > start else { throw fail("falta un nombre") }
        var local = bytes[start..<i]
        if let colon = local.lastIndex(of: UInt8(ascii: ":")) { local = local[(colon + 1)...] }
        return String(decoding: local, as: UTF8.self)
    }

    mutating func element() throws(XMLElement.Malformed) -> XMLElement {
        i += 1  // <
        let qualifiedStart = i
        var element = XMLElement(name: try name())
        let qualified = Array(bytes[qualifiedStart..<i])
        while true {
            skipSpace()
            guard i < bytes.count else { throw fail("etiqueta sin cerrar") }
            if peek("/>") { i += 2; return element }
            if bytes[i] == UInt8(ascii: ">") { i += 1; break }
            let attribute = try name()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw fail("falta «=» tras \(attribute)") }
            i += 1
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { throw fail("falta la comilla") }
            let quote = bytes[i]
            i += 1
            let start = i
            while i < bytes.count, bytes[i] != quote {
                guard bytes[i] != UInt8(ascii: "<") else { throw fail("«<» en un atributo") }
                i += 1
            }
            guard i < bytes.count else { throw fail("atributo sin cerrar") }
            element.attributes[attribute] = try Self.characters(bytes[start..<i], attribute: true, at: start)
            i += 1
        }
        // Content: text, CDATA, comments, processing instructions and children, until the end tag.
        var text: [UInt8] = []
        while true {
            guard i < bytes.count else { throw fail("falta </\(String(decoding: qualified, as: UTF8.self))>") }
            if peek("</") {
                i += 2
                let start = i
                while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
                guard bytes[start..<i].elementsEqual(qualified) else { throw fail("cierre que no corresponde") }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw fail("cierre sin «>»") }
                i += 1
                element.text = try Self.characters(text[...], attribute: false, at: i)
                return element
            } else if peek("<![CDATA[") {
                i += 9
                let start = i
                try skip(past: "]]>")
                // CDATA is taken as is; markers keep it apart from references in `characters`.
                text += Self.escaped(bytes[start..<i - 3])
            } else if peek("<!--") {
                try skip(past: "-->")
            } else if peek("<?") {
                try skip(past: "?>")
            } else if bytes[i] == UInt8(ascii: "<") {
                element.children.append(try self.element())
            } else {
                text.append(bytes[i])
                i += 1
            }
        }
    }

    /// CDATA content written with references, so one pass resolves all character data.
    static func escaped(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        for b in raw {
            switch b {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            default: out.append(b)
            }
        }
        return out
    }

    /// Character data with references resolved and line ends normalised.
    static func characters(_ raw: ArraySlice<UInt8>, attribute: Bool, at offset: Int) throws(XMLElement.Malformed) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var j = raw.startIndex
        while j < raw.endIndex {
            let b = raw[j]
            if b == UInt8(ascii: "&") {
                guard let semicolon = raw[j...].firstIndex(of: UInt8(ascii: ";")), semicolon - j <= 12 else {
                    throw XMLElement.Malformed(offset: offset, reason: "«&» sin «;»")
                }
                let entity = String(decoding: raw[(j + 1)..<semicolon], as: UTF8.self)
                switch entity {
                case "lt": out.append(UInt8(ascii: "<"))
                case "gt": out.append(UInt8(ascii: ">"))
                case "amp": out.append(UInt8(ascii: "&"))
                case "quot": out.append(UInt8(ascii: "\""))
                case "apos": out.append(UInt8(ascii: "'"))
                default:
                    let hex = entity.hasPrefix("#x")
                    guard entity.hasPrefix("#"), let value = UInt32(entity.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
                          let scalar = Unicode.Scalar(value) else {
                        throw XMLElement.Malformed(offset: offset, reason: "referencia desconocida &\(entity);")
                    }
                    out += Array(String(Character(scalar)).utf8)
                }
                j = semicolon + 1
            } else if b == 0x0D {
                // CR LF and a lone CR are one LF.
                out.append(attribute ? 0x20 : 0x0A)
                j += 1
                if j < raw.endIndex, raw[j] == 0x0A { j += 1 }
            } else if attribute, b == 0x0A || b == 0x09 {
                out.append(0x20)
                j += 1
            } else {
                out.append(b)
                j += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
