import Foundation

/// Keeps memberships true as the domain changes: before a transaction commits, each customer
/// it touched is evaluated against the segments whose conditions the change can affect (and
/// the segments that name those), memberships are added and removed, `segment.entered` and
/// `segment.left` are recorded, and the moment time may next change the answer is scheduled.
enum SegmentUpkeep {
    /// Rounds of settling per transaction: a segment change recorded while settling touches
    /// no segment itself, so one round is the norm.
    static let maximumRounds = 3

    static func settle(_ transaction: WriteTransaction) async throws {
        for _ in 0..<maximumRounds {
            let touches = transaction.takeSegmentTouches()
            guard !touches.isEmpty else { return }
            for workspaceID in touches.keys.sorted() {
                guard let customers = touches[workspaceID], !customers.isEmpty else { continue }
                let whole = customers.filter(\.value.touchesEverything).keys.sorted()
                if !whole.isEmpty { try await followLists(whole, workspaceID: workspaceID, transaction: transaction) }
                let plan = try await SegmentPlan.load(workspaceID: workspaceID, transaction: transaction)
                guard !plan.isEmpty else { continue }
                // Touches come in few shapes (a batch of tracked events: one per event name).
                var relevant = Set<String>()
                var shapes: [SegmentTouch] = []
                for touch in customers.values where !shapes.contains(where: { $0.facets == touch.facets && $0.eventNames == touch.eventNames }) {
                    shapes.append(touch)
                    relevant.formUnion(plan.ids { touch.concerns($0) })
                }
                guard !relevant.isEmpty else { continue }
                relevant.formUnion(plan.dependents(of: relevant))
                let levels = plan.levels(relevant)
                let scope = try await scope(
                    workspaceID: workspaceID, for: levels.flatMap { $0 }.map(\.definition), at: transaction.now, session: transaction.session)
                try await apply(levels, customerIDs: customers.keys.sorted(), scope: scope, transaction: transaction) { customers[$0]?.reason ?? .rebuild }
            }
        }
    }

    /// Lists hold whom they were given, while they live: a customer deleted leaves them, one
    /// merged away hands their place to the survivor.
    static func followLists(_ customerIDs: [String], workspaceID: String, transaction: WriteTransaction) async throws {
        let session = transaction.session
        let lists = try await session.segments.all(workspaceID: workspaceID).filter { $0.kind == .list }
        guard !lists.isEmpty else { return }
        let held = try await session.segments.memberships(customerIDs: customerIDs, segmentIDs: lists.map(\.id))
        guard !held.isEmpty else { return }
        let customers = Dictionary(
            uniqueKeysWithValues: try await session.customers.find(ids: customerIDs, workspaceID: workspaceID).map { ($0.id, $0) })
        var changes: [any DomainChange] = []
        for list in lists {
            for membership in held where membership.segmentID == list.id {
                guard let customer = customers[membership.customerID], customer.deletedAt != nil || customer.mergedIntoID != nil else { continue }
                let reason: SegmentChangeReason = customer.mergedIntoID != nil ? SegmentChangeReason(.customerMerged) : SegmentChangeReason(.customerDeleted)
                for removed in try await session.segments.remove([customer.id], from: list) {
                    changes.append(SegmentMembershipChange(entered: false, segment: list, customerID: removed, reason: reason))
                }
                if let survivor = customer.mergedIntoID {
                    for added in try await session.segments.add([survivor], to: list, at: transaction.now) {
                        changes.append(SegmentMembershipChange(entered: true, segment: list, customerID: added, reason: reason))
                    }
                }
            }
        }
        try await transaction.record(changes)
    }

    /// Evaluates the customers against each level's segments and writes what changed.
    static func apply(
        _ levels: [[SegmentPlan.Entry]], customerIDs: [String], scope: SegmentScope, transaction: WriteTransaction,
        reason: (String) -> SegmentChangeReason
    ) async throws {
        let segments = transaction.session.segments
        for level in levels {
            let verdicts = try await segments.evaluate(level.map { ($0.segment.id, $0.definition) }, customerIDs: customerIDs, scope: scope)
            let current = try await segments.memberships(customerIDs: customerIDs, segmentIDs: level.map(\.segment.id))
            let bySegment = Dictionary(grouping: verdicts, by: \.segmentID)
            var changes: [any DomainChange] = []
            for entry in level {
                let segment = entry.segment
                let mine = bySegment[segment.id] ?? []
                let entering = mine.filter { $0.isMember && !current.contains(SegmentMembership(segmentID: segment.id, customerID: $0.customerID)) }
                let leaving = mine.filter { !$0.isMember && current.contains(SegmentMembership(segmentID: segment.id, customerID: $0.customerID)) }
                if !entering.isEmpty {
                    for customerID in try await segments.add(entering.map(\.customerID), to: segment, at: scope.now) {
                        changes.append(SegmentMembershipChange(entered: true, segment: segment, customerID: customerID, reason: reason(customerID)))
                    }
                }
                if !leaving.isEmpty {
                    for customerID in try await segments.remove(leaving.map(\.customerID), from: segment) {
                        changes.append(SegmentMembershipChange(entered: false, segment: segment, customerID: customerID, reason: reason(customerID)))
                    }
                }
            }
            let timed = level.filter(\.definition.dependsOnTime).map(\.segment.id)
            if !timed.isEmpty {
                let due = verdicts.compactMap { verdict in
                    verdict.nextChange.map {
                        SegmentFlip(segmentID: verdict.segmentID, customerID: verdict.customerID, workspaceID: scope.workspaceID, dueAt: $0)
                    }
                }
                try await segments.reschedule(segmentIDs: timed, customerIDs: customerIDs, workspaceID: scope.workspaceID, due: due)
            }
            try await transaction.record(changes)
        }
    }

    /// Rebuilds the segments, then every segment naming them, in order; records the moves.
    @discardableResult
    static func rebuild(_ ids: Set<String>, workspaceID: String, reason: SegmentChangeReason, transaction: WriteTransaction) async throws -> (entered: Int, left: Int) {
        let session = transaction.session
        let plan = try await SegmentPlan.load(workspaceID: workspaceID, transaction: transaction)
        var total = (entered: 0, left: 0)
        for level in plan.levels(ids.union(plan.dependents(of: ids))) {
            for entry in level {
                let scope = try await scope(workspaceID: workspaceID, for: [entry.definition], at: transaction.now, session: session)
                let (entered, left) = try await session.segments.rebuild(entry.segment, definition: entry.definition, scope: scope)
                try await transaction.record(
                    entered.map { SegmentMembershipChange(entered: true, segment: entry.segment, customerID: $0, reason: reason) }
                        + left.map { SegmentMembershipChange(entered: false, segment: entry.segment, customerID: $0, reason: reason) })
                try await session.segments.scheduleAllFlips(entry.segment, definition: entry.definition, scope: scope)
                total.entered += entered.count
                total.left += left.count
            }
        }
        return total
    }

    /// Rebuilds every segment of the workspace that reads the facet (scores recomputed for
    /// everyone at once).
    static func rebuildReading(_ facet: SegmentFacet, workspaceID: String, reason: SegmentChangeReason, transaction: WriteTransaction) async throws {
        let plan = try await SegmentPlan.load(workspaceID: workspaceID, transaction: transaction)
        let ids = plan.ids { $0.facets.contains(facet) }
        guard !ids.isEmpty else { return }
        try await rebuild(ids, workspaceID: workspaceID, reason: reason, transaction: transaction)
    }

    /// The scope to evaluate the segments in: the main currency is read only when a money
    /// condition needs it.
    static func scope(workspaceID: String, for definitions: [SegmentDefinition], at now: Date, session: any StoreSession) async throws -> SegmentScope {
        let needsCurrency = definitions.contains { $0.conditions.contains { $0.field.isMoney } }
        let currency = needsCurrency ? try await session.insights.mainCurrency(workspaceID: workspaceID) ?? "USD" : "USD"
        return SegmentScope(workspaceID: workspaceID, now: now, currency: currency)
    }
}
