import ActaCore

/// The hand-written parts of the pages, in Spanish and English: what ArgumentParser cannot
/// know (files, environment, exit codes, a whole example). `prefix` is where acta is installed.
struct ManualText {
    let language: Language
    let prefix: String

    func t(_ es: String, _ en: String) -> String { language == .es ? es : en }

    var manualName: String { t("Manual de acta", "acta manual") }
    var guide: String {
        "\(prefix)/share/doc/acta/" + t("guia-de-la-secretaria.md", "secretary-guide.md")
    }

    // Section headings.
    var name: String { t("NOMBRE", "NAME") }
    var synopsis: String { t("SINOPSIS", "SYNOPSIS") }
    var description: String { t("DESCRIPCIÓN", "DESCRIPTION") }
    var commands: String { t("ÓRDENES", "COMMANDS") }
    var options: String { t("OPCIONES", "OPTIONS") }
    var files: String { t("ARCHIVOS", "FILES") }
    var environment: String { t("ENTORNO", "ENVIRONMENT") }
    var exitStatus: String { t("ESTADO DE SALIDA", "EXIT STATUS") }
    var examples: String { t("EJEMPLOS", "EXAMPLES") }
    var seeAlso: String { t("VÉASE TAMBIÉN", "SEE ALSO") }
    var commandWord: String { t("orden", "command") }
    var optionsWord: String { t("opciones", "options") }
    var defaultWord: String { t("por defecto", "default") }
    var valuesWord: String { t("valores", "values") }

    /// acta(1)'s description, as roff paragraphs.
    var overview: String {
        t("""
        acta lleva las actas de la Mesa Técnica de Gobierno Abierto de Guatemala. Durante la mesa, la secretaria registra con \\fBacta record\\fR la asistencia, el informe de cada institución sobre los hitos de sus compromisos, notas y acuerdos. Cada cambio se añade a un diario (\\fIjournal.jsonl\\fR) y se escribe en disco antes de darse por guardado; del diario salen el acta en Markdown, los acuerdos y los datos de los hitos en CSV y JSON.
        .PP
        Todo lo que se lee está en español; en inglés con \\fB\\-\\-lang en\\fR o una configuración regional inglesa. Para una primera prueba sin riesgo: \\fBacta demo\\fR.
        .PP
        La guía de la secretaria, paso a paso antes, durante y después de la mesa: \\fI\(Roff.literal(guide))\\fR.
        """, """
        acta keeps the minutes (\\fIactas\\fR) of Guatemala's Open Government roundtable (Mesa Técnica de Gobierno Abierto). During the meeting the secretary records with \\fBacta record\\fR the attendance, each institution's report on the milestones (\\fIhitos\\fR) of its commitments, notes and action items (\\fIacuerdos\\fR). Every change is appended to a journal (\\fIjournal.jsonl\\fR) and written to disk before it is shown as saved; the minutes in Markdown, the action items and the milestone data as CSV and JSON are generated from it.
        .PP
        Everything is shown in Spanish by default; in English with \\fB\\-\\-lang en\\fR or an English locale. For a safe first try: \\fBacta demo\\fR.
        .PP
        The secretary's guide, step by step before, during and after the meeting: \\fI\(Roff.literal(guide))\\fR.
        """)
    }

    var filesSection: String {
        let entries: [(String, String)] = [
            ("sessions/", t("La carpeta de sesiones de la mesa. Se busca como git busca su repositorio: \\fB\\-\\-sessions\\fR, si no \\fBACTA_SESSIONS\\fR, si no la carpeta \\fIsessions/\\fR con \\fIplans/\\fR dentro más cercana desde la carpeta actual hacia arriba.",
                            "The mesa's sessions folder. Found the way git finds its repository: \\fB\\-\\-sessions\\fR, else \\fBACTA_SESSIONS\\fR, else the nearest \\fIsessions/\\fR with \\fIplans/\\fR inside, from the current folder upwards.")),
            ("sessions/plans/<id>.yaml", t("Un plan de acción: compromisos e hitos, tal como los dan las fuentes.",
                                           "An action plan: commitments and milestones, as the sources give them.")),
            (t("sessions/<AAAA-MM-DD>-<nombre>/agenda.yaml", "sessions/<YYYY-MM-DD>-<slug>/agenda.yaml"), t("La agenda de una sesión (la crea \\fBacta new\\fR); se edita a mano antes de la mesa.",
                                                             "A session's agenda (made by \\fBacta new\\fR); edited by hand before the meeting.")),
            ("sessions/<…>/journal.jsonl", t("El diario: un evento JSON por línea, solo se añade. Es la única fuente de verdad; no lo edite.",
                                              "The journal: one JSON event a line, append-only. The only source of truth; do not edit it.")),
            ("sessions/<…>/minutes.md, action-items.md, milestones.csv, milestones.json",
             t("El acta, los acuerdos y los datos de los hitos, regenerados desde el diario (\\fBacta export\\fR, y al salir de \\fBacta record\\fR).",
               "The minutes, action items and milestone data, regenerated from the journal (\\fBacta export\\fR, and on leaving \\fBacta record\\fR).")),
            ("sessions/<…>/.draft.json, .lock", t("El texto que se está escribiendo (se ofrece de nuevo tras un corte) y el bloqueo de la grabación en curso.",
                                                  "The text being typed (offered back after a crash) and the lock of the recording in progress.")),
            ("\(prefix)/share/acta/plans/", t("Los planes que acompañan a acta; \\fBacta demo\\fR los copia.", "The plans that come with acta; \\fBacta demo\\fR copies them.")),
            ("\(prefix)/share/acta/demo/2023-03-29-primera-mesa/agenda.yaml", t("La agenda real de la primera mesa, para \\fBacta demo\\fR.", "The real first meeting's agenda, for \\fBacta demo\\fR.")),
            ("\(prefix)/share/acta/export/", t("La hoja de estilo de impresión y los DOCX de referencia de \\fBacta export \\-\\-format\\fR.",
                                               "The print stylesheet and reference DOCX files of \\fBacta export \\-\\-format\\fR.")),
            (guide, t("La guía de la secretaria.", "The secretary's guide.")),
        ]
        return entries.map { ".TP\n\\fI\(Roff.literal($0.0))\\fR\n\($0.1)" }.joined(separator: "\n")
    }

    var environmentSection: String {
        let entries: [(String, String)] = [
            ("ACTA_SESSIONS", t("La carpeta de sesiones, si no se da \\fB\\-\\-sessions\\fR.", "The sessions folder, when \\fB\\-\\-sessions\\fR is not given.")),
            ("LC_ALL, LC_MESSAGES, LANG", t("El idioma, en ese orden: uno que empiece por \\fBen\\fR da inglés; cualquier otro, español. \\fB\\-\\-lang\\fR manda sobre ellos.",
                                            "The language, in that order: one starting with \\fBen\\fR gives English; anything else, Spanish. \\fB\\-\\-lang\\fR overrides them.")),
            ("NO_COLOR", t("Si existe, las pantallas no usan colores (solo negrita, subrayado y vídeo inverso).",
                           "When set, the screens use no colours (only bold, underline and reverse video).")),
            ("TZ", t("No cambia las horas del diario: se anotan en la zona de la mesa (\\fBtime_zone\\fR de la agenda o del plan; si no, America/Guatemala), sea cual sea \\fBTZ\\fR.",
                     "Does not change the journal's times: they are written in the mesa's zone (\\fBtime_zone\\fR of the agenda or plan; else America/Guatemala), whatever \\fBTZ\\fR says.")),
            ("VISUAL, EDITOR", t("El editor que abre Ctrl\\-E en \\fBacta record\\fR (si no, vi).", "The editor Ctrl\\-E opens in \\fBacta record\\fR (else vi).")),
            ("TMPDIR", t("Donde \\fBacta demo\\fR crea su carpeta si no se da \\fB\\-\\-into\\fR (si no, /tmp).", "Where \\fBacta demo\\fR makes its folder when \\fB\\-\\-into\\fR is not given (else /tmp).")),
            ("TERM", t("El tipo de terminal de las pantallas (ncurses).", "The terminal type of the screens (ncurses).")),
        ]
        return entries.map { ".TP\n.B \(Roff.literal($0.0))\n\($0.1)" }.joined(separator: "\n")
    }

    var exitCodes: [(String, String)] {
        [
            ("0", t("bien", "done")),
            ("64", t("uso incorrecto (opción desconocida, fecha imposible, falta un terminal)", "wrong usage (unknown option, impossible date, no terminal)")),
            ("65", t("los datos tienen errores (\\fBacta check\\fR los muestra con archivo:línea:columna)", "the data has errors (\\fBacta check\\fR shows them as file:line:column)")),
            ("66", t("no existe la sesión, el archivo o la carpeta de sesiones", "the session, file or sessions folder does not exist")),
            ("73", t("no se puede crear (la sesión ya existe, o una salida no se pudo escribir)", "cannot create (the session already exists, or an output could not be written)")),
            ("74", t("error de entrada/salida", "input/output error")),
            ("75", t("otra \\fBacta record\\fR está grabando esa sesión", "another \\fBacta record\\fR is recording that session")),
            ("128+N", t("la señal N (p. ej. SIGHUP al caerse la conexión) detuvo la grabación; lo grabado está a salvo",
                    "signal N (e.g. SIGHUP when the connection drops) stopped the recording; what was recorded is safe")),
        ]
    }

    var exitSection: String {
        exitCodes.map { ".TP\n.B \($0.0)\n\($0.1)" }.joined(separator: "\n")
    }

    /// A whole mesa, as acta(1)'s examples.
    var workflow: [(String, [String])] {
        [
            (t("Probar acta sin riesgo, en una copia:", "Try acta safely, on a copy:"), ["acta demo"]),
            (t("Preparar la mesa siguiente a partir de la anterior, revisarla y grabarla:",
               "Prepare the next meeting from the previous one, check it and record it:"),
             ["acta new 2023-08-23 segunda-mesa --plan gt-pan5-2021-2023 \\", "    --from 2023-03-29-primera-mesa",
              "$EDITOR sessions/2023-08-23-segunda-mesa/agenda.yaml",
              "acta check 2023-08-23-segunda-mesa",
              "acta record 2023-08-23-segunda-mesa"]),
            (t("Después: el acta en PDF y los acuerdos pendientes:", "After: the minutes as PDF and the open action items:"),
             ["acta export 2023-08-23-segunda-mesa --format pdf",
              "acta actions --open"]),
        ]
    }

    var subcommandFooter: String {
        t("Véase \\fBacta\\fR(1) para los archivos, el entorno y todos los códigos de salida.",
          "See \\fBacta\\fR(1) for files, environment and every exit code.")
    }
}
