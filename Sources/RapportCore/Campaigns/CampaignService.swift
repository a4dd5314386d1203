import Foundation

/// Campaigns: written and changed while they are drafts (or scheduled), read, listed and
/// deleted while they are drafts. Each change is audited. Sending, and the send log's rows,
/// come from the audience resolution and the sender (ADR 0011).
public struct CampaignService: Sendable {
    public static let maximumNameLength = 200

    let customers: CustomerService
    var context: CoreContext { customers.context }
    var store: any DataStore { customers.store }
    var clock: any WallClock { customers.clock }

    public init(customers: CustomerService) {
        self.customers = customers
    }

    // MARK: Reading

    /// A page of the workspace's campaigns, newest first; of one status when given.
    public func list(status: CampaignStatus? = nil, page: PageRequest, as actor: Actor) async throws -> Page<Campaign> {
        try actor.require(.viewCampaigns)
        return try await store.read { session in try await session.campaigns.list(workspaceID: actor.workspaceID, status: status, page: page) }
    }

    public func find(id: String, as actor: Actor) async throws -> Campaign {
        try actor.require(.viewCampaigns)
        return try await store.read { session in try await existing(id, workspaceID: actor.workspaceID, session: session) }
    }

    // MARK: Changing

    /// Saves a new draft: a name, a channel, an inbox of that channel in the workspace, and a
    /// definition (or the short form) whose segments are the workspace's.
    public func create(_ draft: CampaignDraft, as actor: Actor) async throws -> Campaign {
        try actor.require(.manageCampaigns)
        let name = try Self.name(draft.name)
        guard let channel = draft.channel else { throw RapportError.invalid(field: "channel", "is required: email, sms or whatsapp") }
        guard let inboxID = draft.inboxID else { throw RapportError.invalid(field: "inbox_id", "is required: the inbox the campaign sends through") }
        guard let definition = try Self.definition(of: draft, channel: channel) else {
            throw RapportError.invalid(field: "definition", "is required: whom to send what (or the short form: `segment_id`, `subject`, `body`)")
        }
        let now = clock.now()
        try Self.checkSchedule(of: definition, now: now)
        let campaign = Campaign(
            id: ResourceID.make(.campaign, at: now), workspaceID: actor.workspaceID, name: name, channel: channel, inboxID: inboxID,
            status: .draft, definition: definition, createdBy: actor.label, createdAt: now, updatedAt: now)
        return try await context.write { transaction in
            let session = transaction.session
            try await Self.requireInbox(inboxID, for: channel, field: "inbox_id", workspaceID: actor.workspaceID, session: session)
            try await Self.requireSegments(of: definition, shortForm: draft.definition == nil, workspaceID: actor.workspaceID, session: session)
            try await session.campaigns.insert(campaign)
            try await transaction.audit(
                AuditRecord(.campaignCreated, subject: .campaign(campaign.id), details: ["name": name, "channel": channel.rawValue]), by: actor)
            return campaign
        }
    }

    /// Renames a draft or scheduled campaign, moves it to another channel or inbox, or replaces
    /// its definition. A campaign sending, paused, sent or cancelled is a 409: what went out
    /// must stay what the campaign says.
    public func update(id: String, _ draft: CampaignDraft, as actor: Actor) async throws -> Campaign {
        try actor.require(.manageCampaigns)
        let name = try draft.name.map { try Self.name($0) }
        return try await context.write { transaction in
            let session = transaction.session
            var campaign = try await existing(id, workspaceID: actor.workspaceID, session: session)
            try Self.requireEditable(campaign)
            var changed: [String] = []
            if let name, name != campaign.name {
                campaign.name = name
                changed.append("name")
            }
            if let channel = draft.channel, channel != campaign.channel {
                campaign.channel = channel
                changed.append("channel")
            }
            if let inboxID = draft.inboxID, inboxID != campaign.inboxID {
                campaign.inboxID = inboxID
                changed.append("inbox")
            }
            let now = clock.now()
            if let definition = try Self.definition(of: draft, channel: campaign.channel) {
                try Self.checkSchedule(of: definition, now: now)
                try await Self.requireSegments(of: definition, shortForm: draft.definition == nil, workspaceID: actor.workspaceID, session: session)
                if definition != campaign.definition { changed.append("definition") }
                campaign.definition = definition
            } else if changed.contains("channel") {
                // The content kept must suit the new channel (an SMS has no subject, an e-mail needs one).
                campaign.definition = try CampaignDefinitionParser.parse(campaign.definition.json, channel: campaign.channel)
            }
            if changed.contains("channel") || changed.contains("inbox") {
                try await Self.requireInbox(
                    campaign.inboxID, for: campaign.channel, field: changed.contains("inbox") ? "inbox_id" : "channel", workspaceID: actor.workspaceID,
                    session: session)
            }
            if campaign.status == .scheduled {
                guard let schedule = campaign.definition.schedule else {
                    throw RapportError.invalid(field: "definition.schedule", "is required while the campaign is scheduled: when it goes out")
                }
                campaign.scheduledAt = schedule.earliestInstant
            }
            campaign.updatedAt = now
            guard try await session.campaigns.update(campaign, whileIn: CampaignStatus.editable) else {
                throw RapportError.conflict("The campaign started sending meanwhile; it can no longer change.")
            }
            try await transaction.audit(
                AuditRecord(.campaignUpdated, subject: .campaign(id), details: ["changed": changed.isEmpty ? "nothing" : changed.joined(separator: ",")]),
                by: actor)
            return campaign
        }
    }

    /// Forgets delivery reports held for campaign texts (`CampaignEarlyReport`) that no batch
    /// claimed within their lifetime (run hourly); answers how many.
    public func purgeEarlyReports() async throws -> Int {
        let cutoff = clock.now().addingTimeInterval(-CampaignEarlyReport.lifetime)
        return try await store.write { session in try await session.campaigns.purgeEarlyReports(receivedBefore: cutoff) }
    }

    /// Deletes a draft. A campaign that was scheduled or sent is kept (its send log is what
    /// its report and the frequency cap read): a 409.
    public func delete(id: String, as actor: Actor) async throws {
        try actor.require(.manageCampaigns)
        try await context.write { transaction in
            let session = transaction.session
            let campaign = try await existing(id, workspaceID: actor.workspaceID, session: session)
            guard campaign.status == .draft, try await session.campaigns.delete(id: id, workspaceID: actor.workspaceID, whileIn: [.draft]) else {
                throw RapportError.conflict("Only a draft can be deleted; this campaign is \(campaign.status == .draft ? "no longer one" : campaign.status.rawValue).")
            }
            try await transaction.audit(AuditRecord(.campaignDeleted, subject: .campaign(id), details: ["name": campaign.name]), by: actor)
        }
    }

    // MARK: Helpers

    func existing(_ id: String, workspaceID: String, session: any StoreSession) async throws -> Campaign {
        // A journey's step campaign is managed through its journey only.
        guard let campaign = try await session.campaigns.find(id: id, workspaceID: workspaceID), campaign.journeyStep == nil else {
            throw RapportError.notFound("No campaign with id \(id.prefix(64)).")
        }
        return campaign
    }

    private static func requireEditable(_ campaign: Campaign) throws {
        guard CampaignStatus.editable.contains(campaign.status) else {
            throw RapportError.conflict("Only a draft or scheduled campaign can change; this one is \(campaign.status.rawValue).")
        }
    }

    /// The definition a request gives, whole or in the short form (not both); nil when it gives neither.
    private static func definition(of draft: CampaignDraft, channel: CampaignChannel) throws -> CampaignDefinition? {
        let shorthand = draft.shorthand.flatMap { $0.isEmpty ? nil : $0 }
        switch (draft.definition, shorthand) {
        case (let json?, nil): return try CampaignDefinitionParser.parse(json, channel: channel)
        case (nil, let shorthand?): return try CampaignDefinitionParser.parse(shorthand, channel: channel)
        case (nil, nil): return nil
        case (_?, _?): throw RapportError.invalid(field: "definition", "give either a whole `definition` or the short form (`segment_id`, `subject`, `body`, …), not both")
        }
    }

    /// A schedule must still be ahead: a time already past would send at once, unasked.
    private static func checkSchedule(of definition: CampaignDefinition, now: Date) throws {
        switch definition.schedule {
        case .at(let date)? where date <= now:
            throw RapportError.invalid(field: "definition.schedule.at", "must be in the future")
        case .localTime(let time)? where time.earliestInstant <= now:
            throw RapportError.invalid(field: "definition.schedule.local_time", "must be later than now on every clock (UTC+14 reaches it first)")
        default:
            break
        }
    }

    /// The inbox must be the workspace's and of the campaign's channel.
    static func requireInbox(_ inboxID: String, for channel: CampaignChannel, field: String, workspaceID: String, session: any StoreSession) async throws {
        guard ResourceID.isValid(inboxID, prefix: .inbox), let inbox = try await session.inboxes.inbox(id: inboxID), inbox.workspaceID == workspaceID else {
            throw RapportError.invalid(field: field, "names no inbox of this workspace (\(inboxID.prefix(64)))")
        }
        guard inbox.channel == channel.inboxChannel else {
            throw RapportError.invalid(
                field: field, "\(channel.label) campaigns send through \(channel.label) inboxes; the inbox \(inbox.id) is for \(inbox.channel.rawValue)")
        }
    }

    /// Every segment the audience names must be a segment or list of the workspace.
    private static func requireSegments(of definition: CampaignDefinition, shortForm: Bool, workspaceID: String, session: any StoreSession) async throws {
        let known = Set(try await session.segments.all(workspaceID: workspaceID).map(\.id))
        for (excluded, ids) in [(false, definition.audience.segmentIDs), (true, definition.audience.exclusionSegmentIDs)] {
            guard let index = ids.firstIndex(where: { !known.contains($0) }) else { continue }
            let field = shortForm ? "segment_id" : CampaignDefinitionParser.segmentPath(index: index, excluded: excluded)
            throw RapportError.invalid(field: field, "names no segment or list of this workspace (\(ids[index]))")
        }
    }

    static func name(_ name: String?) throws -> String {
        let trimmed = (name ?? "").trimmed
        guard !trimmed.isEmpty, trimmed.count <= maximumNameLength else {
            throw RapportError.invalid(field: "name", "is required: 1 to \(maximumNameLength) characters")
        }
        return trimmed
    }
}
