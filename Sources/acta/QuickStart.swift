import ActaCore
import ArgumentParser

/// The command lines that must start fastest, read without ArgumentParser's parse: it finds
/// every command's options by reflection, a third of `acta record`'s start before its first
/// frame. Only the plain spellings are taken — `acta --version`, and `acta record SESSION` with
/// any of `--sessions DIR`, `--lang es|en`, `--take-over`, `--no-clock`, each at most once;
/// anything else (help, `--opt=value`, a repeated or unknown option, a value that looks like
/// an option, an invalid language) goes through ArgumentParser as before, so errors and their
/// messages do not change. The `Record` built is the one ArgumentParser would have built.
enum QuickStart {
    enum Command {
        case version
        case record(Record)
    }

    static func command(_ arguments: [String]) -> Command? {
        if arguments == ["--version"] { return .version }
        guard arguments.first == "record" else { return nil }
        // Plain variables, not a dictionary or set: each new generic type costs the runtime a scan
        // of every protocol conformance in the binary.
        var session: String?, sessions: String?, lang: String?
        var takeOver = false, noClock = false
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--sessions", "--lang":
                guard let value = rest.popFirst(), !value.isEmpty, !value.hasPrefix("-") else { return nil }
                if argument == "--sessions" {
                    guard sessions == nil else { return nil }
                    sessions = value
                } else {
                    guard lang == nil else { return nil }
                    lang = value
                }
            case "--take-over":
                guard !takeOver else { return nil }
                takeOver = true
            case "--no-clock":
                guard !noClock else { return nil }
                noClock = true
            default:
                guard session == nil, !argument.isEmpty, !argument.hasPrefix("-") else { return nil }
                session = argument
            }
        }
        guard let session else { return nil }
        if let lang, Language(rawValue: lang.lowercased()) == nil { return nil }
        // Every property is set: a property wrapper ArgumentParser did not fill traps when read.
        var common = CommonOptions()
        common.lang = lang
        common.sessions = sessions
        var record = Record()
        record.common = common
        record.session = session
        record.takeOver = takeOver
        record.noClock = noClock
        return .record(record)
    }
}
