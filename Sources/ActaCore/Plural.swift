/// "1 hito", "2 hitos": a count with the word in the right number (both languages form plurals
/// this way for the words acta uses).
public enum Plural {
    public static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
