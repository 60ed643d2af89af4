/// The part of ArgumentParser's `--experimental-dump-help` JSON the pages use
/// (its ArgumentParserToolInfo module is not a product, so the few fields are decoded here).
struct ToolInfo: Decodable {
    let command: CommandInfo
}

struct CommandInfo: Decodable {
    let commandName: String
    let abstract: String?
    let discussion: String?
    let shouldDisplay: Bool?
    let subcommands: [CommandInfo]?
    let arguments: [ArgumentInfo]?

    var visibleSubcommands: [CommandInfo] {
        (subcommands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
    }
    var visibleArguments: [ArgumentInfo] { (arguments ?? []).filter { $0.shouldDisplay != false } }
}

struct ArgumentInfo: Decodable {
    enum Kind: String, Decodable { case positional, option, flag }
    struct Name: Decodable {
        let kind: String
        let name: String
        var spelled: String { kind == "short" ? "-" + name : "--" + name }
    }
    let kind: Kind
    let shouldDisplay: Bool?
    let isOptional: Bool
    let isRepeating: Bool
    let names: [Name]?
    let valueName: String?
    let defaultValue: String?
    let allValues: [String]?
    let abstract: String?
    let discussion: String?
}
