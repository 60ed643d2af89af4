import ActaCore
import Yams

/// Parses YAML text into a node tree, turning syntax errors into located diagnostics.
enum YAMLDocument {
    static func parse(_ text: String, file: String) throws(Diagnostic) -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw Diagnostic(file: file, line: 1, column: 1, message: LocalizedText(
                    es: "el archivo está vacío; escriba su contenido en YAML",
                    en: "the file is empty; write its content in YAML"))
            }
            return node
        } catch let d as Diagnostic {
            throw d
        } catch let error as YamlError {
            throw diagnostic(for: error, file: file)
        } catch {
            throw Diagnostic(file: file, line: 1, column: 1,
                             message: LocalizedText(es: "YAML ilegible: \(error)", en: "unreadable YAML: \(error)"))
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func make(_ mark: Mark, _ problem: String) -> Diagnostic {
            Diagnostic(file: file, line: mark.line, column: mark.column, message: LocalizedText(
                es: "sintaxis YAML: \(problem); revise la sangría, los dos puntos y las comillas",
                en: "YAML syntax: \(problem); check indentation, colons and quotes"))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return make(mark, text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column, message: LocalizedText(
                es: "clave repetida: \(duplicates.joined(separator: ", ")); deje una sola",
                en: "duplicated key: \(duplicates.joined(separator: ", ")); keep only one"))
        default:
            return Diagnostic(file: file, line: 1, column: 1,
                              message: LocalizedText(es: "YAML ilegible: \(error)", en: "unreadable YAML: \(error)"))
        }
    }
}

/// Typed, located access to the fields of a YAML mapping. Every error names the field,
/// what was expected and where.
struct YAMLFields {
    let file: String
    let node: Node
    let pairs: [(key: String, keyNode: Node, value: Node)]

    init(_ node: Node, file: String, what: LocalizedText) throws(Diagnostic) {
        guard let mapping = node.mapping else {
            throw YAMLFields.error(file, node, es: "se esperaba \(what.es) (campos «clave: valor»)",
                                   en: "expected \(what.en) (“key: value” fields)")
        }
        self.file = file
        self.node = node
        self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    static func error(_ file: String, _ node: Node, es: String, en: String) -> Diagnostic {
        Diagnostic(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1,
                   message: LocalizedText(es: es, en: en))
    }

    func error(at node: Node, es: String, en: String) -> Diagnostic {
        YAMLFields.error(file, node, es: es, en: en)
    }

    /// Unknown fields are usually typos: name them with the ones allowed.
    func rejectUnknown(allowed: [String]) throws(Diagnostic) {
        for pair in pairs where !allowed.contains(pair.key) {
            let list = allowed.joined(separator: ", ")
            throw error(at: pair.keyNode, es: "campo desconocido «\(pair.key)»; los campos válidos son: \(list)",
                        en: "unknown field “\(pair.key)”; valid fields are: \(list)")
        }
    }

    func value(_ key: String) -> Node? {
        guard let v = pairs.first(where: { $0.key == key })?.value else { return nil }
        return YAMLFields.isNull(v) ? nil : v
    }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    func required(_ key: String) throws(Diagnostic) -> Node {
        guard let v = value(key) else {
            throw error(at: node, es: "falta el campo obligatorio «\(key)»; añádalo",
                        en: "missing required field “\(key)”; add it")
        }
        return v
    }

    static func isNull(_ node: Node) -> Bool {
        guard let s = node.scalar, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    func string(_ key: String) throws(Diagnostic) -> String {
        let v = try required(key)
        return try scalarString(v, key: key)
    }

    func optionalString(_ key: String) throws(Diagnostic) -> String? {
        guard let v = value(key) else { return nil }
        return try scalarString(v, key: key)
    }

    func scalarString(_ v: Node, key: String) throws(Diagnostic) -> String {
        guard let s = v.scalar else {
            throw error(at: v, es: "«\(key)» debe ser un texto, no una lista ni un mapa",
                        en: "“\(key)” must be a text, not a list or a mapping")
        }
        let text = s.string.trimmingSpaces()
        if text.isEmpty {
            throw error(at: v, es: "«\(key)» está vacío; escriba un valor", en: "“\(key)” is empty; write a value")
        }
        return text
    }

    func optionalBool(_ key: String) throws(Diagnostic) -> Bool? {
        guard let v = value(key) else { return nil }
        guard let s = v.scalar, s.style == .plain, ["true", "false"].contains(s.string) else {
            throw error(at: v, es: "«\(key)» debe ser true o false", en: "“\(key)” must be true or false")
        }
        return s.string == "true"
    }

    func int(_ key: String, range: ClosedRange<Int>? = nil) throws(Diagnostic) -> Int {
        try intValue(try required(key), key: key, range: range)
    }

    func optionalInt(_ key: String, range: ClosedRange<Int>? = nil) throws(Diagnostic) -> Int? {
        guard let v = value(key) else { return nil }
        return try intValue(v, key: key, range: range)
    }

    func intValue(_ v: Node, key: String, range: ClosedRange<Int>?) throws(Diagnostic) -> Int {
        guard let s = v.scalar, s.style == .plain, let n = Int(s.string) else {
            throw error(at: v, es: "«\(key)» debe ser un número entero, no «\(v.scalar?.string ?? "…")»",
                        en: "“\(key)” must be a whole number, not “\(v.scalar?.string ?? "…")”")
        }
        if let range, !range.contains(n) {
            throw error(at: v, es: "«\(key)» vale \(n), fuera de \(range.lowerBound)–\(range.upperBound)",
                        en: "“\(key)” is \(n), outside \(range.lowerBound)–\(range.upperBound)")
        }
        return n
    }

    func list(_ key: String, required isRequired: Bool = false) throws(Diagnostic) -> [Node] {
        guard let v = isRequired ? try required(key) : value(key) else { return [] }
        guard let seq = v.sequence else {
            throw error(at: v, es: "«\(key)» debe ser una lista (líneas que empiezan con «- » o [a, b])",
                        en: "“\(key)” must be a list (lines starting with “- ” or [a, b])")
        }
        return Array(seq)
    }

    func stringList(_ key: String) throws(Diagnostic) -> [String] {
        var result: [String] = []
        for v in try list(key) { result.append(try scalarString(v, key: key)) }
        return result
    }

    func date(_ key: String) throws(Diagnostic) -> CalendarDate {
        let v = try required(key)
        let text = try scalarString(v, key: key)
        guard let date = CalendarDate(iso: text) else {
            throw error(at: v, es: "«\(key)»: «\(text)» no es una fecha posible; use AAAA-MM-DD, p. ej. 2023-03-29",
                        en: "“\(key)”: “\(text)” is not a possible date; use YYYY-MM-DD, e.g. 2023-03-29")
        }
        return date
    }
}
