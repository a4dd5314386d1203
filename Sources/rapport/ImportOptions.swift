import ArgumentParser
import Foundation
import RapportCore
import RapportServer

/// What every import takes: the file, column choices and where rejected rows are written.
struct ImportOptions: ParsableArguments {
    @Argument(help: "The file to import")
    var file: String

    @Option(name: .customLong("map"), help: "column=field, when a header is not a name Rapport knows (repeatable)")
    var mappings: [String] = []

    @Option(help: "Where to write the rows that were not imported, with the reason (default: FILE.rejects.csv)")
    var rejects: String?

    @Option(help: "The system the ids in the file come from (external ids are kept under it)")
    var source: String = "import"

    func text() throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("Cannot read \(file).")
        }
        return String(decoding: data, as: UTF8.self)
    }

    func mapping() throws -> [String: String] {
        var result: [String: String] = [:]
        for item in mappings {
            let parts = item.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--map takes column=field, e.g. --map \"E-Mail Adresse=email\"; got \(item)")
            }
            result[parts[0]] = parts[1]
        }
        return result
    }

    func report(_ summary: ImportSummary, noun: String, seconds: Double) throws {
        try Self.report(summary, noun: noun, seconds: seconds, file: file, rejects: rejects)
    }

    /// Prints the summary and writes the rejects file (line, reason) when rows were rejected.
    static func report(_ summary: ImportSummary, noun: String, seconds: Double, file: String, rejects: String?) throws {
        let rate = seconds > 0 ? Int(Double(summary.created + summary.updated) / seconds) : 0
        print("\(summary.created) \(noun) created, \(summary.updated) updated, \(summary.rejected.count) rejected in \(String(format: "%.2f", seconds)) s (\(rate)/s).")
        guard !summary.rejected.isEmpty else { return }
        let path = rejects ?? file + ".rejects.csv"
        var text = CSVWriter.line(["line", "reason"])
        for rejection in summary.rejected.sorted(by: { $0.line < $1.line }) {
            text += CSVWriter.line([String(rejection.line), rejection.reason])
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        print("Rejected rows and reasons: \(path)")
    }

    /// Reads the CSV file, matches its header to fields, turns records into rows, imports them
    /// through `run`, refreshes planner statistics and reports.
    func importCSV<Input: Sendable>(
        database: DatabaseOptions, noun: String, aliases: [String: [String]],
        rows makeRows: ([(line: Int, fields: [String])], CSVColumns) -> (rows: [ImportRow<Input>], rejected: [ImportRejection]),
        run: (AppServices, [ImportRow<Input>], String, ProgressBar) async throws -> ImportSummary
    ) async throws {
        let records = CSVReader.records(try text())
        guard let header = records.first else { throw ValidationError("\(file) is empty.") }
        let columns = CSVColumns(header: header.fields, mapping: try mapping(), aliases: aliases)
        if !columns.unused.isEmpty { print("Columns not imported: \(columns.unused.joined(separator: ", "))") }
        let (rows, unreadable) = makeRows(Array(records.dropFirst()), columns)
        let (services, workspaceID) = try await database.openServices()
        let started = Date()
        var summary = try await run(services, rows, workspaceID, ProgressBar(total: rows.count, label: noun))
        summary.rejected += unreadable
        try await services.store.refreshStatistics()
        try report(summary, noun: noun, seconds: Date().timeIntervalSince(started))
        await services.store.shutdown()
    }
}
