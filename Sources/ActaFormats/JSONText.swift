import ActaCore

/// JSON acta writes (the journal, milestones.json, script output) never carries a control
/// character raw: JSONEncoder escapes C0 but writes DEL, C1 and the bidi overrides as they are.
public enum JSONText {
    /// Replaces those characters with `\uXXXX`. Outside strings JSON is ASCII punctuation, so
    /// any such character is inside a string, where the escape means the same character.
    public static func escapingControls(_ json: String) -> String {
        // Raw line breaks and tabs can only be the encoder's own layout (inside strings it escapes them).
        func needsEscape(_ s: Unicode.Scalar) -> Bool { s != "\n" && s != "\r" && s != "\t" && ControlCharacters.isControl(s) }
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var out = String.UnicodeScalarView()
        for s in json.unicodeScalars {
            if needsEscape(s) {
                let hex = String(s.value, radix: 16, uppercase: false)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}
