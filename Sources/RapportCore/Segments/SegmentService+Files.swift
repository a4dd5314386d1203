import Foundation

/// Segments' members in and out as files: the CSV export of a segment's or list's members, and
/// a list filled from a CSV of identities.
extension SegmentService {
    /// Customers looked up per statement while a file is matched.
    static let importLookupChunk = 500

    /// The segment's members as CSV, read in chunks as the caller writes them. Needs
    /// `exportSegmentMembers` (many customers' personal data at once); the export is in the
    /// audit log (`segment.exported`) before a line is read.
    public func export(id: String, as actor: Actor) async throws -> SegmentMemberExport {
        try actor.require(.exportSegmentMembers)
        let segment = try await context.write { transaction in
            let found = try await existing(id, workspaceID: actor.workspaceID, session: transaction.session)
            try await transaction.audit(
                AuditRecord(.segmentExported, subject: .segment(id), details: ["members": String(found.memberCount)]), by: actor)
            return found
        }
        return SegmentMemberExport(segment: segment, store: store)
    }

    /// Adds to a list the existing customers a CSV file of identities names (see
    /// `SegmentListImport` for the file), with `segment.entered` (reason `added`) for each new
    /// member, in one transaction; answers what became of each row. `source` names the system
    /// of an `external_id` column when the file has no `source` column. A segment's members
    /// follow its definition: adding to one is a conflict, as by hand. The import is in the
    /// audit log (`segment.imported`, with the rows read, added and not found).
    public func importList(id: String, csv: String, source: String? = nil, as actor: Actor) async throws -> SegmentListImportOutcome {
        try actor.require(.manageSegments)
        let workspaceID = actor.workspaceID
        // The list first: an unknown one is a 404 and a segment a 409, whatever the file holds.
        let target = try await store.read { session in try await self.existing(id, workspaceID: workspaceID, session: session) }
        guard target.kind == .list else { throw RapportError.conflict("Members of a segment follow its definition; import them into a list.") }
        let file = try SegmentListImport(csv: csv, source: source, normalizer: customers.normalizer)
        // Who the rows name, read without holding the writer or locking customers; whoever is
        // no longer live when the rows are written is left out by `add`.
        let named = Array(Set(file.rows.compactMap(\.customerID))).sorted()
        let keys = Array(Set(file.rows.flatMap(\.keys))).sorted()
        let (live, owners) = try await store.read { session in
            var live = Set<String>()
            for start in stride(from: 0, to: named.count, by: Self.importLookupChunk) {
                let chunk = Array(named[start..<min(start + Self.importLookupChunk, named.count)])
                let found = try await session.customers.find(ids: chunk, workspaceID: workspaceID)
                live.formUnion(found.filter { $0.deletedAt == nil && $0.mergedIntoID == nil }.map(\.id))
            }
            let owners = keys.isEmpty ? [:] : try await session.customers.owners(of: keys, workspaceID: workspaceID)
            return (live, owners)
        }
        return try await context.write { transaction in
            let session = transaction.session
            let list = try await existing(id, workspaceID: workspaceID, session: session)
            guard list.kind == .list else { throw RapportError.conflict("Members of a segment follow its definition; import them into a list.") }
            var outcome = SegmentListImportOutcome()
            outcome.invalid = file.invalid.count
            outcome.invalidLines = Array(file.invalid.prefix(SegmentListImport.reportedLines))
            var wanted: [String] = []
            var seen = Set<String>()
            for row in file.rows {
                let byID = row.customerID.flatMap { live.contains($0) ? $0 : nil }
                var byIdentity: String?
                for key in row.keys {
                    if let owner = owners[key], !owner.isDeleted {
                        byIdentity = owner.customerID
                        break
                    }
                }
                guard let customerID = byID ?? byIdentity else {
                    outcome.notFound += 1
                    if outcome.notFoundLines.count < SegmentListImport.reportedLines { outcome.notFoundLines.append(row.line) }
                    continue
                }
                if seen.insert(customerID).inserted { wanted.append(customerID) } else { outcome.alreadyMember += 1 }
            }
            let added = try await session.segments.add(wanted, to: list, at: clock.now())
            try await transaction.record(added.map { SegmentMembershipChange(entered: true, segment: list, customerID: $0, reason: .added) })
            outcome.added = added.count
            outcome.alreadyMember += wanted.count - added.count
            try await transaction.audit(
                AuditRecord(.segmentImported, subject: .segment(list.id), details: [
                    "rows": String(file.rows.count + file.invalid.count), "added": String(outcome.added), "not_found": String(outcome.notFound),
                ]), by: actor)
            return outcome
        }
    }
}
