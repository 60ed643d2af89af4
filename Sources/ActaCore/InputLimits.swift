/// The largest input acta accepts. Anything larger is refused with a message naming the limit
/// (README, "Limits"), so a hostile or broken file can neither freeze nor exhaust acta.
public enum InputLimits {
    /// One text: a note, an acuerdo, a title, any YAML value or journal field (UTF-8 bytes).
    public static let fieldBytes = 64 * 1024
    /// A plan or an agenda file.
    public static let definitionFileBytes = 4 * 1024 * 1024
    /// A journal file (a long session is a few MB).
    public static let journalFileBytes = 64 * 1024 * 1024
    /// One journal line: a whole event, its texts escaped.
    public static let journalLineBytes = 1024 * 1024
    /// The draft being typed.
    public static let draftFileBytes = 1024 * 1024
    /// Sequence numbers in a journal (and undo targets).
    public static let sequenceRange = 1...999_999_999
    /// Agenda item and acuerdo numbers in a journal.
    public static let numberRange = 1...999_999
    /// Commitment and hito numbers, as in plans and agendas.
    public static let milestoneNumberRange = 1...999

    /// "64 KiB", "4 MiB": a limit as people read it.
    public static func describe(bytes: Int) -> String {
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MiB" : "\(bytes / 1024) KiB"
    }
}
