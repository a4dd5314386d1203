/// A workspace's dynamic segments in the order their memberships settle: a segment after the
/// segments it names, so it reads their memberships as they are now.
struct SegmentPlan: Sendable {
    struct Entry: Sendable {
        /// Names the segment (id, workspace, name, kind). Plans are kept between transactions,
        /// so its member count and build time are as they were when read: read those afresh.
        var segment: Segment
        var definition: SegmentDefinition
    }

    let entries: [String: Entry]
    private let depths: [String: Int]

    init(_ segments: [Segment]) {
        var entries: [String: Entry] = [:]
        for segment in segments where segment.kind == .dynamic {
            if let definition = segment.definition { entries[segment.id] = Entry(segment: segment, definition: definition) }
        }
        self.entries = entries
        var depths: [String: Int] = [:]
        func depth(_ id: String, visiting: Set<String>) -> Int {
            if let known = depths[id] { return known }
            guard let entry = entries[id], !visiting.contains(id) else { return 0 }
            let value = 1 + (entry.definition.referencedSegmentIDs.map { depth($0, visiting: visiting.union([id])) }.max() ?? 0)
            depths[id] = value
            return value
        }
        for id in entries.keys { _ = depth(id, visiting: []) }
        self.depths = depths
    }

    /// The workspace's plan in the transaction, kept between transactions while the
    /// workspace's segments stay as they are.
    static func load(workspaceID: String, transaction: WriteTransaction) async throws -> SegmentPlan {
        try await transaction.context.segmentPlans.plan(workspaceID: workspaceID, session: transaction.session)
    }

    var isEmpty: Bool { entries.isEmpty }

    /// The segments whose definitions meet `test`.
    func ids(where test: (SegmentDefinition) -> Bool) -> Set<String> {
        Set(entries.values.filter { test($0.definition) }.map(\.segment.id))
    }

    /// The segments that name any of `ids`, directly or through others.
    func dependents(of ids: Set<String>) -> Set<String> {
        var found = Set<String>()
        var frontier = ids
        while !frontier.isEmpty {
            let next = Set(entries.values.filter { !$0.definition.referencedSegmentIDs.isDisjoint(with: frontier) }.map(\.segment.id))
                .subtracting(found)
            found.formUnion(next)
            frontier = next
        }
        return found
    }

    /// The segments among `ids`, grouped so that each group names only segments of earlier ones.
    func levels(_ ids: Set<String>) -> [[Entry]] {
        let grouped = Dictionary(grouping: ids.compactMap { entries[$0] }) { depths[$0.segment.id] ?? 1 }
        return grouped.keys.sorted().map { depth in (grouped[depth] ?? []).sorted { $0.segment.id < $1.segment.id } }
    }

    /// Whether naming `referenced` from the segment `id` would make a segment depend on itself.
    func wouldCycle(_ id: String, referencing referenced: Set<String>) -> Bool {
        referenced.contains(id) || dependents(of: [id]).contains { referenced.contains($0) }
    }
}
