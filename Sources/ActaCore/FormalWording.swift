/// Numbers, dates and hours written out as a Guatemalan acta writes them ("siendo las nueve
/// horas con cinco minutos del día miércoles veintinueve de marzo de dos mil veintitrés").
/// The English acta keeps figures ("at 09:05 on Wednesday, 29 March 2023").
public enum FormalWording {
    /// What a number qualifies: Spanish shortens "uno" before a masculine noun and uses "una" before a feminine one.
    public enum Gender: Sendable { case none, masculine, feminine }

    static let units = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
                        "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
                        "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco",
                        "veintiséis", "veintisiete", "veintiocho", "veintinueve"]
    static let tens = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]
    static let hundreds = ["", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos",
                           "setecientos", "ochocientos", "novecientos"]

    /// 0–999 999 in Spanish words.
    public static func spanish(_ n: Int, _ gender: Gender = .none) -> String {
        precondition(n >= 0 && n < 1_000_000, "out of the range an acta needs")
        if n >= 1000 {
            let thousands = n / 1000, rest = n % 1000
            let head = thousands == 1 ? "mil" : spanish(thousands, .masculine) + " mil"
            return rest == 0 ? head : head + " " + spanish(rest, gender)
        }
        if n >= 100 {
            if n == 100 { return "cien" }
            let rest = n % 100
            return rest == 0 ? hundreds[n / 100] : hundreds[n / 100] + " " + spanish(rest, gender)
        }
        let word: String
        if n < 30 {
            word = units[n]
        } else {
            word = n % 10 == 0 ? tens[n / 10] : tens[n / 10] + " y " + units[n % 10]
        }
        guard n % 10 == 1 && n != 11 else { return word }
        switch gender {
        case .none: return word
        case .masculine: return n == 21 ? "veintiún" : String(word.dropLast())
        case .feminine: return String(word.dropLast()) + "a"
        }
    }

    static let weekdaysES = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"]
    static let weekdaysEN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let monthsES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                           "septiembre", "octubre", "noviembre", "diciembre"]

    /// "miércoles veintinueve de marzo de dos mil veintitrés" / "Wednesday, 29 March 2023".
    public static func date(_ d: CalendarDate, _ language: Language) -> String {
        // 1970-01-01 was a Thursday.
        let weekday = ((d.daysSinceEpoch % 7) + 7 + 4) % 7
        switch language {
        case .es: return "\(weekdaysES[weekday]) \(spanish(d.day)) de \(monthsES[d.month - 1]) de \(spanish(d.year))"
        case .en: return "\(weekdaysEN[weekday]), \(d.long(.en))"
        }
    }

    /// "las nueve horas con cinco minutos", "la una hora", "las trece horas" / "09:05".
    public static func hour(_ hour: Int, _ minute: Int, _ language: Language) -> String {
        guard language == .es else { return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)" }
        let h = hour == 1 ? "la una hora" : "las " + spanish(hour, .feminine) + " horas"
        guard minute > 0 else { return h }
        return h + " con " + spanish(minute, .masculine) + (minute == 1 ? " minuto" : " minutos")
    }
}
