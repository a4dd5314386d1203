import Foundation

/// Segments, their maintained members, and the moments time-dependent conditions next flip.
/// Definitions are evaluated by the store (`SegmentScope` resolves their relative parts).
public protocol SegmentRepository: Sendable {
    func insert(_ segment: Segment) async throws
    /// Writes the name, description, definition and `updatedAt`.
    func update(_ segment: Segment) async throws
    func delete(id: String, workspaceID: String) async throws
    func find(id: String, workspaceID: String) async throws -> Segment?
    /// Every segment and list of the workspace, by name.
    func all(workspaceID: String) async throws -> [Segment]
    /// A number that moves whenever a segment of the workspace is created, changed or deleted.
    func revision(workspaceID: String) async throws -> Int64
    /// The workspaces that have dynamic segments.
    func workspacesWithSegments() async throws -> [String]

    /// How many live customers the definition holds now, and the first `sample` of them (newest first).
    func count(_ definition: SegmentDefinition, scope: SegmentScope, sample: Int) async throws -> (count: Int, sample: [String])
    /// Every live customer the definition holds now.
    func matching(_ definition: SegmentDefinition, scope: SegmentScope) async throws -> [String]
    /// For each definition, whether the live customer meets it now (a customer who is not
    /// live meets none), and when, with nothing else happening, the answer may next change.
    func evaluate(
        _ definitions: [(id: String, definition: SegmentDefinition)], customerIDs: [String], scope: SegmentScope
    ) async throws -> [SegmentVerdict]

    /// Recomputes a segment's members from scratch: adds whoever meets the definition and is
    /// not a member, removes members who do not; answers who entered and who left.
    func rebuild(_ segment: Segment, definition: SegmentDefinition, scope: SegmentScope) async throws -> (entered: [String], left: [String])
    /// Replaces the flips of each listed customer for each listed segment by `due`: when
    /// membership is next re-evaluated (a pair not in `due`: never).
    func reschedule(segmentIDs: [String], customerIDs: [String], workspaceID: String, due: [SegmentFlip]) async throws
    /// Schedules the next flip of every live customer of the workspace for a time-dependent segment.
    func scheduleAllFlips(_ segment: Segment, definition: SegmentDefinition, scope: SegmentScope) async throws
    /// Flips due at `date`, oldest first.
    func dueFlips(at date: Date, limit: Int) async throws -> [SegmentFlip]

    /// Whether the customers are members, per segment.
    func memberships(customerIDs: [String], segmentIDs: [String]) async throws -> Set<SegmentMembership>
    /// Every segment the customer is a member of.
    func segmentIDs(customerID: String) async throws -> [String]
    func add(_ customerIDs: [String], to segment: Segment, at date: Date) async throws -> [String]
    func remove(_ customerIDs: [String], from segment: Segment) async throws -> [String]
    /// Takes the customers out of every segment and list, without events (an erasure).
    func leaveAll(customerIDs: [String], workspaceID: String) async throws
    /// A page of members, newest customer first.
    func members(segmentID: String, workspaceID: String, page: PageRequest) async throws -> Page<String>
    /// Up to `limit` members with when they entered, newest customer first, after the customer
    /// `after` (exports read a large segment in chunks of any size this way).
    func memberEntries(segmentID: String, workspaceID: String, after: String?, limit: Int) async throws -> [SegmentMemberEntry]
    /// Records the member count each day for the size chart.
    func recordSizes(at date: Date) async throws
    func sizes(segmentID: String, since date: Date) async throws -> [(day: Date, members: Int)]
}
