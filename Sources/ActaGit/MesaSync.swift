import ActaCore
import ActaFormats
import ActaStore

/// A session recorded on two machines: both journals grew apart from a common start.
public struct JournalConflict: Sendable, Equatable {
    public let session: String
    public let ourRecorder: String?
    public let theirRecorder: String?
    /// Where the other machine's journal was kept (`journal.<id>.jsonl` beside ours).
    public let copy: String
    public let onlyOurs: [String]
    public let onlyTheirs: [String]
}

/// What `acta sync` did.
public enum SyncOutcome: Sendable, Equatable {
    case done(received: [String], sent: Int, committed: String?)
    /// Two writers of the same session: nothing was pulled or pushed.
    case conflicts([JournalConflict])
    /// git could not replay local commits on the remote's (the same file changed on both sides);
    /// the rebase was undone and nothing was pushed.
    case rebaseStopped(files: [String])
}

/// Which journal survives when two machines recorded the same session.
public enum KeptJournal: String, Sendable, CaseIterable {
    case mine, theirs
}

extension MesaRepository {
    /// Commits what is not yet, pulls (rebase) and pushes; stops before touching anything when a
    /// session was recorded on two machines.
    public func sync(language: Language, keep: KeptJournal? = nil) throws(SharingUnavailable) -> SyncOutcome {
        let pending = try pendingRecordFiles()
        let names = pending.sessions.isEmpty ? "" : " (" + pending.sessions.joined(separator: ", ") + ")"
        let committed = try commit(pending.files, message: language == .es
            ? "acta sync: registros aún sin compartir\(names)" : "acta sync: records not yet shared\(names)")
        let upstream = try trackUpstream()
        guard let upstream else {
            return .done(received: [], sent: try count("HEAD"), committed: committed)
        }
        let conflicts = try journalConflicts(upstream: upstream)
        if !conflicts.isEmpty {
            guard let keep else { return .conflicts(conflicts) }
            return try resolve(conflicts, keeping: keep, upstream: upstream, committed: committed)
        }
        let received = try changedSessions(from: "HEAD", to: upstream)
        if try count("HEAD..\(upstream)") > 0 {
            let pull = try run(["pull", "--rebase", "--autostash", "--quiet"])
            if !pull.succeeded {
                if let stopped = try abortStoppedRebase() { return stopped }
                throw .unreachable(Self.firstLine(pull.stderr))
            }
        }
        let sent = try count("\(upstream)..HEAD")
        if sent > 0 { try push() }
        return .done(received: received, sent: sent, committed: committed)
    }

    /// The remote branch this one follows, setting it up on first use; nil when the branch was
    /// just pushed for the first time. Fetches, so every later answer is current.
    func trackUpstream() throws(SharingUnavailable) -> String? {
        let remotes = try run(["remote"]).stdout.split(separator: "\n").map(String.init)
        guard let remote = remotes.contains("origin") ? "origin" : remotes.first else { throw .noRemote }
        let fetch = try run(["fetch", "--quiet", remote])
        guard fetch.succeeded else { throw .unreachable(Self.firstLine(fetch.stderr)) }
        let current = try run(["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"])
        if current.succeeded { return current.line }
        let branch = try run(["symbolic-ref", "--short", "HEAD"]).line
        let remoteBranch = "\(remote)/\(branch)"
        if try run(["rev-parse", "--verify", "--quiet", "refs/remotes/\(remoteBranch)"]).succeeded {
            _ = try run(["branch", "--quiet", "--set-upstream-to=\(remoteBranch)"])
            return remoteBranch
        }
        let push = try run(["push", "--quiet", "--set-upstream", remote, "HEAD:\(branch)"])
        guard push.succeeded else { throw Self.pushFailure(push.stderr) }
        return nil
    }

    func push() throws(SharingUnavailable) {
        let push = try run(["push", "--quiet"])
        guard push.succeeded else { throw Self.pushFailure(push.stderr) }
    }

    /// Journals changed on both sides since they parted, where neither is the start of the other.
    func journalConflicts(upstream: String) throws(SharingUnavailable) -> [JournalConflict] {
        let base = try run(["merge-base", "HEAD", upstream])
        guard base.succeeded else { return [] }
        let ours = Set(try changedFiles(from: base.line, to: "HEAD"))
        let theirs = try changedFiles(from: base.line, to: upstream)
        var conflicts: [JournalConflict] = []
        for path in theirs where ours.contains(path) && path.hasSuffix("/" + SessionsDirectory.journalFile) {
            let mine = try run(["show", "HEAD:\(path)"]).stdout
            let other = try run(["show", "\(upstream):\(path)"]).stdout
            guard case .diverged(_, let onlyOurs, let onlyTheirs) = JournalComparison.compare(ours: mine, theirs: other) else { continue }
            let folder = FileIO.parent(of: "\(top)/\(path)")
            let theirRecorder = JournalComparison.recorder(of: onlyTheirs)
            let copy = "\(folder)/journal.\(theirRecorder ?? "remoto").jsonl"
            do { try FileIO.writeAtomically(other, to: copy) } catch {}
            conflicts.append(JournalConflict(session: FileIO.basename(of: folder), ourRecorder: JournalComparison.recorder(of: onlyOurs),
                                             theirRecorder: theirRecorder, copy: copy, onlyOurs: onlyOurs, onlyTheirs: onlyTheirs))
        }
        return conflicts
    }

    /// Merges the remote keeping one side's files for the conflicting sessions (the other journal
    /// stays in history and in its `journal.<id>.jsonl` copy), then pushes.
    func resolve(_ conflicts: [JournalConflict], keeping keep: KeptJournal, upstream: String,
                 committed: String?) throws(SharingUnavailable) -> SyncOutcome {
        let received = try changedSessions(from: "HEAD", to: upstream)
        let merge = try run(["merge", "--no-ff", "--no-commit", upstream])
        let unmerged = try run(["diff", "--name-only", "--diff-filter=U"]).stdout.split(separator: "\n").map(String.init)
        let folders = conflicts.map { relative(sessions.folder($0.session)) + "/" }
        // A merge refused outright (local edits in the way) left nothing to resolve: say git's words.
        if !merge.succeeded && unmerged.isEmpty { throw .gitFailed(Self.firstLine(merge.stderr + merge.stdout)) }
        let others = unmerged.filter { file in !folders.contains { file.hasPrefix($0) } }
        guard merge.succeeded || others.isEmpty else {
            _ = try run(["merge", "--abort"])
            return .rebaseStopped(files: others)
        }
        for file in unmerged {
            _ = try run(["checkout", keep == .mine ? "--ours" : "--theirs", "--", file])
            _ = try run(["add", "--", file])
        }
        let names = conflicts.map(\.session).joined(separator: ", ")
        let commit = try run(["commit", "--quiet", "-m", "acta sync: \(names) (\(keep == .mine ? "se conserva el diario de este equipo" : "se conserva el diario del remoto"))"])
        guard commit.succeeded else { throw .gitFailed(Self.firstLine(commit.stderr + commit.stdout)) }
        let sent = try count("\(upstream)..HEAD")
        try push()
        return .done(received: received, sent: sent, committed: committed)
    }

    /// After a failed pull: when a rebase stopped on a conflict, undo it and say which files.
    func abortStoppedRebase() throws(SharingUnavailable) -> SyncOutcome? {
        let gitDir = try run(["rev-parse", "--git-dir"]).line
        let dir = gitDir.hasPrefix("/") ? gitDir : "\(top)/\(gitDir)"
        guard FileIO.exists("\(dir)/rebase-merge") || FileIO.exists("\(dir)/rebase-apply") else { return nil }
        let files = try run(["diff", "--name-only", "--diff-filter=U"]).stdout.split(separator: "\n").map(String.init)
        _ = try run(["rebase", "--abort"])
        return .rebaseStopped(files: files)
    }

    func changedFiles(from: String, to: String) throws(SharingUnavailable) -> [String] {
        try run(["diff", "--name-only", from, to]).stdout.split(separator: "\n").map(String.init)
    }

    /// Sessions the remote changed since the two sides parted (`git diff HEAD...upstream`).
    func changedSessions(from: String, to: String) throws(SharingUnavailable) -> [String] {
        let prefix = relative(sessions.root) + "/"
        var names: [String] = []
        for file in try run(["diff", "--name-only", "\(from)...\(to)"]).stdout.split(separator: "\n").map(String.init) where file.hasPrefix(prefix) {
            let rest = file.dropFirst(prefix.count)
            guard let slash = rest.firstIndex(of: "/") else { continue }
            let name = String(rest[..<slash])
            if name != "plans" && !names.contains(name) { names.append(name) }
        }
        return names
    }

    func count(_ range: String) throws(SharingUnavailable) -> Int {
        Int(try run(["rev-list", "--count", range]).line) ?? 0
    }

    /// A path inside the repository, relative to its top (as git prints paths).
    func relative(_ path: String) -> String {
        let absolute = SessionsLocator.absolute(path)
        guard absolute.hasPrefix(top + "/") else { return absolute }
        return String(absolute.dropFirst(top.count + 1))
    }

    /// A push the remote refused (it moved meanwhile) is not a network problem.
    static func pushFailure(_ stderr: String) -> SharingUnavailable {
        stderr.contains("rejected") ? .gitFailed(firstLine(stderr) + " (acta sync otra vez / run acta sync again)") : .unreachable(firstLine(stderr))
    }

    static func firstLine(_ text: String) -> String {
        text.split(separator: "\n").first.map { String($0).trimmingCharacters(in: " ") } ?? ""
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
