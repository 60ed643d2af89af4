import ActaCore
import Yams

/// Parses YAML text into a node tree, turning syntax errors into located diagnostics.
enum YAMLDocument {
    /// Line breaks YAML knows but editors do not show as such (a lone CR, NEL, U+2028, U+2029):
    /// they would make every later line number differ from the editor's, so they are refused
    /// where they are, counted in editor lines.
    static func strayLineBreak(in text: String, file: String) -> Diagnostic? {
        var line = 1, column = 1
        for s in text.unicodeScalars {
            if s == "\n" { line += 1; column = 1; continue }
            if s == "\r" || s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}" {
                let code = "U+" + String(s.value, radix: 16, uppercase: true)
                return Diagnostic(file: file, line: line, column: column, message: LocalizedText(
                    es: "salto de línea no admitido (\(code)); bórrelo o use un salto de línea normal (guarde el archivo con finales de línea LF, p. ej. dos2unix)",
                    en: "unsupported line break (\(code)); delete it or use a plain line break (save the file with LF line ends, e.g. dos2unix)"))
            }
            column += 1
        }
        return nil
    }

    static func parse(_ text: String, file: String) throws(Diagnostic) -> Node {
        if let stray = strayLineBreak(in: text, file: file) { throw stray }
        do {
            // No implicit tags: the loaders read scalars as text themselves, and resolving every
            // scalar's tag by regular expressions (for Yams' duplicate-key check) was most of a load.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw Diagnostic(file: file, line: 1, column: 1, message: LocalizedText(
                    es: "el archivo está vacío; escriba su contenido en YAML (acta new crea una agenda de ejemplo)",
                    en: "the file is empty; write its content in YAML (acta new creates a sample agenda)"))
            }
            return node
        } catch let d as Diagnostic {
            throw d
        } catch let error as YamlError {
            throw diagnostic(for: error, file: file)
        } catch {
            throw Diagnostic(file: file, line: 1, column: 1,
                             message: LocalizedText(es: "YAML ilegible (\(ControlCharacters.shown("\(error)"))); revise la sintaxis, p. ej. con acta new se crea una agenda de ejemplo",
                                                     en: "unreadable YAML (\(ControlCharacters.shown("\(error)"))); check the syntax, e.g. acta new creates a sample agenda"))
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func make(_ mark: Mark, _ problem: String) -> Diagnostic {
            Diagnostic(file: file, line: mark.line, column: mark.column, message: LocalizedText(
                es: "sintaxis YAML: \(problem); revise la sangría (con espacios, no tabuladores), los dos puntos y las comillas, p. ej. «  - {id: gae, name: \"…\", kind: gobierno}»",
                en: "YAML syntax: \(problem); check indentation (spaces, not tabs), colons and quotes, e.g. “  - {id: gae, name: \"…\", kind: gobierno}”"))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return make(mark, text)
        case .reader(let problem, let offset, let value, let yaml):
            // The offset counts Characters; the control character itself is shown, never sent.
            var line = 1, column = 1
            for c in yaml.prefix(offset ?? 0) {
                if c == "\n" || c == "\r\n" { line += 1; column = 1 } else { column += 1 }
            }
            let code = "U+" + String(value, radix: 16, uppercase: true)
            return Diagnostic(file: file, line: line, column: column, message: LocalizedText(
                es: "carácter no permitido en YAML (\(code), \(problem)); bórrelo o escríbalo entre comillas con un escape, p. ej. \"\\t\"",
                en: "character not allowed in YAML (\(code), \(problem)); delete it, or write it quoted as an escape, e.g. \"\\t\""))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column, message: LocalizedText(
                es: "clave repetida: \(ControlCharacters.shown(duplicates.joined(separator: ", "))); deje una sola y borre las demás",
                en: "duplicated key: \(ControlCharacters.shown(duplicates.joined(separator: ", "))); keep one and delete the others"))
        default:
            return Diagnostic(file: file, line: 1, column: 1,
                              message: LocalizedText(es: "YAML ilegible (\(ControlCharacters.shown("\(error)"))); revise la sintaxis, p. ej. con acta new se crea una agenda de ejemplo",
                                                     en: "unreadable YAML (\(ControlCharacters.shown("\(error)"))); check the syntax, e.g. acta new creates a sample agenda"))
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
            throw YAMLFields.error(file, node, es: "se esperaba \(what.es); escriba campos «clave: valor», uno por línea, p. ej. id: gae",
                                   en: "expected \(what.en); write “key: value” fields, one a line, e.g. id: gae")
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
            let shown = ControlCharacters.shown(pair.key)
            throw error(at: pair.keyNode, es: "campo desconocido «\(shown)»; corríjalo o bórrelo: los campos válidos son \(list)",
                        en: "unknown field “\(shown)”; fix or delete it: valid fields are \(list)")
        }
    }

    func value(_ key: String) -> Node? {
        guard let v = pairs.first(where: { $0.key == key })?.value else { return nil }
        return YAMLFields.isNull(v) ? nil : v
    }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    func required(_ key: String) throws(Diagnostic) -> Node {
        guard let v = value(key) else {
            throw error(at: node, es: "falta el campo obligatorio «\(key)»; añádalo, p. ej. \(key): …",
                        en: "missing required field “\(key)”; add it, e.g. \(key): …")
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
            throw error(at: v, es: "«\(key)» debe ser un texto, no una lista ni un mapa; escríbalo entre comillas, p. ej. \(key): \"…\"",
                        en: "“\(key)” must be a text, not a list or a mapping; write it in quotes, e.g. \(key): \"…\"")
        }
        if s.string.utf8.count > InputLimits.fieldBytes {
            let limit = InputLimits.describe(bytes: InputLimits.fieldBytes)
            throw error(at: v, es: "«\(key)» mide \(s.string.utf8.count) bytes, más que el límite de \(limit); acórtelo",
                        en: "“\(key)” is \(s.string.utf8.count) bytes, over the \(limit) limit; shorten it")
        }
        let text = s.string.trimmingSpaces()
        if text.isEmpty {
            throw error(at: v, es: "«\(key)» está vacío; escriba un valor, o bórrelo si es opcional", en: "“\(key)” is empty; write a value, or delete it if it is optional")
        }
        return text
    }

    func optionalBool(_ key: String) throws(Diagnostic) -> Bool? {
        guard let v = value(key) else { return nil }
        guard let s = v.scalar, s.style == .plain, ["true", "false"].contains(s.string) else {
            throw error(at: v, es: "«\(key)» debe ser true o false; escriba p. ej. \(key): true", en: "“\(key)” must be true or false; write e.g. \(key): true")
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
            let shown = ControlCharacters.shown(v.scalar?.string ?? "…")
            let example = range.map { " (\($0.lowerBound)–\($0.upperBound))" } ?? ""
            throw error(at: v, es: "«\(key)» debe ser un número entero\(example), sin comillas, no «\(shown)»; p. ej. \(key): \(range?.lowerBound ?? 1)",
                        en: "“\(key)” must be a whole number\(example), unquoted, not “\(shown)”; e.g. \(key): \(range?.lowerBound ?? 1)")
        }
        if let range, !range.contains(n) {
            throw error(at: v, es: "«\(key)» vale \(n), fuera de \(range.lowerBound)–\(range.upperBound); escriba un número en ese intervalo",
                        en: "“\(key)” is \(n), outside \(range.lowerBound)–\(range.upperBound); write a number in that range")
        }
        return n
    }

    func list(_ key: String, required isRequired: Bool = false) throws(Diagnostic) -> [Node] {
        guard let v = isRequired ? try required(key) : value(key) else { return [] }
        guard let seq = v.sequence else {
            throw error(at: v, es: "«\(key)» debe ser una lista: líneas que empiezan con «- » o entre corchetes, p. ej. \(key): [1, 2]",
                        en: "“\(key)” must be a list: lines starting with “- ” or in brackets, e.g. \(key): [1, 2]")
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
            let shown = ControlCharacters.shown(text)
            throw error(at: v, es: "«\(key)»: «\(shown)» no es una fecha posible; use AAAA-MM-DD con año 0001–9999, p. ej. 2023-03-29",
                        en: "“\(key)”: “\(shown)” is not a possible date; use YYYY-MM-DD with a year 0001–9999, e.g. 2023-03-29")
        }
        return date
    }
}
