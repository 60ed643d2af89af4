import ActaTestSupport
import Foundation
import Testing

/// The open data a portal accepts: a Frictionless Data Package beside the CSVs, codes not words,
/// JSON with every field in every record.
@Suite struct OpenDataTests {
    static let session = "2023-10-18-ejemplo-octubre"

    func acta(_ args: [String], _ tmp: TemporarySessions) throws -> ActaProcess.Result {
        try ActaProcess.run(args, in: tmp.base.path)
    }

    func validate(_ path: String) throws -> Subprocess.Result {
        guard let frictionless = ExternalTool.path("frictionless") else { throw ExternalTool.Missing(program: "frictionless") }
        return try Subprocess.run(frictionless, ["validate", path], environment: ProcessInfo.processInfo.environment)
    }

    @Test(arguments: [["--lang", "es"], ["--lang", "en", "--bom"], ["--license", "CC0-1.0"]])
    func theDataPackageValidates(_ options: [String]) throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        for name in [Self.session, "2023-06-20-mesa-junio", "2023-08-16-ejemplo-agosto"] {
            let r = try acta(["export", name] + options, tmp)
            #expect(r.status == 0, "\(r.stderr)")
            let check = try validate(tmp.path("\(name)/datapackage.json"))
            #expect(check.status == 0, "\(name): \(check.stdout)")
        }
        let package = try tmp.read("\(Self.session)/datapackage.json")
        #expect(package.contains(options.contains("CC0-1.0") ? "\"name\": \"CC0-1.0\"" : "\"name\": \"CC-BY-4.0\""))
        #expect(package.contains("\"enum\": [\n") && package.contains("\"substantial\""))
        #expect(package.contains("\"encoding\": \"\(options.contains("--bom") ? "utf-8-sig" : "utf-8")\""))
        let csv = try Data(contentsOf: URL(fileURLWithPath: tmp.path("\(Self.session)/milestones.csv")))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]) == options.contains("--bom"))
    }

    @Test func aWrongCodeFailsValidation() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        #expect(try acta(["export", Self.session], tmp).status == 0)
        let csv = try tmp.read("\(Self.session)/milestones.csv")
        try tmp.write("\(Self.session)/milestones.csv", csv.replacingOccurrences(of: ",substantial,", with: ",sustancial,"))
        #expect(try validate(tmp.path("\(Self.session)/datapackage.json")).status != 0, "the schema's allowed codes are enforced")
    }

    @Test func everyHitoRowCarriesItsOGPIdAndEveryJSONRecordEveryField() throws {
        let tmp = try TemporarySessions()
        defer { tmp.remove() }
        #expect(try acta(["export", Self.session], tmp).status == 0)
        let rows = try tmp.read("\(Self.session)/milestones.csv").split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let ogp = try #require(rows.first?.firstIndex(of: "ogp_id"))
        #expect(rows.dropFirst().allSatisfy { $0[ogp].hasPrefix("GT01") })
        let json = try JSONSerialization.jsonObject(with: Data(try tmp.read("\(Self.session)/milestones.json").utf8)) as? [[String: Any]]
        let records = try #require(json)
        #expect(records.count == 6)
        let keys = Set(records[0].keys)
        #expect(keys.contains("hito_text") && keys.contains("ogp_id") && keys.contains("status_label"))
        #expect(records.allSatisfy { Set($0.keys) == keys })
        #expect(records.contains { $0["hito_text"] is NSNull })
        // Keys in the CSV's column order, every record.
        let text = try tmp.read("\(Self.session)/milestones.json")
        let order = text.split(separator: "\n").prefix(20).compactMap { line -> String? in
            let t = line.trimmingCharacters(in: .whitespaces)
            return t.hasPrefix("\"") ? String(t.dropFirst().prefix { $0 != "\"" }) : nil
        }
        #expect(order == rows[0].map(String.init))
        let actions = try tmp.read("\(Self.session)/action-items.csv")
        #expect(actions.contains("EJEMPLO-2-03,3,decision,Decisión,"))
    }
}
