import Foundation
import Synchronization

/// Walks the customers whose time in a journey has come (ADR 0013): claims up to a batch of
/// due enrolments of the live journeys with a token, walks each from where it is
/// (`JourneyWalk`) until it must wait, and writes every walk of the batch in one transaction:
/// the new places, the steps run (once per visit: `journey_steps` is keyed by enrolment, step
/// and visit) and their effects. The write takes only the enrolments the token still holds,
/// so an enrolment a goal ended meanwhile, or one another runner took after this one's lease
/// ran out, is not walked twice; a runner that dies before its write commits leaves its
/// claims to come due again when the lease ends, and nothing of its walks was written.
public struct JourneyRunner: Sendable {
    public static let batchSize = 1_000
    /// How long a claim holds an enrolment before another runner may take it.
    public static let lease: TimeInterval = 120
    /// How long a batch whose write failed waits before it is tried again.
    static let retryAfter: TimeInterval = 10
    /// The fewest enrolments a journey with customers due gets in a batch.
    static let smallestShare = 50

    let context: CoreContext
    let versions = JourneyVersionCache()
    var clock: any WallClock { context.clock }
    var store: any DataStore { context.store }

    public init(context: CoreContext) {
        self.context = context
    }

    /// Walks due enrolments a batch at a time until none is due (or `maximumBatches` ran, or
    /// the task is cancelled: between batches). The steps run.
    @discardableResult
    public func runDue(maximumBatches: Int = 1_000) async throws -> Int {
        var steps = 0
        for _ in 0..<maximumBatches {
            try Task.checkCancellation()
            let batch = try await runBatch()
            steps += batch.steps
            // A journey that filled its share leaves more due; a walk that stopped at a branch goes on at once.
            if !batch.more { break }
        }
        return steps
    }

    /// One batch: claimed (each journey with customers due gets an equal share, so a journey
    /// with a backlog does not hold up the others), walked, written. `more`: something is
    /// still due.
    func runBatch() async throws -> (claimed: Int, steps: Int, more: Bool) {
        let now = clock.now()
        let token = RandomSecret.make(prefix: "jrn_", length: 16)
        let due = try await store.read { session in
            try await session.journeys.journeysWithDue(among: try await session.journeys.liveJourneyIDs(), now: now)
        }
        // In a new order each batch, so that with more journeys due than shares, none waits behind the others.
        .shuffled()
        guard !due.isEmpty else { return (0, 0, false) }
        let share = max(Self.batchSize / due.count, Self.smallestShare)
        let (claimed, filled) = try await store.write { session in
            var claimed: [JourneyEnrolment] = []
            var filled = false
            for journeyID in due where claimed.count < Self.batchSize {
                let limit = min(share, Self.batchSize - claimed.count)
                let taken = try await session.journeys.claimDue(
                    journeyID: journeyID, now: now, until: now.addingTimeInterval(Self.lease), token: token, limit: limit)
                filled = filled || taken.count == limit
                claimed += taken
            }
            return (claimed, filled)
        }
        guard !claimed.isEmpty else { return (0, 0, false) }
        let ids = claimed.map(\.id)
        do {
            let plan = try await walks(of: claimed, at: now)
            let steps = try await context.writeRetryingConflicts { transaction in
                let session = transaction.session
                // Customers first, then their enrolments: the order a customer's own write takes
                // them in. (A deadlock with a bulk write that locks neither first is retried.)
                try await session.customers.lockCustomers(ids: Array(Set(claimed.map(\.customerID))))
                let held = try await session.journeys.confirm(ids: ids, token: token)
                try await session.journeys.save(plan.moves.filter { held.contains($0.enrolmentID) }, at: now)
                // Notes, assignments and webhook calls first: one with nothing to act on says so on its step's run.
                var ran = plan.runs
                let actions = plan.teamActions.filter { held.contains($0.enrolmentID) }
                for (index, reason) in try await JourneyConversations.apply(actions, at: now, transaction: transaction) { ran[index].skipped = reason }
                let calls = plan.webhookCalls.filter { held.contains($0.change.enrolmentID) }
                for (index, reason) in try await JourneyEffects.callWebhooks(calls, at: now, transaction: transaction) { ran[index].skipped = reason }
                let runs = ran.filter { held.contains($0.enrolmentID) }
                try await session.journeys.insertStepRuns(runs)
                let updates = plan.profileUpdates.filter { held.contains($0.enrolmentID) }
                try await JourneyEffects.updateProfiles(updates, workspaceIDs: plan.workspaceIDs, at: now, transaction: transaction)
                _ = try await session.campaigns.insertSends(plan.sends.filter { held.contains($0.enrolmentID) }.map(\.send))
                try await session.tasks.insert(plan.tasks.filter { held.contains($0.enrolmentID) }.map(\.task))
                let surveys = plan.surveys.filter { held.contains($0.enrolmentID) }.map(\.job)
                if !surveys.isEmpty { _ = try await session.jobs.enqueue(surveys, now: now) }
                return runs.count
            }
            return (claimed.count, steps, filled || plan.moves.contains { $0.dueAt.map { $0 <= now } ?? false })
        } catch {
            // Given back soon rather than held until the lease ends: tried again after `retryAfter`.
            try? await store.write { session in
                try await session.journeys.release(ids: ids, token: token, dueAt: clock.now().addingTimeInterval(Self.retryAfter))
            }
            throw error
        }
    }

    /// The custom attributes each customer's version waits for the anniversary of (only of
    /// customers whose version has such a `wait_until`), as text.
    private func anniversaryDates(of claimed: [JourneyEnrolment], definitions: [String: JourneyDefinition]) async throws -> [String: [String: String]] {
        var names: [String: Set<String>] = [:]
        for (key, definition) in definitions {
            for step in definition.steps {
                if case .waitUntilAnniversary(let attribute, _, _) = step.kind { names[key, default: []].insert(attribute) }
            }
        }
        guard !names.isEmpty else { return [:] }
        var wanted: [String: Set<String>] = [:]
        var byWorkspace: [String: Set<String>] = [:]
        for enrolment in claimed {
            guard let attributes = names[JourneyVersionCache.key(enrolment.journeyID, enrolment.version)] else { continue }
            wanted[enrolment.customerID, default: []].formUnion(attributes)
            byWorkspace[enrolment.workspaceID, default: []].insert(enrolment.customerID)
        }
        let (customersByWorkspace, wantedByCustomer) = (byWorkspace, wanted)
        return try await store.read { session in
            var dates: [String: [String: String]] = [:]
            for (workspaceID, ids) in customersByWorkspace {
                for customer in try await session.customers.find(ids: Array(ids), workspaceID: workspaceID) {
                    for name in wantedByCustomer[customer.id] ?? [] {
                        if case .string(let text)? = customer.profile.attributes[name] { dates[customer.id, default: [:]][name] = text }
                    }
                }
            }
            return dates
        }
    }

    /// The batch's walks, read and decided before anything is written.
    private func walks(of claimed: [JourneyEnrolment], at now: Date) async throws -> JourneyBatchPlan {
        var definitions: [String: JourneyDefinition] = [:]
        var storeZones: [String: TimeZone] = [:]
        for key in Set(claimed.map { JourneyVersionCache.key($0.journeyID, $0.version) }) {
            definitions[key] = try await versions.version(key, store: store)?.definition
            storeZones[key] = try await versions.storeTimeZone(key, definition: definitions[key], store: store)
        }
        let facts = try await store.read { session in
            let facts = try await session.journeys.customerFacts(customerIDs: Array(Set(claimed.map(\.customerID))))
            return Dictionary(facts.map { ($0.customerID, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let branches = try await branchAnswers(of: claimed, definitions: definitions, at: now)
        // Order times only of customers whose version waits for their re-buy interval.
        let rebuyKeys = Set(definitions.filter { $0.value.steps.contains { if case .waitRebuyInterval = $0.kind { true } else { false } } }.keys)
        let rebuyCustomers = Set(claimed.filter { rebuyKeys.contains(JourneyVersionCache.key($0.journeyID, $0.version)) }.map(\.customerID))
        let orderTimes = rebuyCustomers.isEmpty
            ? [:]
            : try await store.read { session in
                try await session.journeys.orderTimes(customerIDs: Array(rebuyCustomers), since: now.addingTimeInterval(-JourneyRebuyInterval.history))
            }
        let dates = try await anniversaryDates(of: claimed, definitions: definitions)
        let visits = try await store.read { session in try await session.journeys.visits(enrolmentIDs: claimed.map(\.id)) }
        var plan = JourneyBatchPlan()
        var messages: [JourneyMessage] = []
        for enrolment in claimed {
            plan.workspaceIDs[enrolment.customerID] = enrolment.workspaceID
            // A version this build cannot read (a newer one published it) is left to a build
            // that can: the enrolment is given back, not ended.
            guard let definition = definitions[JourneyVersionCache.key(enrolment.journeyID, enrolment.version)] else { continue }
            guard let position = enrolment.position else {
                plan.moves.append(Self.finished(enrolment, status: .exited, reason: "no_position", at: now))
                continue
            }
            let customer = facts[enrolment.customerID]
            if customer == nil || customer?.isGone == true {
                plan.moves.append(Self.finished(enrolment, status: .exited, reason: "customer_gone", at: now))
                continue
            }
            if enrolment.status == .heldOut {
                plan.moves.append(Self.finished(enrolment, status: .heldOut, reason: "holdout_ended", at: now))
                continue
            }
            let storeZone = storeZones[JourneyVersionCache.key(enrolment.journeyID, enrolment.version)] ?? .gmt
            let zone = customer.map { RecipientTimeZone.resolve(profileTimeZone: $0.timeZone, phone: $0.phone, storeDefault: storeZone).timeZone } ?? storeZone
            let arrived = enrolment.eventArrivedAt != nil
            let id = enrolment.id
            let walkFacts = JourneyWalkFacts(
                timeZone: zone, hasOpenConversation: customer?.hasOpenConversation ?? false, eventArrived: arrived,
                branchTaken: branches[id].map { [position.stepKey: $0] } ?? [:],
                splitDraw: { key in CampaignRecipientRule.draw(customerID: key, campaignID: id) },
                rebuyDue: orderTimes[enrolment.customerID].flatMap(JourneyRebuyInterval.due), dates: dates[enrolment.customerID] ?? [:])
            let seen = visits[id] ?? [:]
            let (runs, end) = JourneyWalk.walk(definition, from: position, at: now, facts: walkFacts, visits: { seen[$0] ?? 0 })
            for run in runs {
                plan.runs.append(
                    JourneyStepRecord(enrolmentID: id, journeyID: enrolment.journeyID, stepKey: run.stepKey, visit: run.visit, ranAt: run.at, skipped: run.skipped))
                switch run.effect {
                case .updateProfile(let update)?:
                    plan.profileUpdates.append(JourneyProfileChange(enrolmentID: id, customerID: enrolment.customerID, update: update))
                case .send?:
                    messages.append(
                        JourneyMessage(
                            enrolmentID: id, customerID: enrolment.customerID, workspaceID: enrolment.workspaceID, journeyID: enrolment.journeyID,
                            version: enrolment.version, stepKey: run.stepKey, visit: run.visit, runIndex: plan.runs.count - 1))
                case .task(let task)?:
                    plan.tasks.append((id, Self.task(task, for: enrolment, run: run, at: now)))
                case .note(let note)?:
                    plan.teamActions.append(
                        JourneyTeamAction(
                            enrolmentID: id, customerID: enrolment.customerID, workspaceID: enrolment.workspaceID, journeyID: enrolment.journeyID,
                            kind: .note(note), runIndex: plan.runs.count - 1))
                case .assign(let teamID)?:
                    plan.teamActions.append(
                        JourneyTeamAction(
                            enrolmentID: id, customerID: enrolment.customerID, workspaceID: enrolment.workspaceID, journeyID: enrolment.journeyID,
                            kind: .assign(teamID: teamID), runIndex: plan.runs.count - 1))
                case .webhook(let webhookID)?:
                    plan.webhookCalls.append(
                        (plan.runs.count - 1,
                         JourneyWebhookChange(
                            workspaceID: enrolment.workspaceID, journeyID: enrolment.journeyID, version: enrolment.version, stepKey: run.stepKey,
                            visit: run.visit, enrolmentID: id, customerID: enrolment.customerID, webhookID: webhookID)))
                case .survey(let kind)?:
                    let origin = "journey:\(id):\(run.stepKey):\(run.visit)"
                    let payload = SurveySendPayload(
                        workspaceID: enrolment.workspaceID, customerID: enrolment.customerID, kind: kind, journeyID: enrolment.journeyID, origin: origin)
                    plan.surveys.append((id, try JobRequest(payload, uniqueKey: origin, maxAttempts: 6)))
                case nil:
                    break
                }
            }
            plan.moves.append(Self.move(enrolment, to: end, lastStep: runs.last.flatMap { definition.step($0.stepKey) }, at: now))
        }
        try await queue(messages, plan: &plan, at: now)
        return plan
    }

    /// For each claimed enrolment at a branch: the index of the branch whose condition holds
    /// (nil: `otherwise`), asked in SQL for all of a step's customers at once.
    private func branchAnswers(of claimed: [JourneyEnrolment], definitions: [String: JourneyDefinition], at now: Date) async throws -> [String: Int?] {
        var atBranch: [String: (branches: [JourneyBranch], enrolments: [JourneyEnrolment])] = [:]
        for enrolment in claimed where enrolment.status != .heldOut {
            guard let position = enrolment.position,
                let step = definitions[JourneyVersionCache.key(enrolment.journeyID, enrolment.version)]?.step(position.stepKey),
                case .branch(let branches, _) = step.kind
            else { continue }
            let key = "\(enrolment.journeyID)#\(enrolment.version)#\(position.stepKey)"
            atBranch[key, default: (branches, [])].enrolments.append(enrolment)
        }
        guard !atBranch.isEmpty else { return [:] }
        let groups = Array(atBranch.values)
        return try await store.read { session in
            var answers: [String: Int?] = [:]
            for group in groups {
                let workspaceID = group.enrolments[0].workspaceID
                let conditions = group.branches.enumerated().map { (id: String($0.offset), definition: $0.element.condition) }
                let scope = try await SegmentUpkeep.scope(workspaceID: workspaceID, for: conditions.map(\.definition), at: now, session: session)
                let verdicts = try await session.segments.evaluate(conditions, customerIDs: group.enrolments.map(\.customerID), scope: scope)
                var held: [String: Int] = [:]
                for verdict in verdicts where verdict.isMember {
                    let index = Int(verdict.segmentID) ?? 0
                    held[verdict.customerID] = min(held[verdict.customerID] ?? index, index)
                }
                for enrolment in group.enrolments { answers[enrolment.id] = .some(held[enrolment.customerID]) }
            }
            return answers
        }
    }

    static func move(_ enrolment: JourneyEnrolment, to end: JourneyWalkEnd, lastStep: JourneyStep?, at now: Date) -> JourneyEnrolmentMove {
        let id = enrolment.id
        switch end {
        case .waiting(let position, let until):
            return JourneyEnrolmentMove(enrolmentID: id, status: until <= now ? .active : .waiting, position: position, dueAt: until)
        case .waitingForEvent(let position, let event, let until):
            return JourneyEnrolmentMove(enrolmentID: id, status: .waiting, position: position, dueAt: until, waitEvent: JourneyHappening.key(of: event))
        case .held(let position, let until):
            return JourneyEnrolmentMove(enrolmentID: id, status: .waiting, position: position, dueAt: until, waitEvent: JourneyHappening.conversationResolvedKey)
        case .needsBranch(let position):
            return JourneyEnrolmentMove(enrolmentID: id, status: .active, position: position, dueAt: now)
        case .finished:
            let reason = lastStep?.kind == .exit ? "exit" : "end"
            return finished(enrolment, status: .completed, reason: reason, at: now)
        }
    }

    /// A task step's task: due its time after the step ran, for its team, about the customer;
    /// once per enrolment, step and visit (`origin`).
    static func task(_ task: JourneyTask, for enrolment: JourneyEnrolment, run: JourneyStepRun, at now: Date) -> WorkTask {
        WorkTask(
            id: ResourceID.make(.task, at: now), workspaceID: enrolment.workspaceID, title: task.title, dueAt: run.at.addingTimeInterval(task.dueAfterSeconds),
            teamID: task.teamID, customerID: enrolment.customerID, journeyID: enrolment.journeyID, origin: "\(enrolment.id):\(run.stepKey):\(run.visit)",
            createdBy: "journey:\(enrolment.journeyID)", createdAt: now, updatedAt: now)
    }

    static func finished(_ enrolment: JourneyEnrolment, status: JourneyEnrolmentStatus, reason: String, at now: Date) -> JourneyEnrolmentMove {
        JourneyEnrolmentMove(enrolmentID: enrolment.id, status: status, position: nil, dueAt: nil, finishedAt: now, endReason: reason)
    }
}
