/// A mesa's folder as `acta init` lays it out: `sessions/plans/` with the bundled plans, a README
/// for whoever opens the folder, a `.gitignore` for what is never shared, and the marker that lets
/// acta find it from any folder below.
public struct MesaFolder: Sendable {
    public let path: String

    public init(path: String) {
        self.path = SessionsDirectory(root: path).root
    }

    public var sessionsRoot: String { "\(path)/sessions" }
    public var marker: String { "\(path)/\(SessionsLocator.marker)" }
    public var readme: String { "\(path)/README.md" }
    public var gitignore: String { "\(path)/.gitignore" }

    /// Files acta writes that are never part of the record: drafts, locks, temporary files of
    /// atomic writes, torn journal tails, the other machine's journal kept by sync, caches.
    public static let ignoredPatterns = [
        ".draft.json", ".lock", "*.tmp-*", "journal.jsonl.torn", "journal.*.jsonl",
        ".acta-cache/", "*.cache", ".cache/",
    ]

    /// Creates what is missing and never overwrites: returns the paths it created.
    public func create(plansFrom bundled: BundledResources) throws(StoreError) -> [String] {
        var created: [String] = []
        for folder in [path, sessionsRoot] where !FileIO.isDirectory(folder) {
            try FileIO.createDirectory(folder)
            created.append(folder + "/")
        }
        created += try bundled.copyPlans(into: sessionsRoot).map { SessionsDirectory(root: sessionsRoot).planPath($0) }
        if !FileIO.exists(marker) {
            try FileIO.writeAtomically("# acta: esta carpeta es una mesa; sus sesiones están en sessions/.\n# acta: this folder is a mesa; its sessions are in sessions/.\n", to: marker)
            created.append(marker)
        }
        if !FileIO.exists(readme) {
            try FileIO.writeAtomically(Self.readmeText, to: readme)
            created.append(readme)
        }
        let existing = FileIO.isRegularFile(gitignore) ? String(decoding: try FileIO.read(gitignore), as: UTF8.self) : ""
        let have = Set(existing.split(separator: "\n").map { String($0) })
        let missing = Self.ignoredPatterns.filter { !have.contains($0) }
        if !missing.isEmpty {
            let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
            let block = "# acta: borradores, bloqueos y cachés no se comparten / drafts, locks and caches are never shared\n"
            try FileIO.writeAtomically(existing + separator + (have.contains(String(block.dropLast())) ? "" : block)
                                       + missing.joined(separator: "\n") + "\n", to: gitignore)
            created.append(gitignore)
        }
        return created
    }

    static let readmeText = """
    # Mesa Técnica de Gobierno Abierto

    Esta carpeta guarda las actas de la mesa, escritas con `acta`.

    - `sessions/plans/`: los planes de acción (un archivo YAML por plan).
    - `sessions/<fecha>-<nombre>/`: una carpeta por sesión: `agenda.yaml` (la orden del día),
      `journal.jsonl` (todo lo grabado, en orden), y el acta generada (`minutes.md`,
      `action-items.md`, `milestones.csv`, `milestones.json`).

    Desde cualquier carpeta dentro de esta, `acta` encuentra las sesiones:

    ```sh
    acta plan import plan.xlsx --id gt-pan7-2025-2027 --title "7mo. Plan de Acción…"
    acta new 2025-03-26 primera-mesa --plan gt-pan7-2025-2027
    acta record 2025-03-26-primera-mesa     # al salir, confirma la sesión en git
    acta sync                               # trae y envía las sesiones (git pull --rebase, push)
    acta review                             # consultar las actas
    ```

    Cada sesión la graba un solo equipo. Los borradores (`.draft.json`), bloqueos (`.lock`) y
    cachés nunca se comparten (ver `.gitignore`).

    ---

    This folder holds the mesa's minutes, written with `acta`: plans in `sessions/plans/`, one
    folder per session. `acta sync` shares them through git; each session has one recorder.

    """
}
