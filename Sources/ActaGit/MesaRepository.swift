import ActaCore
import ActaFormats
import ActaStore

/// Why the mesa folder's record could not be shared; said to the user, never fatal to recording.
public enum SharingUnavailable: Error, Sendable, Equatable {
    case gitMissing
    case notARepository
    case noRemote
    case unreachable(String)
    /// git refused an operation for another reason; its own words follow.
    case gitFailed(String)

    public func message(_ language: Language) -> String {
        switch self {
        case .gitMissing:
            return language == .es
                ? "git no está instalado: la sesión quedó guardada en este equipo pero no se compartió (instale git, p. ej. apt-get install git, y ejecute acta sync)."
                : "git is not installed: the session is saved on this computer but was not shared (install git, e.g. apt-get install git, and run acta sync)."
        case .notARepository:
            return language == .es
                ? "la carpeta de la mesa no es un repositorio git: la sesión quedó guardada en este equipo pero no se compartió (acta init --git la prepara)."
                : "the mesa folder is not a git repository: the session is saved on this computer but was not shared (acta init --git sets it up)."
        case .noRemote:
            return language == .es
                ? "el repositorio no tiene remoto: nada se envió ni recibió; añada uno con git remote add origin URL y ejecute acta sync."
                : "the repository has no remote: nothing was sent or received; add one with git remote add origin URL and run acta sync."
        case .unreachable(let detail):
            return language == .es
                ? "no se pudo contactar el remoto (¿sin red?): nada se envió ni recibió; lo grabado está a salvo aquí y el próximo acta sync lo enviará. git dijo: \(detail)"
                : "could not reach the remote (no network?): nothing was sent or received; what was recorded is safe here and the next acta sync sends it. git said: \(detail)"
        case .gitFailed(let detail):
            return language == .es
                ? "git no pudo completar la operación; lo grabado está a salvo en este equipo. git dijo: \(detail)"
                : "git could not complete the operation; what was recorded is safe on this computer. git said: \(detail)"
        }
    }
}

/// The git repository holding a mesa's sessions folder.
public struct MesaRepository: Sendable {
    public let sessions: SessionsDirectory
    /// The repository's top folder.
    public let top: String
    let git: Git

    /// The files of a session that are the record; drafts, locks and caches never are.
    public static let sessionFiles = [SessionsDirectory.agendaFile, SessionsDirectory.journalFile,
                                      "minutes.md", "action-items.md", "milestones.csv", "milestones.json"]

    /// The repository holding `sessions`, if git is there and the folder is inside one.
    public static func open(_ sessions: SessionsDirectory, recorder: String) throws(SharingUnavailable) -> MesaRepository {
        let root = SessionsLocator.absolute(sessions.root)
        var git = Git(directory: root)
        let top: Git.Output
        do { top = try git.run(["rev-parse", "--show-toplevel"]) } catch { throw .gitMissing }
        guard top.succeeded, !top.line.isEmpty else { throw .notARepository }
        // A commit needs an author: without one configured, the recorder signs.
        if let email = try? git.run(["config", "user.email"]), email.line.isEmpty {
            git.settings = ["user.name=acta (\(recorder))", "user.email=\(recorder)@acta.invalid"]
        }
        git = Git(directory: top.line, settings: git.settings)
        return MesaRepository(sessions: SessionsDirectory(root: root), top: top.line, git: git)
    }

    /// Creates a repository in `folder` (git init), unless it already is inside one.
    public static func initialize(_ folder: String) throws(SharingUnavailable) -> Bool {
        let git = Git(directory: folder)
        let inside: Git.Output
        do { inside = try git.run(["rev-parse", "--is-inside-work-tree"]) } catch { throw .gitMissing }
        if inside.succeeded { return false }
        do {
            let created = try git.run(["init", "--quiet"])
            guard created.succeeded else { throw SharingUnavailable.gitFailed(created.stderr) }
        } catch { throw .gitMissing }
        return true
    }

    /// Paths of a session's record files, relative to the repository's top.
    func recordFiles(ofSession name: String) -> [String] {
        Self.sessionFiles.map { "\(sessions.folder(name))/\($0)" }.filter(FileIO.isRegularFile)
    }

    /// Commits a session's record; returns the short hash, or nil when nothing had changed.
    public func commitSession(_ name: String, message: String) throws(SharingUnavailable) -> String? {
        try commit(recordFiles(ofSession: name), message: message)
    }

    /// Commits exactly these files (others staged by the user stay as they were).
    func commit(_ files: [String], message: String) throws(SharingUnavailable) -> String? {
        guard !files.isEmpty else { return nil }
        do {
            let add = try git.run(["add", "--"] + files)
            guard add.succeeded else { throw SharingUnavailable.gitFailed(add.stderr) }
            let staged = try git.run(["diff", "--cached", "--quiet", "--"] + files)
            if staged.succeeded { return nil }
            let commit = try git.run(["commit", "--quiet", "-m", message, "--"] + files)
            guard commit.succeeded else { throw SharingUnavailable.gitFailed(commit.stderr + commit.stdout) }
            return try git.run(["rev-parse", "--short", "HEAD"]).line
        } catch let e as SharingUnavailable {
            throw e
        } catch {
            throw .gitMissing
        }
    }

    /// Commits a new mesa folder's files: marker, README, .gitignore and plans.
    public func commitMesa(_ folder: MesaFolder, message: String) throws(SharingUnavailable) -> String? {
        try commit([folder.marker, folder.readme, folder.gitignore].filter(FileIO.isRegularFile).map(SessionsLocator.absolute)
                   + planFiles(), message: message)
    }

    func planFiles() -> [String] {
        FileIO.listDirectory("\(sessions.root)/plans").filter { $0.hasSuffix(".yaml") }.map { "\(sessions.root)/plans/\($0)" }
    }

    /// What sync commits before pulling: every plan, and the record of each session whose journal
    /// or agenda is not committed yet (recorded while git was missing, or created by acta new).
    /// Outputs alone that differ are left out: a reader who regenerated an acta (in English, say)
    /// must not publish it.
    func pendingRecordFiles() throws(SharingUnavailable) -> (files: [String], sessions: [String]) {
        let status = try run(["status", "--porcelain", "-z", "--untracked-files=all", "--", sessions.root]).stdout
        let changed = Set(status.split(separator: "\0").compactMap { entry -> String? in
            // "XY path"; a rename's second entry (its old path) has no status and is skipped.
            guard entry.count > 3, entry.dropFirst(2).first == " " else { return nil }
            return "\(top)/\(entry.dropFirst(3))"
        })
        let sessionsWithNews = sessions.sessionNames().filter { name in
            [SessionsDirectory.agendaFile, SessionsDirectory.journalFile].contains { changed.contains(SessionsLocator.absolute(sessions.folder(name)) + "/" + $0) }
        }
        return (sessionsWithNews.flatMap(recordFiles(ofSession:)) + planFiles(), sessionsWithNews)
    }

    func run(_ arguments: [String]) throws(SharingUnavailable) -> Git.Output {
        do { return try git.run(arguments) } catch { throw .gitMissing }
    }
}

extension Git {
    init(directory: String, settings: [String]) {
        self.init(directory: directory)
        self.settings = settings
    }
}
