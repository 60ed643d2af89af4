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
    /// Journal snapshots to load long journals from (nil: every journal is read whole).
    public internal(set) var snapshots: JournalSnapshots?

    public init(root: String) {
        var r = root
        while r.count > 1 && r.hasSuffix("/") { r.removeLast() }
        self.root = r
    }

    public static let agendaFile = "agenda.yaml"
    public static let journalFile = "journal.jsonl"

    public func folder(_ name: String) -> String { "\(root)/\(name)" }
    public func planPath(_ id: String) -> String { "\(root)/plans/\(id).yaml" }

    /// The ids of the plans in `plans/`, sorted.
    public func planIDs() -> [String] { Self.planIDs(in: FileIO.parent(of: planPath("x"))) }

    /// The ids of the `<id>.yaml` files of a plans folder, sorted.
    public static func planIDs(in folder: String) -> [String] {
        FileIO.listDirectory(folder).filter { !$0.hasPrefix(".") && $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }
    }

    /// Turns what a user typed (a folder name, or a relative or absolute path to it or to a file
    /// in it) into a session name inside this directory. Nothing may reach outside it.
    public func resolve(_ argument: String) throws(StoreError) -> String {
        var arg = argument
        while arg.hasSuffix("/") && arg.count > 1 { arg.removeLast() }
        let outside = StoreError(path: argument, code: 0,
                                 es: "no es una sesión dentro de la carpeta de sesiones en uso (\(SessionsLocator.absolute(root))); nombre la carpeta de la sesión, p. ej. 2023-03-29-primera-mesa",
                                 en: "is not a session inside the sessions folder in use (\(SessionsLocator.absolute(root))); name the session's folder, e.g. 2023-03-29-primera-mesa")
        if arg.contains("/") || arg == "." || arg == ".." {
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
        if let escape = escapeProblem(arg) {
            throw StoreError(path: folder(arg), code: 0, es: escape.message.es, en: escape.message.en)
        }
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

    /// A file of the sessions folder as text. Links are not followed (a link could lead outside
    /// the folder), and a file over `limit` is refused before it is read.
    func text(_ path: String, limit: Int = InputLimits.definitionFileBytes) throws(Diagnostic) -> String {
        try TextDecoding.decode(try bytes(path, limit: limit), file: path)
    }

    func bytes(_ path: String, limit: Int) throws(Diagnostic) -> [UInt8] {
        do { return try FileIO.read(path, limit: limit, followLinks: false) } catch {
            let exists = FileIO.exists(path) || FileIO.isSymbolicLink(path)
            throw Diagnostic(file: path, line: 1, column: 1, message: error.code == 0 ? error.message : LocalizedText(
                es: "no se puede leer el archivo (\(error.message.es)); " + (exists ? "compruebe sus permisos (chmod u+r)" : "compruebe que existe"),
                en: "cannot read the file (\(error.message.en)); " + (exists ? "check its permissions (chmod u+r)" : "check that it exists")))
        }
    }

    /// Why a session folder may not be opened: it is a link leading outside the sessions folder.
    public func escapeProblem(_ name: String) -> Diagnostic? {
        let dir = folder(name)
        guard FileIO.isSymbolicLink(dir) else { return nil }
        let target = FileIO.realPath(dir)
        if let target, let base = FileIO.realPath(root), target.hasPrefix(base + "/"), !target.dropFirst(base.count + 1).contains("/") {
            return nil
        }
        let shown = target ?? "?"
        return Diagnostic(file: dir, line: 1, column: 1, message: LocalizedText(
            es: "la carpeta de la sesión es un enlace simbólico a «\(shown)», fuera de \(root)/; acta no la abre ni escribe en ella. Mueva la sesión dentro: rm \(dir) && mv \(shown) \(dir)",
            en: "the session's folder is a symbolic link to “\(shown)”, outside \(root)/; acta neither opens nor writes into it. Move the session inside: rm \(dir) && mv \(shown) \(dir)"))
    }

    public func loadPlan(_ id: String) throws(Diagnostics) -> Plan {
        let path = planPath(id)
        guard PlanLoader.isPlanID(id) else {
            throw Diagnostics([Diagnostic(file: path, line: 1, column: 1, message: LocalizedText(
                es: "«\(ControlCharacters.shown(id))» no es un id de plan; use el nombre de un archivo de \(root)/plans sin .yaml, p. ej. gt-pan5-2021-2023",
                en: "“\(ControlCharacters.shown(id))” is not a plan id; use the name of a file in \(root)/plans without .yaml, e.g. gt-pan5-2021-2023"))])
        }
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

    /// Loads plan, agenda and journal. The session is nil when the folder, the plan or the agenda
    /// cannot be used; the journal never stops it: lines that cannot be read or applied are
    /// reported (as errors, so `acta check` fails) and skipped, and the session opens with the rest.
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
        if let escape = escapeProblem(name) {
            diagnostics.append(escape)
            return done(nil)
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
                if PlanLoader.isPlanID(planID), !FileIO.exists(planPath(planID)) {
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
        guard FileIO.exists(journalPath) || FileIO.isSymbolicLink(journalPath) else {
            return done(Session(agenda: agenda, plan: plan))
        }
        do {
            let (session, problems, _) = try fold(journalAt: journalPath, name: name, agenda: agenda, plan: plan)
            diagnostics += problems
            return done(session)
        } catch {
            // A journal that cannot be read at all (a link, too large, unreadable) must not be
            // recorded over: the session is not opened.
            diagnostics.append(error)
            return done(nil)
        }
    }

    public func loadAll() -> [LoadedSession] {
        var plans = PlanCache()
        return sessionNames().map { load($0, plans: &plans) }
    }

    public static func archive(_ loaded: [LoadedSession]) -> MesaArchive {
        MesaArchive(loaded.compactMap(\.named))
    }
}
