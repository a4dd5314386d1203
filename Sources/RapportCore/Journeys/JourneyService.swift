import Foundation

/// Journeys as people manage them (ADR 0013): drafts written and changed freely (each checked
/// when saved), published into frozen versions, paused, resumed and archived; customers let in
/// by hand; the report of who is where.
public struct JourneyService: Sendable {
    public static let maximumNameLength = 200
    /// Customers one enrolment call may name.
    public static let maximumEnrolment = 1_000

    let segments: SegmentService
    var context: CoreContext { segments.context }
    var store: any DataStore { segments.store }
    var clock: any WallClock { segments.clock }

    public init(segments: SegmentService) {
        self.segments = segments
    }

    // MARK: Reading

    public func list(status: JourneyStatus? = nil, page: PageRequest, as actor: Actor) async throws -> Page<Journey> {
        try actor.require(.viewJourneys)
        return try await store.read { session in try await session.journeys.list(workspaceID: actor.workspaceID, status: status, page: page) }
    }

    public func find(id: String, as actor: Actor) async throws -> Journey {
        try actor.require(.viewJourneys)
        return try await store.read { session in try await existing(id, workspaceID: actor.workspaceID, session: session) }
    }

    /// Who is at each step and who passed it, and the totals with the goal's conversions.
    public func report(id: String, as actor: Actor) async throws -> JourneyReport {
        try actor.require(.viewJourneys)
        return try await store.read { session in
            let journey = try await existing(id, workspaceID: actor.workspaceID, session: session)
            var window: TimeInterval?
            if let number = journey.liveVersion, let live = try await session.journeys.version(journeyID: id, version: number) {
                window = live.definition.goal.map { Double($0.withinDays) * 86_400 }
            }
            return JourneyReport(
                steps: try await session.journeys.stepCounts(journeyID: id, goalWindow: window), stats: try await session.journeys.stats(journeyID: id, goalWindow: window))
        }
    }

    /// What the journey does as its page draws it: the live version's definition once
    /// published (what customers walk), else the draft's; nil for a draft that does not parse.
    public func shownDefinition(id: String, as actor: Actor) async throws -> JourneyDefinition? {
        try actor.require(.viewJourneys)
        return try await store.read { session in
            let journey = try await existing(id, workspaceID: actor.workspaceID, session: session)
            if let number = journey.liveVersion, let live = try await session.journeys.version(journeyID: id, version: number) { return live.definition }
            return try? JourneyDefinitionParser.parse(journey.draft)
        }
    }

    /// The journeys the customer is in or was in, newest first.
    public func enrolments(ofCustomer customerID: String, as actor: Actor) async throws -> [JourneyEnrolment] {
        try actor.require(.viewJourneys)
        return try await store.read { session in try await session.journeys.enrolments(customerID: customerID, workspaceID: actor.workspaceID) }
    }

    // MARK: Changing

    /// A new draft: a name and a definition, or a built-in journey (`templateKey`) with the
    /// e-mail inbox it sends through; one that follows a segment gets it made too.
    public func create(_ draft: JourneyDraft, templateKey: String? = nil, inboxID: String? = nil, as actor: Actor) async throws -> Journey {
        try actor.require(.manageJourneys)
        var name = draft.name.map { $0.trimmed }
        var json = draft.definition
        if let templateKey {
            guard json == nil else { throw RapportError.invalid(field: "definition", "give either a `template_key` or a `definition`, not both") }
            guard let template = JourneyTemplates.template(templateKey) else {
                throw RapportError.invalid(field: "template_key", "names no built-in journey; one of \(JourneyTemplates.all.map(\.key).joined(separator: ", "))")
            }
            guard let inboxID else { throw RapportError.invalid(field: "inbox_id", "is required with a template: the e-mail inbox its messages go through") }
            // Checked before the template's segment is made, so a bad request leaves nothing behind.
            name = try Self.name(name ?? template.name)
            try await store.read { session in
                try await CampaignService.requireInbox(inboxID, for: .email, field: "inbox_id", workspaceID: actor.workspaceID, session: session)
            }
            var segmentID: String?
            if let segment = template.segment {
                segmentID = try await templateSegment(named: segment.name, definition: try segment.definition(), as: actor).id
            }
            json = try template.json(inboxID: inboxID, segmentID: segmentID)
        }
        let journeyName = try Self.name(name)
        guard let json else { throw RapportError.invalid(field: "definition", "is required: the journey's trigger and steps (or a `template_key`)") }
        let definition = try JourneyDefinitionParser.parse(json)
        let now = clock.now()
        let journey = Journey(
            id: ResourceID.make(.journey, at: now), workspaceID: actor.workspaceID, name: journeyName, status: .draft, draft: json,
            templateKey: templateKey, createdBy: actor.label, createdAt: now, updatedAt: now)
        return try await context.write { transaction in
            try await Self.checkReferences(of: definition, workspaceID: actor.workspaceID, session: transaction.session)
            try await transaction.session.journeys.insert(journey)
            var details = ["name": journeyName]
            if let templateKey { details["template"] = templateKey }
            try await transaction.audit(AuditRecord(.journeyCreated, subject: .journey(journey.id), details: details), by: actor)
            return journey
        }
    }

    /// Renames the journey or replaces its draft; a published version stays as it was.
    public func update(id: String, _ draft: JourneyDraft, as actor: Actor) async throws -> Journey {
        try actor.require(.manageJourneys)
        let name = try draft.name.map { try Self.name($0) }
        let definition = try draft.definition.map { try JourneyDefinitionParser.parse($0) }
        return try await context.write { transaction in
            let session = transaction.session
            var journey = try await existing(id, workspaceID: actor.workspaceID, session: session)
            guard journey.status != .archived else { throw RapportError.conflict("An archived journey does not change; create a new one.") }
            var changed: [String] = []
            if let name, name != journey.name {
                journey.name = name
                changed.append("name")
            }
            if let definition, let json = draft.definition, json != journey.draft {
                try await Self.checkReferences(of: definition, workspaceID: actor.workspaceID, session: session)
                journey.draft = json
                changed.append("draft")
            }
            guard !changed.isEmpty else { return journey }
            journey.updatedAt = clock.now()
            try await session.journeys.update(journey)
            try await transaction.audit(AuditRecord(.journeyUpdated, subject: .journey(id), details: ["changed": changed.joined(separator: ",")]), by: actor)
            return journey
        }
    }

    /// Deletes a journey never published (a draft); one that ran is archived instead, so its
    /// report and the customers' histories stay.
    public func delete(id: String, as actor: Actor) async throws {
        try actor.require(.manageJourneys)
        try await context.write { transaction in
            let session = transaction.session
            let journey = try await existing(id, workspaceID: actor.workspaceID, session: session)
            guard journey.liveVersion == nil else { throw RapportError.conflict("A published journey is archived, not deleted: its history stays.") }
            try await session.journeys.delete(id: id, workspaceID: actor.workspaceID)
            try await transaction.audit(AuditRecord(.journeyDeleted, subject: .journey(id), details: ["name": journey.name]), by: actor)
        }
    }

    /// Freezes the draft into the next version, which new entrants take; the journey goes
    /// live (or stays paused). Customers in flight stay on the version they entered.
    public func publish(id: String, as actor: Actor) async throws -> Journey {
        try actor.require(.manageJourneys)
        return try await context.write { transaction in
            let session = transaction.session
            var journey = try await existing(id, workspaceID: actor.workspaceID, session: session)
            guard journey.status != .archived else { throw RapportError.conflict("An archived journey cannot be published again; create a new one.") }
            let definition = try JourneyDefinitionParser.parse(journey.draft)
            try await Self.checkReferences(of: definition, workspaceID: actor.workspaceID, session: session)
            try await Self.requireSigningInboxes(of: definition, session: session)
            let now = clock.now()
            let number = (journey.liveVersion ?? 0) + 1
            try await session.journeys.insertVersion(
                JourneyVersion(
                    journeyID: id, workspaceID: actor.workspaceID, version: number, json: journey.draft, definition: definition,
                    publishedBy: actor.label, publishedAt: now))
            journey.liveVersion = number
            if journey.status == .draft { journey.status = .live }
            try await Self.insertStepCampaigns(
                of: definition, journey: journey, version: number, status: journey.status == .live ? .sending : .paused, at: now, as: actor, session: session)
            journey.publishedAt = now
            journey.updatedAt = now
            try await session.journeys.update(journey)
            try await session.journeys.moveRevision(workspaceID: actor.workspaceID)
            try await transaction.audit(AuditRecord(.journeyPublished, subject: .journey(id), details: ["version": String(number)]), by: actor)
            return journey
        }
    }

    /// Lets nobody in and walks nobody on; those in it wait where they are.
    public func pause(id: String, as actor: Actor) async throws -> Journey {
        try await move(id, from: [.live], to: .paused, action: .journeyPaused, as: actor)
    }

    /// Goes on: due steps run at once, a `wait_until` overdue by more than an hour waits for its next time.
    public func resume(id: String, as actor: Actor) async throws -> Journey {
        try await move(id, from: [.paused], to: .live, action: .journeyResumed, as: actor)
    }

    /// Ends the journey for good: everyone in it is taken out.
    public func archive(id: String, as actor: Actor) async throws -> Journey {
        try await move(id, from: [.draft, .live, .paused], to: .archived, action: .journeyArchived, as: actor)
    }

    /// Lets customers in by hand: those named (up to `maximumEnrolment`, in one transaction),
    /// or a segment's members at this moment (a thousand per transaction, each audited, so a
    /// large segment never holds the writer long; the entry rule makes a repeated call let
    /// nobody in twice; a journey paused, archived or republished meanwhile lets no more in).
    /// The enrolments made.
    public func enrol(id: String, customerIDs: [String], segmentID: String?, as actor: Actor) async throws -> [JourneyEnrolment] {
        try actor.require(.manageJourneys)
        guard customerIDs.count <= Self.maximumEnrolment else {
            throw RapportError.invalid(field: "customer_ids", "at most \(Self.maximumEnrolment) at a time; enrol a segment for more")
        }
        guard customerIDs.isEmpty != (segmentID == nil) else {
            throw RapportError.invalid(field: "customer_ids", "give either `customer_ids` or a `segment_id`")
        }
        let version = try await store.read { session in
            let journey = try await existing(id, workspaceID: actor.workspaceID, session: session)
            guard journey.status == .live, let number = journey.liveVersion, let version = try await session.journeys.version(journeyID: id, version: number)
            else { throw RapportError.conflict("Only a live journey lets customers in; this one is \(journey.status.rawValue).") }
            return version
        }
        var chunks: [[String]] = [customerIDs]
        var source = JourneyEntrySource.api
        if let segmentID {
            chunks = try await store.read { session in
                guard let segment = try await session.segments.find(id: segmentID, workspaceID: actor.workspaceID) else {
                    throw RapportError.invalid(field: "segment_id", "names no segment or list of this workspace (\(segmentID.prefix(64)))")
                }
                var chunks: [[String]] = []
                var after: String?
                while true {
                    let entries = try await session.segments.memberEntries(
                        segmentID: segment.id, workspaceID: actor.workspaceID, after: after, limit: Self.maximumEnrolment)
                    if !entries.isEmpty { chunks.append(entries.map(\.customerID)) }
                    after = entries.last?.customerID
                    if entries.count < Self.maximumEnrolment { return chunks }
                }
            }
            source = .segmentSnapshot
        } else {
            let known = try await store.read { session in
                Set(try await session.customers.find(ids: customerIDs, workspaceID: actor.workspaceID).filter { $0.deletedAt == nil && $0.mergedIntoID == nil }.map(\.id))
            }
            if let unknown = customerIDs.firstIndex(where: { !known.contains($0) }) {
                throw RapportError.invalid(field: "customer_ids[\(unknown)]", "names no customer of this workspace (\(customerIDs[unknown].prefix(64)))")
            }
        }
        let entrySource = source
        var enrolled: [JourneyEnrolment] = []
        for chunk in chunks {
            // Each chunk checks the journey again: one paused or archived meanwhile lets nobody more in.
            let made = try await context.write { transaction in
                let session = transaction.session
                let current = try await existing(id, workspaceID: actor.workspaceID, session: session)
                guard current.status == .live, current.liveVersion == version.version else { return [JourneyEnrolment]?.none }
                let made = try await JourneyEntry.enrol(chunk, journey: current, version: version, source: entrySource, at: clock.now(), session: session)
                try await transaction.audit(
                    AuditRecord(.journeyEnrolled, subject: .journey(id), details: ["source": entrySource.rawValue, "enrolled": String(made.count)]), by: actor)
                return made
            }
            guard let made else {
                if enrolled.isEmpty { throw RapportError.conflict("The journey stopped being live while customers were let in.") }
                break
            }
            enrolled += made
        }
        return enrolled
    }

    // MARK: Rules

    private func move(_ id: String, from: Set<JourneyStatus>, to status: JourneyStatus, action: AuditAction, as actor: Actor) async throws -> Journey {
        try actor.require(.manageJourneys)
        return try await context.write { transaction in
            let session = transaction.session
            var journey = try await existing(id, workspaceID: actor.workspaceID, session: session)
            guard from.contains(journey.status) else {
                throw RapportError.conflict("A \(journey.status.rawValue) journey cannot become \(status.rawValue).")
            }
            let now = clock.now()
            journey.status = status
            journey.updatedAt = now
            try await session.journeys.update(journey)
            var details: [String: String] = [:]
            if status == .archived { details["taken_out"] = String(try await session.journeys.finishAll(journeyID: id, reason: "archived", at: now)) }
            // Its messages not yet sent are held while it is paused and dropped when it is archived.
            switch status {
            case .paused: try await session.campaigns.setJourneyCampaignsStatus(.paused, journeyID: id, whileIn: [.sending], at: now)
            case .live: try await session.campaigns.setJourneyCampaignsStatus(.sending, journeyID: id, whileIn: [.paused], at: now)
            case .archived: try await session.campaigns.setJourneyCampaignsStatus(.cancelled, journeyID: id, whileIn: [.sending, .paused], at: now)
            case .draft: break
            }
            try await session.journeys.moveRevision(workspaceID: actor.workspaceID)
            try await transaction.audit(AuditRecord(action, subject: .journey(id), details: details), by: actor)
            return journey
        }
    }

    func existing(_ id: String, workspaceID: String, session: any StoreSession) async throws -> Journey {
        guard let journey = try await session.journeys.find(id: id, workspaceID: workspaceID) else {
            throw RapportError.notFound("No journey with id \(id.prefix(64)).")
        }
        return journey
    }

    /// The segment a built-in journey follows, made under its name (numbered if the name is taken).
    private func templateSegment(named name: String, definition: JSONValue, as actor: Actor) async throws -> Segment {
        let taken = Set(try await segments.list(as: actor).map(\.name))
        var candidate = name
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(name) (\(number))"
            number += 1
        }
        return try await segments.create(SegmentDraft(name: candidate, kind: .dynamic, definition: definition), as: actor)
    }

    static func name(_ name: String?) throws -> String {
        let trimmed = (name ?? "").trimmed
        guard !trimmed.isEmpty, trimmed.count <= maximumNameLength else {
            throw RapportError.invalid(field: "name", "is required: 1 to \(maximumNameLength) characters")
        }
        return trimmed
    }
}
