import Foundation

/// A segment's or list's members as CSV, read a chunk at a time so that a segment of a
/// million customers never sits in memory: the header, then one line per member, newest
/// customer first (`customer_id`, `first_name`, `last_name`, `email` and `phone` — the
/// customer's first of each —, `created_at`, `entered_at`). Written by `CSVWriter`, so a name
/// a spreadsheet would run as a formula is defused. Made by `SegmentService.export`, which
/// checks the right to export and records the export in the audit log.
///
/// Each chunk is read in its own short transaction: the file is the membership as it stands
/// while it is written, not one snapshot.
public struct SegmentMemberExport: Sendable {
    public static let columns = ["customer_id", "first_name", "last_name", "email", "phone", "created_at", "entered_at"]
    /// Members read per chunk.
    public static let chunkSize = 1_000

    public let segment: Segment
    let store: any DataStore

    init(segment: Segment, store: any DataStore) {
        self.segment = segment
        self.store = store
    }

    /// The header line.
    public var header: String { CSVWriter.line(Self.columns) }

    /// A file name for the download: `members-seg_….csv`.
    public var fileName: String { "members-\(segment.id).csv" }

    /// The lines of the members after the customer `after` (nil: from the newest), and where
    /// the next chunk starts (nil: this was the last).
    public func chunk(after: String?) async throws -> (text: String, next: String?) {
        let (segmentID, workspaceID, limit) = (segment.id, segment.workspaceID, Self.chunkSize)
        let (entries, customers): ([SegmentMemberEntry], [Customer]) = try await store.read { session in
            let read = try await session.segments.memberEntries(segmentID: segmentID, workspaceID: workspaceID, after: after, limit: limit + 1)
            let ids = read.prefix(limit).map(\.customerID)
            var people: [Customer] = []
            if !ids.isEmpty { people = try await session.customers.find(ids: ids, workspaceID: workspaceID) }
            return (read, people)
        }
        let found = Dictionary(
            customers.filter { $0.deletedAt == nil && $0.mergedIntoID == nil }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var text = ""
        for entry in entries.prefix(limit) {
            guard let customer = found[entry.customerID] else { continue }
            text += CSVWriter.line([
                customer.id, customer.profile.firstName ?? "", customer.profile.lastName ?? "",
                customer.identities.first { $0.kind == .email }?.value ?? "", customer.identities.first { $0.kind == .phone }?.value ?? "",
                Timestamp.iso8601(customer.createdAt), Timestamp.iso8601(entry.enteredAt),
            ])
        }
        return (text, entries.count > limit ? entries[limit - 1].customerID : nil)
    }
}
