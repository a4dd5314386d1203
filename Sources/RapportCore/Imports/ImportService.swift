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

    /// Needs `editCustomers`. A row's consent answers are checked with it (a bad one rejects
    /// the row) and recorded in the same transaction, with the source the file names, the
    /// import as the actor, and the file's time, address and wording as evidence.
    public func importCustomers(
        _ rows: [ImportRow<ImportedCustomer>], as actor: Actor, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportSummary {
        try actor.require(.editCustomers)
        let consents = ConsentService(customers: customers)
        let now = customers.context.clock.now()
        return try await importRows(rows, progress: progress) { input in
            for consent in input.consents {
                _ = try ConsentRules.check(consent, now: now, skew: ConsentService.allowedSkew, maximumTextLength: ConsentService.maximumTextLength)
                _ = try ConsentRules.source(consent.source, allowed: ConsentSource.claimableByAPI, default: .import)
            }
            return (try customers.prepare(input.customer, field: nil, provenance: .proven), input.consents)
        } write: { prepared in
            try await customers.upsertPrepared(prepared.map(\.0), workspaceID: actor.workspaceID, actor: actor.label) { transaction, outcomes in
                for (outcome, (_, answers)) in zip(outcomes, prepared) {
                    for answer in answers {
                        let source = try ConsentRules.source(answer.source, allowed: ConsentSource.claimableByAPI, default: .import)
                        _ = try await consents.change(
                            answer, source: source, customerID: outcome.customer.id, witness: .none, actor: actor.label,
                            workspaceID: actor.workspaceID, in: transaction)
                    }
                }
            }.map(\.created)
        }
    }

    /// Needs `changeOrders` (and `refundOrders` when a row is refunded).
    public func importOrders(
        _ rows: [ImportRow<OrderInput>], as actor: Actor, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ImportSummary {
        try actor.require(.changeOrders)
        if rows.contains(where: { $0.input.status?.isRefund == true }) { try actor.require(.refundOrders) }
        return try await importRows(rows, progress: progress) { input in
            try commerce.prepare([input])[0]
        } write: { prepared in
            try await commerce.upsertPrepared(prepared, workspaceID: actor.workspaceID, actor: actor.label).map(\.created)
        }
    }

    /// Validates every row, then writes the valid ones batch by batch. `write` returns, per
    /// input, whether it created something (else it updated).
    private func importRows<Input: Sendable, Prepared: Sendable>(
        _ rows: [ImportRow<Input>], progress: @Sendable (Int) -> Void, validate: (Input) throws -> Prepared,
        write: @escaping @Sendable ([Prepared]) async throws -> [Bool]
    ) async throws -> ImportSummary {
        var summary = ImportSummary()
        var valid: [ImportRow<Prepared>] = []
        for row in rows {
            do {
                valid.append(ImportRow(line: row.line, input: try validate(row.input)))
            } catch {
                summary.rejected.append(ImportRejection(line: row.line, reason: Self.describe(error)))
            }
        }
        progress(rows.count - valid.count)
        let batches = stride(from: 0, to: valid.count, by: Self.batchSize).map {
            Array(valid[$0..<min(valid.count, $0 + Self.batchSize)])
        }
        // Two batches in flight: while the database writes one, the next one's rows are
        // prepared (and PostgreSQL writes both at once). A customer whose rows straddle two
        // batches is created by one of them; the other loses the race and runs again.
        try await withThrowingTaskGroup(of: ImportSummary.self) { group in
            var next = 0
            func start() {
                guard next < batches.count else { return }
                let batch = batches[next]
                next += 1
                group.addTask { try await Self.write(batch, write) }
            }
            start()
            start()
            while let done = try await group.next() {
                summary.created += done.created
                summary.updated += done.updated
                summary.rejected += done.rejected
                progress(done.created + done.updated + done.rejected.count)
                start()
            }
        }
        return summary
    }

    /// Writes a batch in one transaction; when the database refuses it, writes its rows one by
    /// one and rejects only those that fail.
    private static func write<Prepared: Sendable>(
        _ batch: [ImportRow<Prepared>], _ body: @Sendable ([Prepared]) async throws -> [Bool]
    ) async throws -> ImportSummary {
        var summary = ImportSummary()
        do {
            let created = try await body(batch.map(\.input))
            summary.created += created.filter { $0 }.count
            summary.updated += created.filter { !$0 }.count
        } catch let error as RapportError {
            guard batch.count > 1 else {
                summary.rejected.append(ImportRejection(line: batch[0].line, reason: describe(error)))
                return summary
            }
            for row in batch {
                let single = try await write([row], body)
                summary.created += single.created
                summary.updated += single.updated
                summary.rejected += single.rejected
            }
        }
        return summary
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case RapportError.invalid(let errors): errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        case RapportError.conflict(let message), RapportError.notFound(let message): message
        default: "\(error)"
        }
    }
}
