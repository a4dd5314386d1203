import Foundation

/// Segments and lists: definitions checked and saved, membership built from scratch when a
/// definition is new or changes (and kept current afterwards by `SegmentUpkeep`), previews of
/// unsaved definitions, members, and the flips that time brings.
public struct SegmentService: Sendable {
    public static let maximumNameLength = 100
    public static let maximumDescriptionLength = 1_000
    public static let previewSample = 10
    /// Due flips settled per transaction.
    public static let flipBatch = 5_000

    let customers: CustomerService
    var context: CoreContext { customers.context }
    var store: any DataStore { customers.store }
    var clock: any WallClock { customers.clock }

    public init(customers: CustomerService) {
        self.customers = customers
    }

    // MARK: Reading

    public func list(as actor: Actor) async throws -> [Segment] {
        try actor.require(.viewSegments)
        return try await store.read { session in try await session.segments.all(workspaceID: actor.workspaceID) }
    }

    public func find(id: String, as actor: Actor) async throws -> Segment {
        try actor.require(.viewSegments)
        return try await store.read { session in try await existing(id, workspaceID: actor.workspaceID, session: session) }
    }

    /// A page of the segment's members, newest customer first.
    public func members(id: String, page: PageRequest, as actor: Actor) async throws -> Page<Customer> {
        try actor.require(.viewSegments)
        return try await store.read { session in
            _ = try await existing(id, workspaceID: actor.workspaceID, session: session)
            let ids = try await session.segments.members(segmentID: id, workspaceID: actor.workspaceID, page: page)
            let found = Dictionary(uniqueKeysWithValues: try await session.customers.find(ids: ids.items, workspaceID: actor.workspaceID)
                .filter { $0.deletedAt == nil && $0.mergedIntoID == nil }.map { ($0.id, $0) })
            return Page(items: ids.items.compactMap { found[$0] }, hasMore: ids.hasMore)
        }
    }

    /// The segments and lists the customer is a member of, by name.
    public func segments(ofCustomer customerID: String, as actor: Actor) async throws -> [Segment] {
        try actor.require(.viewSegments)
        return try await store.read { session in
            let ids = Set(try await session.segments.segmentIDs(customerID: customerID))
            guard !ids.isEmpty else { return [] }
            return try await session.segments.all(workspaceID: actor.workspaceID).filter { ids.contains($0.id) }
        }
    }

    /// The segment's member count at the end of each day since `date`.
    public func sizes(id: String, since date: Date, as actor: Actor) async throws -> [(day: Date, members: Int)] {
        try actor.require(.viewSegments)
        return try await store.read { session in
            _ = try await existing(id, workspaceID: actor.workspaceID, session: session)
            return try await session.segments.sizes(segmentID: id, since: date)
        }
    }

    /// How many customers a definition holds now, and the newest few, without saving it.
    public func preview(_ json: JSONValue, as actor: Actor) async throws -> SegmentPreview {
        try actor.require(.viewSegments)
        let definition = try SegmentDefinitionParser.parse(json)
        // Its sample shows who has which scores: only for those who may see scores.
        if definition.facets.contains(.insights) { try actor.require(.viewInsights) }
        let (count, ids) = try await store.read { session in
            try await check(definition, of: nil, workspaceID: actor.workspaceID, session: session)
            let scope = try await SegmentUpkeep.scope(workspaceID: actor.workspaceID, for: [definition], at: clock.now(), session: session)
            return try await session.segments.count(definition, scope: scope, sample: Self.previewSample)
        }
        let found = Dictionary(uniqueKeysWithValues: try await customers.customers(ids: ids, as: actor).map { ($0.id, $0) })
        return SegmentPreview(count: count, sample: ids.compactMap { found[$0] })
    }

    // MARK: Changing

    /// Saves a segment (with a definition) or a list (without), and builds a segment's
    /// membership at once: every customer it holds enters, with `segment.entered`.
    public func create(_ draft: SegmentDraft, as actor: Actor) async throws -> Segment {
        try actor.require(.manageSegments)
        let segment = try newSegment(draft, as: actor)
        return try await context.write { transaction in
            let session = transaction.session
            try await insert(segment, as: actor, transaction: transaction)
            if segment.definition != nil { try await SegmentUpkeep.rebuild([segment.id], workspaceID: actor.workspaceID, reason: .segmentCreated, transaction: transaction) }
            return try await existing(segment.id, workspaceID: actor.workspaceID, session: session)
        }
    }

    /// Renames, redescribes or redefines a segment; a new definition rebuilds its membership
    /// (and that of segments naming it), with `segment.entered`/`left` for whoever moved.
    public func update(id: String, _ draft: SegmentDraft, as actor: Actor) async throws -> Segment {
        try actor.require(.manageSegments)
        return try await context.write { transaction in
            let session = transaction.session
            var segment = try await existing(id, workspaceID: actor.workspaceID, session: session)
            if let kind = draft.kind, kind != segment.kind { throw RapportError.invalid(field: "kind", "cannot change; freeze a segment into a new list instead") }
            if let name = draft.name {
                segment.name = try Self.name(name)
                try await requireUnusedName(segment.name, except: id, workspaceID: actor.workspaceID, session: session)
            }
            if let description = draft.description { segment.description = try Self.description(description) }
            var redefined = false
            if let json = draft.definition {
                guard segment.kind == .dynamic else { throw RapportError.invalid(field: "definition", "a list has no definition; its members are added") }
                let definition = try SegmentDefinitionParser.parse(json)
                try await check(definition, of: id, workspaceID: actor.workspaceID, session: session)
                redefined = definition != segment.definition
                segment.definition = definition
            }
            segment.updatedAt = clock.now()
            try await session.segments.update(segment)
            try await transaction.audit(AuditRecord(.segmentUpdated, subject: .segment(id), details: ["redefined": redefined ? "yes" : "no"]), by: actor)
            if redefined { try await SegmentUpkeep.rebuild([id], workspaceID: actor.workspaceID, reason: .definitionChanged, transaction: transaction) }
            return try await existing(id, workspaceID: actor.workspaceID, session: session)
        }
    }

    /// Deletes a segment or list and its memberships (without `segment.left`: the segment is
    /// gone). One that another segment or a campaign names is refused.
    public func delete(id: String, as actor: Actor) async throws {
        try actor.require(.manageSegments)
        try await context.write { transaction in
            let session = transaction.session
            let segment = try await existing(id, workspaceID: actor.workspaceID, session: session)
            if let user = try await session.segments.all(workspaceID: actor.workspaceID).first(where: { $0.definition?.referencedSegmentIDs.contains(id) == true }) {
                throw RapportError.conflict("The segment \u{201C}\(user.name)\u{201D} names this one; change it first.")
            }
            // A campaign's audience (and its report) is read from the segment: it stays while one names it.
            if let campaign = try await session.campaigns.campaignNames(usingSegment: id, workspaceID: actor.workspaceID).first {
                throw RapportError.conflict("The campaign \u{201C}\(campaign)\u{201D} sends to or excludes this segment; change or delete it first.")
            }
            try await session.segments.delete(id: id, workspaceID: actor.workspaceID)
            try await transaction.audit(AuditRecord(.segmentDeleted, subject: .segment(id), details: ["name": segment.name]), by: actor)
        }
    }

    /// Adds customers to a list (`segment.entered` for each who was not a member).
    public func addToList(id: String, customerIDs: [String], as actor: Actor) async throws -> Segment {
        try await changeList(id: id, customerIDs: customerIDs, adding: true, as: actor)
    }

    public func removeFromList(id: String, customerIDs: [String], as actor: Actor) async throws -> Segment {
        try await changeList(id: id, customerIDs: customerIDs, adding: false, as: actor)
    }

    /// A new list holding the segment's members now.
    public func freeze(id: String, name: String, as actor: Actor) async throws -> Segment {
        try actor.require(.manageSegments)
        let list = try newSegment(SegmentDraft(name: name, kind: .list), as: actor)
        return try await context.write { transaction in
            let session = transaction.session
            let source = try await existing(id, workspaceID: actor.workspaceID, session: session)
            try await insert(list, as: actor, transaction: transaction)
            var after: String?
            repeat {
                let page = try await session.segments.members(
                    segmentID: source.id, workspaceID: actor.workspaceID, page: try PageRequest(limit: PageRequest.maximumLimit, startingAfter: after))
                let added = try await session.segments.add(page.items, to: list, at: clock.now())
                try await transaction.record(added.map { SegmentMembershipChange(entered: true, segment: list, customerID: $0, reason: .added) })
                after = page.hasMore ? page.items.last : nil
            } while after != nil
            return try await existing(list.id, workspaceID: actor.workspaceID, session: session)
        }
    }

    /// Recomputes a segment's membership from scratch (`rapport segments rebuild`); what was
    /// out of step moves with reason `rebuild`. Answers who entered and who left.
    @discardableResult
    public func rebuild(id: String, as actor: Actor) async throws -> (entered: Int, left: Int) {
        try actor.require(.manageSegments)
        return try await context.write { transaction in
            _ = try await existing(id, workspaceID: actor.workspaceID, session: transaction.session)
            return try await SegmentUpkeep.rebuild([id], workspaceID: actor.workspaceID, reason: .rebuild, transaction: transaction)
        }
    }

    /// Compares the maintained membership with a recomputation, changing nothing.
    public func drift(id: String, as actor: Actor) async throws -> SegmentDrift {
        try actor.require(.viewSegments)
        return try await store.read { session in
            let segment = try await existing(id, workspaceID: actor.workspaceID, session: session)
            guard let definition = segment.definition else { return SegmentDrift(missing: [], extra: []) }
            let scope = try await SegmentUpkeep.scope(workspaceID: actor.workspaceID, for: [definition], at: clock.now(), session: session)
            var members = Set<String>()
            var after: String?
            repeat {
                let page = try await session.segments.members(
                    segmentID: id, workspaceID: actor.workspaceID, page: try PageRequest(limit: PageRequest.maximumLimit, startingAfter: after))
                members.formUnion(page.items)
                after = page.hasMore ? page.items.last : nil
            } while after != nil
            let recomputed = Set(try await session.segments.matching(definition, scope: scope))
            return SegmentDrift(missing: recomputed.subtracting(members).sorted(), extra: members.subtracting(recomputed).sorted())
        }
    }

    // MARK: Time

    /// Settles the flips due now, a batch per transaction: each customer is evaluated against
    /// the segment (and those naming it) and the next flip scheduled. Answers how many ran.
    public func settleDueFlips(limit: Int = 100_000) async throws -> Int {
        var settled = 0
        while settled < limit {
            let count = try await context.write { transaction in
                let now = clock.now()
                let due = try await transaction.session.segments.dueFlips(at: now, limit: Self.flipBatch)
                for (workspaceID, flips) in Dictionary(grouping: due, by: \.workspaceID) {
                    let plan = try await SegmentPlan.load(workspaceID: workspaceID, transaction: transaction)
                    for (segmentID, pairs) in Dictionary(grouping: flips, by: \.segmentID) {
                        let ids: Set<String> = [segmentID]
                        let levels = plan.levels(ids.union(plan.dependents(of: ids)))
                        let scope = try await SegmentUpkeep.scope(
                            workspaceID: workspaceID, for: levels.flatMap { $0 }.map(\.definition), at: now, session: transaction.session)
                        try await SegmentUpkeep.apply(levels, customerIDs: pairs.map(\.customerID), scope: scope, transaction: transaction) { _ in .timePassed }
                        if plan.entries[segmentID] == nil {
                            try await transaction.session.segments.reschedule(
                                segmentIDs: [segmentID], customerIDs: pairs.map(\.customerID), workspaceID: workspaceID, due: [])
                        }
                    }
                }
                return due.count
            }
            settled += count
            if count < Self.flipBatch { break }
        }
        return settled
    }

    /// Records each segment's size for today (the chart on its page).
    public func recordSizes() async throws {
        let now = clock.now()
        try await store.write { session in try await session.segments.recordSizes(at: now) }
    }

    // MARK: Helpers

    private func newSegment(_ draft: SegmentDraft, as actor: Actor) throws -> Segment {
        let name = try Self.name(draft.name)
        let description = try Self.description(draft.description ?? nil)
        let kind = draft.kind ?? .dynamic
        let definition = try draft.definition.map { try SegmentDefinitionParser.parse($0) }
        guard (kind == .dynamic) == (definition != nil) else {
            throw RapportError.invalid(field: "definition", kind == .dynamic ? "is required for a segment" : "a list has no definition; its members are added")
        }
        let now = clock.now()
        return Segment(
            id: ResourceID.make(.segment, at: now), workspaceID: actor.workspaceID, name: name, description: description, kind: kind,
            definition: definition, memberCount: 0, createdBy: actor.label, createdAt: now, updatedAt: now, builtAt: nil)
    }

    private func insert(_ segment: Segment, as actor: Actor, transaction: WriteTransaction) async throws {
        let session = transaction.session
        try await requireUnusedName(segment.name, except: nil, workspaceID: actor.workspaceID, session: session)
        if let definition = segment.definition { try await check(definition, of: nil, workspaceID: actor.workspaceID, session: session) }
        try await session.segments.insert(segment)
        try await transaction.audit(AuditRecord(.segmentCreated, subject: .segment(segment.id), details: ["name": segment.name]), by: actor)
    }

    private func changeList(id: String, customerIDs: [String], adding: Bool, as actor: Actor) async throws -> Segment {
        try actor.require(.manageSegments)
        guard !customerIDs.isEmpty, customerIDs.count <= 1_000 else { throw RapportError.invalid(field: "customer_ids", "must list 1 to 1,000 customers") }
        return try await context.write { transaction in
            let session = transaction.session
            let list = try await existing(id, workspaceID: actor.workspaceID, session: session)
            guard list.kind == .list else { throw RapportError.conflict("Members of a segment follow its definition; add them to a list.") }
            if adding {
                let live = try await session.customers.find(ids: Array(Set(customerIDs)), workspaceID: actor.workspaceID)
                    .filter { $0.deletedAt == nil && $0.mergedIntoID == nil }.map(\.id)
                let missing = Set(customerIDs).subtracting(live)
                if let first = missing.sorted().first { throw RapportError.invalid(field: "customer_ids", "\(first) is no live customer of this workspace") }
                let added = try await session.segments.add(live.sorted(), to: list, at: clock.now())
                try await transaction.record(added.map { SegmentMembershipChange(entered: true, segment: list, customerID: $0, reason: .added) })
            } else {
                let removed = try await session.segments.remove(customerIDs, from: list)
                try await transaction.record(removed.map { SegmentMembershipChange(entered: false, segment: list, customerID: $0, reason: .removed) })
            }
            return try await existing(id, workspaceID: actor.workspaceID, session: session)
        }
    }

    /// Checks what a definition names: segments of this workspace, none of which names the
    /// segment back.
    private func check(_ definition: SegmentDefinition, of id: String?, workspaceID: String, session: any StoreSession) async throws {
        let referenced = definition.referencedSegmentIDs
        guard !referenced.isEmpty else { return }
        let segments = try await session.segments.all(workspaceID: workspaceID)
        let known = Set(segments.map(\.id))
        if let unknown = referenced.sorted().first(where: { !known.contains($0) }) {
            throw RapportError.invalid(field: "definition", "names the segment \(unknown), which does not exist")
        }
        if let id, SegmentPlan(segments).wouldCycle(id, referencing: referenced) {
            throw RapportError.invalid(field: "definition", "names a segment that names this one: segments cannot depend on themselves")
        }
    }

    func existing(_ id: String, workspaceID: String, session: any StoreSession) async throws -> Segment {
        guard let segment = try await session.segments.find(id: id, workspaceID: workspaceID) else {
            throw RapportError.notFound("No segment with id \(id).")
        }
        return segment
    }

    private func requireUnusedName(_ name: String, except id: String?, workspaceID: String, session: any StoreSession) async throws {
        let taken = try await session.segments.all(workspaceID: workspaceID).contains { $0.name.lowercased() == name.lowercased() && $0.id != id }
        if taken { throw RapportError.conflict("A segment or list named \u{201C}\(name)\u{201D} exists already.") }
    }

    static func name(_ name: String?) throws -> String {
        let trimmed = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= maximumNameLength else {
            throw RapportError.invalid(field: "name", "is required: 1 to \(maximumNameLength) characters")
        }
        return trimmed
    }

    static func description(_ text: String?) throws -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        guard text.count <= maximumDescriptionLength else {
            throw RapportError.invalid(field: "description", "must be at most \(maximumDescriptionLength) characters")
        }
        return text
    }
}
