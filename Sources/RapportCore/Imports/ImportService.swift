/// Bulk imports of customers and orders. Rows are validated one by one (a bad row is
/// rejected with its reason and the rest go on), then written in batches, each batch one
/// transaction; a batch the database refuses is retried row by row, so a failed row leaves
/// nothing behind and rejects only itself.
public struct ImportService: Sendable {
    public static let batchSize = 5_000

    private let commerce: CommerceService
    private var customers: CustomerService { commerce.customers }

    public init(commerce: CommerceService) {
        self.commerce = commerce
    }

    public func importCustomers(
        _ rows: [ImportRow<CustomerInput>], workspaceID: String, actor: String,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportSummary {
        try await importRows(rows, progress: progress) { input in
            _ = try customers.prepare(input, field: nil)
        } write: { inputs in
            try await customers.upsertMany(inputs, workspaceID: workspaceID, actor: actor).map(\.created)
        }
    }

    public func importOrders(
        _ rows: [ImportRow<OrderInput>], workspaceID: String, actor: String,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportSummary {
        try await importRows(rows, progress: progress) { input in
            _ = try commerce.prepare([input])
        } write: { inputs in
            try await commerce.upsertOrders(inputs, workspaceID: workspaceID, actor: actor).map(\.created)
        }
    }

    /// Validates every row, then writes the valid ones batch by batch. `write` returns, per
    /// input, whether it created something (else it updated).
    private func importRows<Input: Sendable>(
        _ rows: [ImportRow<Input>], progress: @Sendable (Int) -> Void, validate: (Input) throws -> Void,
        write: ([Input]) async throws -> [Bool]
    ) async throws -> ImportSummary {
        var summary = ImportSummary()
        var valid: [ImportRow<Input>] = []
        for row in rows {
            do {
                try validate(row.input)
                valid.append(row)
            } catch {
                summary.rejected.append(ImportRejection(line: row.line, reason: Self.describe(error)))
            }
        }
        progress(rows.count - valid.count)
        for start in stride(from: 0, to: valid.count, by: Self.batchSize) {
            let batch = Array(valid[start..<min(valid.count, start + Self.batchSize)])
            try await self.write(batch, into: &summary, write)
            progress(batch.count)
        }
        return summary
    }

    /// Writes a batch in one transaction; when the database refuses it, writes its rows one by
    /// one and rejects only those that fail.
    private func write<Input: Sendable>(
        _ batch: [ImportRow<Input>], into summary: inout ImportSummary, _ body: ([Input]) async throws -> [Bool]
    ) async throws {
        do {
            let created = try await body(batch.map(\.input))
            summary.created += created.filter { $0 }.count
            summary.updated += created.filter { !$0 }.count
        } catch let error as RapportError {
            guard batch.count > 1 else {
                summary.rejected.append(ImportRejection(line: batch[0].line, reason: Self.describe(error)))
                return
            }
            for row in batch { try await write([row], into: &summary, body) }
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case RapportError.invalid(let errors): errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        case RapportError.conflict(let message), RapportError.notFound(let message): message
        default: "\(error)"
        }
    }
}
