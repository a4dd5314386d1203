import Foundation

/// Leads brought over from a list (`rapport import leads`): a trade fair's, an old CRM's.
extension LeadService {
    /// Rows written a transaction at a time.
    public static let importBatchSize = 500

    /// Imports leads (needs `workLeads` and `editCustomers`). Each row's person is found by
    /// e-mail or phone or made (identity resolution, as a customer import), its company found or
    /// made by domain or name; then a lead opens, or the row adds to the person's open lead (an
    /// update in the summary, so importing a file again opens nothing new). A row that breaks a
    /// rule is rejected with its line and reason; the rest go on.
    public func importLeads(_ rows: [ImportRow<LeadEnquiry>], as actor: Actor, progress: @Sendable (Int) -> Void = { _ in }) async throws -> ImportSummary {
        try actor.require(.workLeads)
        try actor.require(.editCustomers)
        var summary = ImportSummary()
        var checked: [(line: Int, enquiry: LeadEnquiry, person: PreparedUpsert)] = []
        for row in rows {
            do {
                var enquiry = row.input
                enquiry.source = .import
                try LeadOpening.check(enquiry)
                var identities: [IdentityInput] = []
                if let email = enquiry.email { identities.append(IdentityInput(.email, value: email)) }
                if let phone = enquiry.phone { identities.append(IdentityInput(.phone, value: phone)) }
                let person = try customers.prepare(
                    CustomerInput(identities: identities, firstName: enquiry.firstName, lastName: enquiry.lastName), field: nil, provenance: .proven)
                checked.append((row.line, enquiry, person))
            } catch {
                summary.rejected.append(ImportRejection(line: row.line, reason: ImportService.describe(error)))
            }
        }
        progress(rows.count - checked.count)
        for start in stride(from: 0, to: checked.count, by: Self.importBatchSize) {
            let batch = Array(checked[start..<min(checked.count, start + Self.importBatchSize)])
            // A batch the database refuses is written again row by row: a failed row rejects only itself.
            do {
                let done = try await write(batch, actor: actor)
                summary.created += done.created
                summary.updated += done.updated
            } catch {
                for row in batch {
                    do {
                        let done = try await write([row], actor: actor)
                        summary.created += done.created
                        summary.updated += done.updated
                    } catch {
                        summary.rejected.append(ImportRejection(line: row.line, reason: ImportService.describe(error)))
                    }
                }
            }
            progress(batch.count)
        }
        summary.rejected.sort { $0.line < $1.line }
        return summary
    }

    /// The people (found or made together) and their leads in one transaction: nobody is made
    /// for a lead that is not written.
    private func write(_ batch: [(line: Int, enquiry: LeadEnquiry, person: PreparedUpsert)], actor: Actor) async throws -> (created: Int, updated: Int) {
        try await context.writeRetryingConflicts { transaction in
            var people = UpsertBatch(service: customers, transaction: transaction, workspaceID: actor.workspaceID, actor: actor.label)
            let outcomes = try await people.run(batch.map(\.person))
            // The batch's people held at once, in id order, as tracking holds them.
            try await transaction.session.customers.lockCustomers(ids: Array(Set(outcomes.map(\.customer.id))))
            var counts = (created: 0, updated: 0)
            for (row, outcome) in zip(batch, outcomes) {
                let opened = try await LeadOpening.open(row.enquiry, customerID: outcome.customer.id, by: actor, in: transaction)
                if opened.created { counts.created += 1 } else { counts.updated += 1 }
            }
            return counts
        }
    }
}
