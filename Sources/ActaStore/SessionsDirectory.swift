import ActaCore
import ActaFormats

/// A session folder read from disk: its fold when it could be loaded, and every problem found.
public struct LoadedSession: Sendable {
    public let name: String
    public let folder: String
    public let session: Session?
    public let diagnostics: [Diagnostic]

    public var named: NamedSession? { session.map { NamedSession(name: name, session: $0) } }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

/// The `sessions/` folder: plans under `plans/`, one folder per session.
public struct SessionsDirectory: Sendable {
    public let root: String

    public init(root: String) {
        var r = root
        while r.count > 1 && r.hasSuffix("/") { r.removeLast() }
        self.root = r
    }

    public static let agendaFile = "agenda.yaml"
    public static let journalFile = "journal.jsonl"

    public func folder(_ name: String) -> String { "\(root)/\(name)" }
    public func planPath(_ id: String) -> String { "\(root)/plans/\(id).yaml" }

    /// Turns what a user typed (a folder name, or a relative or absolute path to it or to a file
    /// in it) into a session name inside this directory. Nothing may reach outside it.
    public func resolve(_ argument: String) throws(StoreError) -> String {
        var arg = argument
        while arg.hasSuffix("/") && arg.count > 1 { arg.removeLast() }
        let outside = StoreError(path: argument, code: 0,
                                 es: "no es una sesión dentro de la carpeta de sesiones en uso (\(SessionsLocator.absolute(root))); nombre la carpeta de la sesión, p. ej. 2023-03-29-primera-mesa",
                                 en: "is not a session inside the sessions folder in use (\(SessionsLocator.absolute(root))); name the session's folder, e.g. 2023-03-29-primera-mesa")
        if arg.contains("/") {
            // A path: relative to the current folder, else to the sessions folder; then it must
            // be a folder directly inside the sessions folder (or a file in one).
            guard let rootPath = SessionsLocator.canonical(root) else { throw outside }
            let candidates = arg.hasPrefix("/") ? [arg] : [arg, "\(root)/\(arg)"]
            guard var target = candidates.lazy.compactMap(SessionsLocator.canonical).first else {
                throw StoreError(path: argument, code: 0,
                                 es: "no existe esa sesión; «acta list» muestra las que hay",
                                 en: "no such session; “acta list” shows the ones there are")
            }
            if FileIO.isRegularFile(target) { target = FileIO.parent(of: target) }
            guard FileIO.parent(of: target) == rootPath else { throw outside }
            arg = FileIO.basename(of: target)
        }
        guard !arg.isEmpty, arg != "..", arg != ".", !arg.hasPrefix("."), arg != "plans" else { throw outside }
        guard FileIO.isDirectory(folder(arg)) else {
            throw StoreError(path: folder(arg), code: 0,
                             es: "no existe esa sesión; «acta list» muestra las que hay",
                             en: "no such session; “acta list” shows the ones there are")
        }
        return arg
    }

    /// Folders holding an agenda, sorted by name (names start with the date).
    public func sessionNames() -> [String] {
        FileIO.listDirectory(root).filter { name in
            !name.hasPrefix(".") && name != "plans" && FileIO.exists("\(folder(name))/\(Self.agendaFile)")
        }
    }

    func text(_ path: String) throws(Diagnostic) -> String {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch {
            throw Diagnostic(file: path, line: 1, column: 1, message: LocalizedText(
                es: "no se puede leer el archivo (\(error.message.es)); compruebe que existe",
                en: "cannot read the file (\(error.message.en)); check that it exists"))
        }
        return try TextDecoding.decode(bytes, file: path)
    }

    public func loadPlan(_ id: String) throws(Diagnostics) -> Plan {
        let path = planPath(id)
        do {
            return try PlanLoader.load(try text(path), file: path)
        } catch let d as Diagnostic {
            throw Diagnostics([d])
        } catch let d as Diagnostics {
            throw d
        } catch {
            throw Diagnostics([])
        }
    }

    /// Loads plan, agenda and journal; on any error the session is nil and the problems say why.
    public func load(_ name: String) -> LoadedSession {
        var plans = PlanCache()
        return load(name, plans: &plans)
    }

    /// The same, reading each plan at most once across calls sharing `plans`.
    public func load(_ name: String, plans: inout PlanCache) -> LoadedSession {
        let dir = folder(name)
        let agendaPath = "\(dir)/\(Self.agendaFile)"
        var diagnostics: [Diagnostic] = []
        func done(_ session: Session?) -> LoadedSession {
            LoadedSession(name: name, folder: dir, session: session, diagnostics: diagnostics)
        }
        let parsedAgenda: AgendaLoader.Parsed
        let plan: Plan
        do {
            parsedAgenda = try AgendaLoader.parse(try text(agendaPath), file: agendaPath)
            let planID = try AgendaLoader.planID(parsedAgenda)
            if plans.plans[planID] == nil {
                do { plans.plans[planID] = .success(try loadPlan(planID)) } catch { plans.plans[planID] = .failure(error) }
            }
            do { plan = try plans.plans[planID]!.get() } catch {
                diagnostics += error.items
                if !FileIO.exists(planPath(planID)) {
                    diagnostics.append(Diagnostic(file: agendaPath, line: 1, column: 1, message: LocalizedText(
                        es: "el plan «\(planID)» no existe; cree \(planPath(planID)) o corrija «plan»",
                        en: "plan “\(planID)” does not exist; create \(planPath(planID)) or fix “plan”")))
                }
                return done(nil)
            }
        } catch {
            diagnostics.append(error)
            return done(nil)
        }
        let agenda: Agenda
        do { agenda = try AgendaLoader.load(parsedAgenda, plan: plan) } catch {
            diagnostics += error.items
            return done(nil)
        }
        let journalPath = "\(dir)/\(Self.journalFile)"
        var events: [SessionEvent] = []
        var lineOfSeq: [Int: Int] = [:]
        if FileIO.exists(journalPath) {
            do {
                let contents = JournalReader.read(try text(journalPath), file: journalPath)
                diagnostics += contents.diagnostics
                events = contents.events
                lineOfSeq = contents.lineOfSeq
            } catch {
                diagnostics.append(error)
                return done(nil)
            }
        }
        let session = Session(agenda: agenda, plan: plan, events: events)
        for problem in session.problems {
            diagnostics.append(Diagnostic(file: journalPath, line: lineOfSeq[problem.seq] ?? 1, column: 1,
                                          message: problem.message))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return done(nil) }
        return done(session)
    }

    public func loadAll() -> [LoadedSession] {
        var plans = PlanCache()
        return sessionNames().map { load($0, plans: &plans) }
    }

    public static func archive(_ loaded: [LoadedSession]) -> MesaArchive {
        MesaArchive(loaded.compactMap(\.named))
    }
}
