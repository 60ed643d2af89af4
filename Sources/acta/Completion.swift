import ActaStore
import ArgumentParser
import Foundation

/// Tab completion of session names and plan ids, read from the sessions folder the command
/// line would use (`--sessions` already typed, else ACTA_SESSIONS, else found upwards).
enum Completion {
    static func sessionsFolder(_ words: [String]) -> SessionsDirectory {
        var option: String?
        for (i, word) in words.enumerated() {
            if word == "--sessions", i + 1 < words.count { option = words[i + 1] }
            else if word.hasPrefix("--sessions=") { option = String(word.dropFirst("--sessions=".count)) }
        }
        return SessionsLocator.locate(option: option, environment: processEnvironment).directory
    }

    static let sessions = CompletionKind.custom { words, _, prefix in
        sessionsFolder(words).sessionNames().filter { $0.hasPrefix(prefix) }
    }

    static let plans = CompletionKind.custom { words, _, prefix in
        sessionsFolder(words).planIDs().filter { $0.hasPrefix(prefix) }
    }

    static let languages = CompletionKind.list(["es", "en"])
}
