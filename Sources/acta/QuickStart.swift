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
        var session: String?
        var options: [String: String] = [:]
        var flags: Set<String> = []
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--sessions", "--lang":
                guard options[argument] == nil, let value = rest.popFirst(), !value.isEmpty, !value.hasPrefix("-") else { return nil }
                options[argument] = value
            case "--take-over", "--no-clock":
                guard flags.insert(argument).inserted else { return nil }
            default:
                guard session == nil, !argument.isEmpty, !argument.hasPrefix("-") else { return nil }
                session = argument
            }
        }
        guard let session else { return nil }
        if let lang = options["--lang"], Language(rawValue: lang.lowercased()) == nil { return nil }
        // Every property is set: a property wrapper ArgumentParser did not fill traps when read.
        var common = CommonOptions()
        common.lang = options["--lang"]
        common.sessions = options["--sessions"]
        var record = Record()
        record.common = common
        record.session = session
        record.takeOver = flags.contains("--take-over")
        record.noClock = flags.contains("--no-clock")
        return .record(record)
    }
}
