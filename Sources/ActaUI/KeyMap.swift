import ActaCore

/// What a key asks for. One table maps keys to commands and describes them for the help screen,
/// so the help can never disagree with the handler.
public enum Command: Sendable, Hashable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom, nextMilestone, switchPane, back, activate
    case setStatus(MilestoneStatus), editPercent, toggleValidated, toggleRescheduled, editEvidence, editNote
    case attendance, markPresent, markAbsent, editDelegate
    case addActionItem, toggleActionItemClosed, setNextSession, correctTimes
    case undo, redo, help, search, quit
    /// Handled by the program, not the screen: stop until `fg`, and repaint the whole screen.
    case suspend, redraw
    case accept, cancel, nextField, previousField, complete, openEditor, toggleKind
    case textEditing, recallOlder, recallNewer
    case speakers, queueSpeaker, giveFloor, endFloor, summarize, withdrawSpeaker
    case actionItemsScreen, commitmentsScreen, filterResponsible, cycleState, toggleOverdue
    case nextMatch, previousMatch, nextHeading, previousHeading
    case searchSessions
}

/// Where a binding applies.
public enum KeyContext: Sendable, Hashable, CaseIterable {
    case global, agenda, milestone, pager, details, actionItems, attendance, speakers, form, searchPrompt, text, help

    public func title(_ language: Language) -> String {
        switch (self, language) {
        case (.global, .es): return "En todo momento"
        case (.global, .en): return "Anywhere"
        case (.agenda, .es): return "Agenda"
        case (.agenda, .en): return "Agenda"
        case (.milestone, .es): return "En un hito"
        case (.milestone, .en): return "On a milestone"
        case (.details, .es): return "Detalle (panel derecho)"
        case (.details, .en): return "Details (right pane)"
        case (.actionItems, .es): return "Acuerdos (panel derecho)"
        case (.actionItems, .en): return "Action items (right pane)"
        case (.speakers, .es): return "Lista de oradores"
        case (.speakers, .en): return "List of speakers"
        case (.attendance, .es): return "Asistencia"
        case (.attendance, .en): return "Attendance"
        case (.form, .es): return "Formularios"
        case (.form, .en): return "Forms"
        case (.searchPrompt, .es): return "Al buscar"
        case (.searchPrompt, .en): return "Searching"
        case (.text, .es): return "Al escribir texto"
        case (.text, .en): return "Typing text"
        case (.pager, .es): return "Al leer (acta, línea de tiempo)"
        case (.pager, .en): return "Reading (minutes, timeline)"
        case (.help, .es): return "Ayuda"
        case (.help, .en): return "Help"
        }
    }
}

public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let command: Command
    public let context: KeyContext
    public let help: LocalizedText
    /// Shown in the hint bar of its context.
    public let hint: LocalizedText?
    /// How the hint bar names the keys when not just the first ones ("x/i/l/s/c").
    public let hintKeys: String?

    public init(_ keys: [Key], _ command: Command, _ context: KeyContext, es: String, en: String,
                hintES: String? = nil, hintEN: String? = nil, hintKeys: String? = nil) {
        self.keys = keys
        self.hintKeys = hintKeys
        self.command = command
        self.context = context
        self.help = LocalizedText(es: es, en: en)
        self.hint = hintES.map { LocalizedText(es: $0, en: hintEN ?? $0) }
    }
}

public struct KeyMap: Sendable {
    public let bindings: [KeyBinding]

    public init(_ bindings: [KeyBinding]) { self.bindings = bindings }

    /// The first binding for the key in the first context that has one.
    public func command(for key: Key, in contexts: [KeyContext]) -> Command? {
        for context in contexts {
            if let b = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return b.command }
        }
        return nil
    }

    /// "k1/k2 hint" pieces for the hint bar.
    /// `inapplicable` commands are left out: a form binding such as Tab completar means nothing in a one-line field.
    public func hints(for contexts: [KeyContext], _ language: Language, inapplicable: Set<Command> = []) -> [String] {
        // A key shown for a more specific context is not shown again for a general one.
        var shown = Set<Key>()
        var hints: [String] = []
        for context in contexts {
            for b in bindings where b.context == context && b.hint != nil && !b.keys.contains(where: shown.contains)
                && !inapplicable.contains(b.command) {
                hints.append((b.hintKeys ?? b.keys.prefix(2).map { $0.label(language == .en) }.joined(separator: "/")) + " " + b.hint!.text(language))
            }
            for b in bindings where b.context == context { shown.formUnion(b.keys) }
        }
        return hints
    }

    /// Draws the hint bar of the given contexts on `row`, as many hints as fit.
    /// `leading` goes first, as what the open field accepts.
    public func drawHints(for contexts: [KeyContext], _ language: Language, into screen: inout Screen, row: Int, leading: String? = nil,
                          inapplicable: Set<Command> = []) {
        screen.fill(row: row, column: 0, width: screen.width, role: .hint)
        var x = 1
        for hint in (leading.map { [$0] } ?? []) + hints(for: contexts, language, inapplicable: inapplicable) {
            let w = DisplayWidth.of(hint)
            if x + w >= screen.width { break }
            screen.put(hint, row: row, column: x, role: .hint)
            x += w + 2
        }
    }

    /// Help lines grouped by context, built from the same table the handler reads.
    public func helpLines(_ language: Language, contexts: [KeyContext] = KeyContext.allCases) -> [(keys: String, text: String, isHeading: Bool)] {
        var lines: [(String, String, Bool)] = []
        for context in contexts {
            let bs = bindings.filter { $0.context == context }
            guard !bs.isEmpty else { continue }
            if !lines.isEmpty { lines.append(("", "", false)) }
            lines.append((context.title(language), "", true))
            for b in bs {
                lines.append((b.keys.map { $0.label(language == .en) }.joined(separator: " "), b.help.text(language), false))
            }
        }
        return lines
    }

    /// The keys of `acta review`; the same keys as `acta record` where the meaning is the same.
    /// Moving in a list: the same keys in every screen.
    static let listMoves: [KeyBinding] = [
        KeyBinding([.down, .character("j")], .moveDown, .agenda, es: "Bajar", en: "Move down"),
        KeyBinding([.up, .character("k")], .moveUp, .agenda, es: "Subir", en: "Move up"),
        KeyBinding([.pageDown], .pageDown, .agenda, es: "Página abajo", en: "Page down"),
        KeyBinding([.pageUp], .pageUp, .agenda, es: "Página arriba", en: "Page up"),
        KeyBinding([.home, .character("g")], .top, .agenda, es: "Al principio", en: "To the top"),
        KeyBinding([.end, .character("G")], .bottom, .agenda, es: "Al final", en: "To the bottom"),
    ]

    public static let review = KeyMap(listMoves + [
        KeyBinding([.character("?"), .function(1)], .help, .global, es: "Ayuda: todas las teclas", en: "Help: every key",
                   hintES: "ayuda", hintEN: "help"),
        KeyBinding([.character("q"), .function(10)], .quit, .global, es: "Volver; en la lista, salir", en: "Back; on the list, quit",
                   hintES: "volver/salir", hintEN: "back/quit"),
        KeyBinding([.escape], .back, .global, es: "Volver", en: "Back"),
        KeyBinding([.control("z")], .suspend, .global, es: "Suspender y volver a la terminal (como less); fg lo retoma",
                   en: "Suspend back to the shell (as less does); fg resumes it"),
        KeyBinding([.control("l")], .redraw, .global, es: "Redibujar la pantalla", en: "Redraw the screen"),
        KeyBinding([.character("/")], .search, .global, es: "Buscar en el texto; en la lista, filtrar; en acuerdos, por responsable",
                   en: "Search the text; on the list, filter; on action items, by responsible", hintES: "buscar", hintEN: "search"),
        KeyBinding([.character("s")], .searchSessions, .global,
                   es: "Buscar en todas las sesiones (títulos, notas, acuerdos, hitos); Enter abre el acta en el resultado",
                   en: "Search every session (titles, notes, action items, milestones); Enter opens the minutes at the result"),
        KeyBinding([.character("a")], .actionItemsScreen, .global, es: "Acuerdos de todas las sesiones", en: "Action items of every session",
                   hintES: "acuerdos", hintEN: "actions"),
        KeyBinding([.character("c")], .commitmentsScreen, .global, es: "Compromisos: resumen del plan y línea de tiempo de cada uno",
                   en: "Commitments: plan summary and each one's timeline", hintES: "compromisos", hintEN: "commitments"),

        KeyBinding([.enter], .activate, .agenda, es: "Abrir", en: "Open", hintES: "abrir", hintEN: "open"),

        KeyBinding([.down, .character("j")], .moveDown, .pager, es: "Bajar una línea", en: "Down a line"),
        KeyBinding([.up, .character("k")], .moveUp, .pager, es: "Subir una línea", en: "Up a line"),
        KeyBinding([.pageDown, .character(" ")], .pageDown, .pager, es: "Página abajo", en: "Page down", hintES: "página", hintEN: "page"),
        KeyBinding([.pageUp, .character("b")], .pageUp, .pager, es: "Página arriba", en: "Page up"),
        KeyBinding([.home, .character("g")], .top, .pager, es: "Al principio", en: "To the top"),
        KeyBinding([.end, .character("G")], .bottom, .pager, es: "Al final", en: "To the end"),
        KeyBinding([.character("n")], .nextMatch, .pager, es: "Siguiente coincidencia", en: "Next match", hintES: "siguiente", hintEN: "next"),
        KeyBinding([.character("N")], .previousMatch, .pager, es: "Coincidencia anterior", en: "Previous match"),
        KeyBinding([.character("]"), .character("}")], .nextHeading, .pager, es: "Siguiente título", en: "Next heading",
                   hintES: "títulos", hintEN: "headings", hintKeys: "[/]"),
        KeyBinding([.character("["), .character("{")], .previousHeading, .pager, es: "Título anterior", en: "Previous heading"),

        KeyBinding([.character("o")], .cycleState, .actionItems, es: "Mostrar todos / abiertos / cerrados", en: "Show all / open / closed",
                   hintES: "estado", hintEN: "state"),
        KeyBinding([.character("v")], .toggleOverdue, .actionItems, es: "Solo vencidos (fecha límite pasada y abiertos)",
                   en: "Overdue only (past due and open)", hintES: "vencidos", hintEN: "overdue"),
        KeyBinding([.character("r")], .filterResponsible, .actionItems, es: "Filtrar por responsable", en: "Filter by responsible",
                   hintES: "responsable", hintEN: "responsible"),
        KeyBinding([.enter], .activate, .actionItems, es: "Ir a la sesión y el punto donde se acordó", en: "Go to the session and item where it was agreed",
                   hintES: "ir", hintEN: "go"),

        KeyBinding([.enter], .accept, .form, es: "Aceptar", en: "Accept", hintES: "aceptar", hintEN: "accept"),
        KeyBinding([.escape], .cancel, .form, es: "Cancelar y limpiar el filtro", en: "Cancel and clear the filter",
                   hintES: "cancelar", hintEN: "cancel"),
        KeyBinding([.left, .right, .backspace, .delete, .home, .end], .textEditing, .text,
                   es: "Editar el texto (como en acta record)", en: "Edit the text (as in acta record)"),

        KeyBinding([.escape, .character("q"), .character("?")], .back, .help, es: "Cerrar la ayuda", en: "Close help",
                   hintES: "cerrar", hintEN: "close"),
        KeyBinding([.down, .character("j")], .moveDown, .help, es: "Bajar", en: "Scroll down", hintES: "desplazar", hintEN: "scroll"),
        KeyBinding([.up, .character("k")], .moveUp, .help, es: "Subir", en: "Scroll up"),
        KeyBinding([.pageDown, .character(" ")], .pageDown, .help, es: "Página abajo", en: "Page down", hintES: "página", hintEN: "page"),
        KeyBinding([.pageUp, .character("b")], .pageUp, .help, es: "Página arriba", en: "Page up"),
    ])

    /// The keys of `acta record`.
    public static let record = KeyMap(listMoves + [
        KeyBinding([.character("?"), .function(1)], .help, .global, es: "Ayuda: todas las teclas", en: "Help: every key",
                   hintES: "ayuda", hintEN: "help"),
        KeyBinding([.tab, .backTab], .switchPane, .global, es: "Cambiar de panel: agenda, detalle (si no cabe), acuerdos",
                   en: "Switch pane: agenda, details (when they do not fit), action items", hintES: "panel", hintEN: "pane"),
        KeyBinding([.character("q"), .function(10)], .quit, .global, es: "Salir (todo ya está guardado; regenera el acta)",
                   en: "Quit (everything is saved; regenerates the minutes)", hintES: "salir", hintEN: "quit"),
        KeyBinding([.character("u"), .control("z")], .undo, .global, es: "Deshacer el último cambio", en: "Undo the last change",
                   hintES: "deshacer", hintEN: "undo"),
        KeyBinding([.character("U"), .control("r")], .redo, .global, es: "Rehacer", en: "Redo"),
        KeyBinding([.alt("z")], .suspend, .global,
                   es: "Suspender: volver a la terminal (fg retoma); C-z deshace",
                   en: "Suspend to the shell (fg resumes); C-z undoes here"),
        KeyBinding([.control("l")], .redraw, .global, es: "Redibujar la pantalla", en: "Redraw the screen"),
        KeyBinding([.character("t")], .attendance, .global, es: "Tomar asistencia", en: "Take attendance",
                   hintES: "asistencia", hintEN: "attendance"),
        KeyBinding([.character("a")], .addActionItem, .global, es: "Añadir un acuerdo al punto actual",
                   en: "Add an action item to the current item", hintES: "acuerdo", hintEN: "action"),
        KeyBinding([.character("o")], .speakers, .global, es: "Lista de oradores del punto actual", en: "List of speakers of the current item",
                   hintES: "oradores", hintEN: "speakers"),
        KeyBinding([.character("p")], .setNextSession, .global, es: "Fijar la fecha de la próxima sesión", en: "Set the next session's date"),
        KeyBinding([.character("T")], .correctTimes, .global, es: "Corregir la hora de inicio y fin del punto (en Asistencia: de la sesión)",
                   en: "Correct the start and end time of the item (on Attendance: of the session)"),
        KeyBinding([.character("/")], .search, .global, es: "Buscar en la agenda", en: "Search the agenda"),

        KeyBinding([.character(" ")], .nextMilestone, .agenda, es: "Siguiente hito (pasa a la institución siguiente)",
                   en: "Next milestone (on to the next institution)", hintES: "siguiente", hintEN: "next"),
        KeyBinding([.enter], .activate, .agenda, es: "En un punto: iniciar o terminar su reloj; en un punto libre: añadir nota; en asistencia: abrirla",
                   en: "On an item: start or stop its clock; on a free item: add a note; on attendance: open it"),
        KeyBinding([.character("n")], .editNote, .agenda, es: "Nota (del hito, o nueva nota del punto)", en: "Note (of the milestone, or a new note of the item)",
                   hintES: "nota", hintEN: "note"),

        KeyBinding([.character("x")], .setStatus(.noEvidence), .milestone, es: "Estado: Sin evidencia", en: "Status: No evidence"),
        KeyBinding([.character("i")], .setStatus(.notStarted), .milestone, es: "Estado: No iniciado", en: "Status: Not started"),
        KeyBinding([.character("l")], .setStatus(.limited), .milestone, es: "Estado: Limitado", en: "Status: Limited"),
        KeyBinding([.character("s")], .setStatus(.substantial), .milestone, es: "Estado: Sustancial", en: "Status: Substantial"),
        KeyBinding([.character("c")], .setStatus(.complete), .milestone, es: "Estado: Completo (tras un estado: %, Enter, nota, Enter)",
                   en: "Status: Complete (after a status: %, Enter, note, Enter)",
                   hintES: "estado", hintEN: "status", hintKeys: "x/i/l/s/c"),
        KeyBinding([.character("%")] + (0...9).map { Key.character(Character(String($0))) }, .editPercent, .milestone,
                   es: "Escribir el % de avance", en: "Type the % of progress", hintES: "avance", hintEN: "progress", hintKeys: "%/0-9"),
        KeyBinding([.character("v")], .toggleValidated, .milestone, es: "Validado por la mesa: sí/no", en: "Validated by the mesa: yes/no"),
        KeyBinding([.character("r")], .toggleRescheduled, .milestone, es: "Replanificado: sí/no", en: "Rescheduled: yes/no"),
        KeyBinding([.character("e")], .editEvidence, .milestone, es: "Evidencia", en: "Evidence"),

        KeyBinding([.down, .character("j")], .moveDown, .details, es: "Bajar el detalle una línea", en: "Scroll the details down a line",
                   hintES: "desplazar", hintEN: "scroll"),
        KeyBinding([.up, .character("k")], .moveUp, .details, es: "Subir el detalle una línea", en: "Scroll the details up a line"),
        KeyBinding([.pageDown], .pageDown, .details, es: "Detalle: página abajo", en: "Details: page down"),
        KeyBinding([.pageUp], .pageUp, .details, es: "Detalle: página arriba", en: "Details: page up"),
        KeyBinding([.escape], .back, .details, es: "Volver a la agenda", en: "Back to the agenda", hintES: "agenda", hintEN: "agenda"),

        KeyBinding([.down, .character("j")], .moveDown, .actionItems, es: "Siguiente acuerdo", en: "Next action item"),
        KeyBinding([.up, .character("k")], .moveUp, .actionItems, es: "Acuerdo anterior", en: "Previous action item"),
        KeyBinding([.enter], .activate, .actionItems, es: "Editar el acuerdo", en: "Edit the action item"),
        KeyBinding([.character("x")], .toggleActionItemClosed, .actionItems, es: "Cerrar o reabrir el acuerdo", en: "Close or reopen the action item",
                   hintES: "cerrar/reabrir", hintEN: "close/reopen"),
        KeyBinding([.escape], .back, .actionItems, es: "Volver a la agenda", en: "Back to the agenda"),

        KeyBinding([.down, .character("j")], .moveDown, .attendance, es: "Siguiente asiento", en: "Next seat"),
        KeyBinding([.up, .character("k")], .moveUp, .attendance, es: "Asiento anterior", en: "Previous seat"),
        KeyBinding([.character("p"), .character(" "), .enter], .markPresent, .attendance,
                   es: "Presente (con su delegado/a habitual) y al siguiente", en: "Present (with its usual delegate), on to the next",
                   hintES: "presente", hintEN: "present"),
        KeyBinding([.character("a")], .markAbsent, .attendance, es: "Ausente y al siguiente", en: "Absent, on to the next",
                   hintES: "ausente", hintEN: "absent"),
        KeyBinding([.character("d")], .editDelegate, .attendance, es: "Presente por delegado/a: escribir su nombre",
                   en: "Present through a delegate: type the name", hintES: "delegado/a", hintEN: "delegate"),
        KeyBinding([.escape, .character("t")], .back, .attendance, es: "Volver", en: "Back", hintES: "volver", hintEN: "back"),

        KeyBinding([.character(" ")], .giveFloor, .speakers, es: "Dar la palabra al siguiente (termina el turno en curso)",
                   en: "Give the floor to the next (ends the turn in progress)", hintES: "siguiente", hintEN: "next"),
        KeyBinding([.character("a"), .character("+")], .queueSpeaker, .speakers,
                   es: "Añadir a la lista: un asiento o una persona (Tab completa con asientos y delegados)",
                   en: "Add to the list: a seat or a person (Tab completes from seats and delegates)", hintES: "añadir", hintEN: "add"),
        KeyBinding([.character("f")], .endFloor, .speakers, es: "Terminar el turno en curso", en: "End the turn in progress",
                   hintES: "fin", hintEN: "end"),
        KeyBinding([.character("r"), .enter], .summarize, .speakers, es: "Resumen de una línea de la intervención elegida",
                   en: "One-line summary of the chosen intervention", hintES: "resumen", hintEN: "summary"),
        KeyBinding([.character("x"), .delete], .withdrawSpeaker, .speakers, es: "Quitar de la lista a quien espera (elegido)",
                   en: "Take the chosen waiting speaker off the list"),
        KeyBinding([.down, .character("j")], .moveDown, .speakers, es: "Siguiente en la lista", en: "Next on the list"),
        KeyBinding([.up, .character("k")], .moveUp, .speakers, es: "Anterior en la lista", en: "Previous on the list"),
        KeyBinding([.escape, .character("o")], .back, .speakers, es: "Volver a la agenda", en: "Back to the agenda",
                   hintES: "volver", hintEN: "back"),

        KeyBinding([.enter], .accept, .form, es: "Aceptar el campo (en el último, guardar)", en: "Accept the field (on the last one, save)",
                   hintES: "aceptar", hintEN: "accept"),
        KeyBinding([.escape], .cancel, .form, es: "Cancelar (el borrador se descarta)", en: "Cancel (the draft is dropped)",
                   hintES: "cancelar", hintEN: "cancel"),
        KeyBinding([.down], .nextField, .form, es: "Campo siguiente", en: "Next field"),
        KeyBinding([.up], .previousField, .form, es: "Campo anterior", en: "Previous field"),
        KeyBinding([.tab], .complete, .form, es: "Completar el responsable con un asiento; en el tipo, cambiarlo",
                   en: "Complete the responsible from the seats; on the type, switch it", hintES: "completar", hintEN: "complete"),
        KeyBinding([.control("e")], .openEditor, .form, es: "Abrir el texto en $EDITOR", en: "Open the text in $EDITOR",
                   hintES: "$EDITOR", hintEN: "$EDITOR"),

        KeyBinding([.up], .recallOlder, .searchPrompt, es: "Búsqueda anterior (historial)", en: "Earlier search (history)",
                   hintES: "anteriores", hintEN: "history"),
        KeyBinding([.down], .recallNewer, .searchPrompt, es: "Búsqueda más reciente", en: "Later search"),

        KeyBinding([.left, .right], .textEditing, .text, es: "Mover el cursor un carácter", en: "Move the cursor one character"),
        KeyBinding([.wordLeft, .wordRight, .alt("b"), .alt("f")], .textEditing, .text, es: "Mover el cursor una palabra", en: "Move the cursor one word"),
        KeyBinding([.home, .control("a"), .end], .textEditing, .text, es: "Inicio / fin de la línea", en: "Start / end of the line"),
        KeyBinding([.backspace, .delete], .textEditing, .text, es: "Borrar antes / después del cursor", en: "Delete before / after the cursor"),
        KeyBinding([.control("w")], .textEditing, .text, es: "Borrar la palabra anterior", en: "Delete the previous word"),
        KeyBinding([.control("u"), .control("k")], .textEditing, .text, es: "Borrar hasta el inicio / el final", en: "Delete to the start / the end"),

        KeyBinding([.escape, .character("q"), .character("?")], .back, .help, es: "Cerrar la ayuda", en: "Close help",
                   hintES: "cerrar", hintEN: "close"),
        KeyBinding([.down, .character("j")], .moveDown, .help, es: "Bajar", en: "Scroll down", hintES: "desplazar", hintEN: "scroll"),
        KeyBinding([.up, .character("k")], .moveUp, .help, es: "Subir", en: "Scroll up"),
        KeyBinding([.pageDown, .character(" ")], .pageDown, .help, es: "Página abajo", en: "Page down", hintES: "página", hintEN: "page"),
        KeyBinding([.pageUp, .character("b")], .pageUp, .help, es: "Página arriba", en: "Page up"),
    ])
}
