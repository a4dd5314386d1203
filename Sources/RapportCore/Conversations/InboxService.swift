import Foundation

/// The set-up around conversations: inboxes with their channel credentials, agents and
/// teams, canned responses, routing rules and SLA policies.
public struct InboxService: Sendable {
    public let customers: CustomerService
    /// Where inboxes may send: private addresses are refused unless the operator allows them.
    public let outbound: OutboundTargets
    var context: CoreContext { customers.context }
    var store: any DataStore { customers.store }
    var clock: any WallClock { customers.clock }

    public init(customers: CustomerService, outbound: OutboundTargets = .publicOnly) {
        self.customers = customers
        self.outbound = outbound
    }

    public func createInbox(
        channel: InboxChannel, name: String, settings: [String: String], teamID: String? = nil, slaPolicyID: String? = nil,
        as actor: Actor
    ) async throws -> Inbox {
        try actor.require(.manageChannels)
        let workspaceID = actor.workspaceID
        let cleaned = try checked(settings, channel: channel, name: name)
        let now = clock.now()
        let inbox = Inbox(
            id: ResourceID.make(.inbox, at: now), workspaceID: workspaceID, channel: channel, name: name.trimmed,
            settings: cleaned, teamID: teamID, slaPolicyID: slaPolicyID, createdAt: now)
        try await context.write { transaction in
            try await checkReferences(teamID: teamID, slaPolicyID: slaPolicyID, workspaceID: workspaceID, session: transaction.session)
            try await transaction.session.inboxes.insert(inbox)
            try await transaction.record(InboxChange(created: true, inbox))
            try await transaction.audit(AuditRecord(.inboxCreated, subject: .inbox(inbox.id), details: ["channel": channel.rawValue]), by: actor)
        }
        return inbox
    }

    /// Renames an inbox, moves it to another team or SLA policy, or changes its credentials:
    /// a setting given with a value replaces the stored one, given empty it is removed, and
    /// settings not given stay (so a secret need not be typed again to change something else).
    public func updateInbox(
        id: String, name: String, settingChanges: [String: String], teamID: String?, slaPolicyID: String?, as actor: Actor
    ) async throws -> Inbox {
        try actor.require(.manageChannels)
        let workspaceID = actor.workspaceID
        return try await context.write { transaction in
            let session = transaction.session
            guard var inbox = try await session.inboxes.inbox(id: id), inbox.workspaceID == workspaceID else {
                throw RapportError.notFound("No inbox \(id.prefix(64)) in this workspace.")
            }
            try Self.requireCredentialAgain(settingChanges, for: inbox)
            var merged = inbox.settings
            for (key, value) in settingChanges { merged[key] = value.trimmed.isEmpty ? nil : value }
            inbox.settings = try checked(merged, channel: inbox.channel, name: name)
            inbox.name = name.trimmed
            inbox.teamID = teamID
            inbox.slaPolicyID = slaPolicyID
            try await checkReferences(teamID: teamID, slaPolicyID: slaPolicyID, workspaceID: workspaceID, session: session)
            try await session.inboxes.update(inbox)
            try await transaction.record(InboxChange(created: false, inbox))
            // The names of the settings changed, never their values (some are credentials).
            let changed = settingChanges.keys.sorted().joined(separator: ",")
            try await transaction.audit(AuditRecord(.inboxUpdated, subject: .inbox(inbox.id), details: ["settings": changed]), by: actor)
            return inbox
        }
    }

    /// A new host for the provider's API or the SMTP server must come with its credential typed
    /// again, so a token never travels to a host that nobody paired it with. Each stored
    /// credential is checked against its own host settings (`InboxChannel.outgoingCredentials`).
    static func requireCredentialAgain(_ changes: [String: String], for inbox: Inbox) throws {
        var problems = Problems(prefix: nil)
        for (credential, hostSettings) in inbox.channel.outgoingCredentials
        where inbox[credential] != nil && (changes[credential.rawValue]?.trimmed ?? "").isEmpty {
            let moved = hostSettings.filter { setting in
                guard let given = changes[setting.rawValue]?.trimmed, !given.isEmpty else { return false }
                return given != inbox[setting]
            }
            guard !moved.isEmpty else { continue }
            problems.add(
                "settings.\(credential.rawValue)",
                "must be entered again when \(moved.map(\.rawValue).joined(separator: " or ")) changes, so it is only ever sent to a host it was given for")
        }
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
    }

    private func checkReferences(teamID: String?, slaPolicyID: String?, workspaceID: String, session: any StoreSession) async throws {
        if let teamID, try await session.inboxes.team(id: teamID, workspaceID: workspaceID) == nil {
            throw RapportError.invalid(field: "team_id", "names no team of this workspace")
        }
        if let slaPolicyID, try await session.inboxes.slaPolicy(id: slaPolicyID, workspaceID: workspaceID) == nil {
            throw RapportError.invalid(field: "sla_policy_id", "names no SLA policy of this workspace")
        }
    }

    /// The settings trimmed, without empty ones, when every required one is there and each is known.
    private func checked(_ settings: [String: String], channel: InboxChannel, name: String) throws -> [String: String] {
        var problems = Problems(prefix: nil)
        problems.text(name, "name", maxLength: 100)
        let cleaned = settings.mapValues(\.trimmed).filter { !$0.value.isEmpty }
        for setting in channel.requiredSettings where cleaned[setting.rawValue] == nil {
            problems.add("settings.\(setting.rawValue)", "is required for a \(channel.rawValue) inbox")
        }
        let known = channel.knownSettings.map(\.rawValue)
        for key in cleaned.keys.sorted() where !known.contains(key) {
            problems.add("settings.\(key)", "is not a \(channel.rawValue) setting; known: \(known.joined(separator: ", "))")
        }
        for (key, value) in cleaned where value.count > 2000 { problems.add("settings.\(key)", "must be at most 2000 characters") }
        if let secret = cleaned[InboxSetting.identitySecret.rawValue], secret.utf8.count < 24 {
            // It signs every chat session, and a signed token is known text: a short one can be guessed offline.
            problems.add("settings.identity_secret", "must be at least 24 characters (a random one: it signs chat sessions)")
        }
        for key in [InboxSetting.trackClicks, .trackOpens, .opensLeads].map(\.rawValue) where cleaned[key].map({ !["on", "off"].contains($0) }) ?? false {
            problems.add("settings.\(key)", "must be on or off")
        }
        if let zone = cleaned[InboxSetting.timeZone.rawValue], TimeZone(identifier: zone) == nil {
            problems.add("settings.time_zone", "must be an IANA time zone such as Asia/Jakarta or Europe/Berlin")
        }
        if channel == .email { problems.list += EmailProvider.problems(in: cleaned) }
        for key in ["api_base_url", "greeting_audio_url"] { if let url = cleaned[key] { problems.url(url, "settings.\(key)") } }
        if let url = cleaned["api_base_url"], let reason = outbound.refusal(url: url) { problems.add("settings.api_base_url", reason) }
        if let host = cleaned["smtp_host"], let reason = outbound.refusal(host: host) {
            problems.add("settings.smtp_host", "points to \(reason), which Rapport does not call (set RAPPORT_ALLOW_PRIVATE_TARGETS=1 to allow it)")
        }
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
        return cleaned
    }

    public func inboxes(as actor: Actor) async throws -> [Inbox] {
        try await store.read { session in try await session.inboxes.inboxes(workspaceID: actor.workspaceID) }
    }

    /// How far a signed delivery's timestamp may be from now (Mailgun's advice: 15 minutes).
    public static let deliveryFreshness: TimeInterval = 15 * 60

    /// Accepts a signed delivery once: its timestamp must be recent and its one-time token new,
    /// so a captured post cannot be replayed. Tokens are kept twice as long as the freshness.
    public func acceptOnce(token: String, timestamp: String, inbox: Inbox) async throws {
        let now = clock.now()
        guard let seconds = TimeInterval(timestamp), abs(now.timeIntervalSince1970 - seconds) <= Self.deliveryFreshness else {
            throw RapportError.unauthorized("The delivery's timestamp is more than 15 minutes from now; it is refused as a possible replay.")
        }
        guard !token.isEmpty, token.count <= 200 else { throw RapportError.unauthorized("The delivery carries no usable token.") }
        let fresh = try await store.write { session in try await session.inboxes.recordNonce(token, inboxID: inbox.id, at: now) }
        guard fresh else { throw RapportError.unauthorized("This delivery was received before; a replay is refused.") }
    }

    /// Forgets one-time tokens too old to be accepted again anyway.
    public func purgeNonces() async throws -> Int {
        let cutoff = clock.now().addingTimeInterval(-2 * Self.deliveryFreshness)
        return try await store.write { session in try await session.inboxes.purgeNonces(seenBefore: cutoff) }
    }

    /// The inbox of `channel` a provider's URL names; not found (404) for anything else.
    public func inbox(id: String, channel: InboxChannel) async throws -> Inbox {
        let found = ResourceID.isValid(id, prefix: .inbox)
            ? try await store.read { session in try await session.inboxes.inbox(id: id) } : nil
        guard let found, found.channel == channel else {
            throw RapportError.notFound("No \(channel.rawValue) inbox \(id.prefix(64)); create one with `rapport inboxes add \(channel.rawValue)`.")
        }
        return found
    }

    public func createAgent(
        name: String, email: String, availability: Availability = .online, maxConversations: Int = 10, as actor: Actor
    ) async throws -> User {
        try actor.require(.manageUsers)
        let workspaceID = actor.workspaceID
        let agent = try newAgent(
            name: name, email: email, role: .agent, availability: availability, maxConversations: maxConversations,
            workspaceID: workspaceID)
        do {
            try await store.write { session in
                // Signing in names no workspace: an address leads to one account in the whole installation.
                guard try await session.users.credentials(email: agent.email).isEmpty else { throw StoreConflict() }
                try await session.inboxes.insert(agent)
                try await session.audit.append(AuditRecord(.userCreated, subject: .user(agent.id), details: ["role": "agent"]), by: actor, at: agent.createdAt)
            }
        } catch is StoreConflict {
            throw Self.emailTaken(agent.email)
        }
        return agent
    }

    /// A validated user, not yet stored (`UserService` stores it with its password).
    func newAgent(
        name: String, email: String, role: UserRole, availability: Availability, maxConversations: Int, workspaceID: String
    ) throws -> User {
        var problems = Problems(prefix: nil)
        problems.text(name, "name", maxLength: 100)
        let normalized = customers.normalizer.normalize(IdentityInput(.email, value: email), field: "email")
        if case .failure = normalized { problems.add("email", "must be an email address") }
        if !(1...1000).contains(maxConversations) { problems.add("max_conversations", "must be between 1 and 1000") }
        guard problems.list.isEmpty, case .success(let identity) = normalized else { throw RapportError.invalid(problems.list) }
        let now = clock.now()
        return User(
            id: ResourceID.make(.user, at: now), workspaceID: workspaceID, name: name.trimmed, email: identity.value, role: role,
            availability: availability, maxConversations: maxConversations, createdAt: now)
    }

    static func emailTaken(_ email: String) -> RapportError {
        .conflict("A user with the e-mail address \(email) exists already (an address leads to one account, in whichever workspace).")
    }

    public func agents(as actor: Actor) async throws -> [User] {
        try await store.read { session in try await session.inboxes.agents(workspaceID: actor.workspaceID) }
    }

    /// The workspace's users by id, for pages that name an owner or an author.
    public func agentNames(as actor: Actor) async throws -> [String: String] {
        Dictionary(try await agents(as: actor).map { ($0.id, $0.name) }) { first, _ in first }
    }

    public func setAvailability(_ availability: Availability, agentID: String, as actor: Actor) async throws -> User {
        if actor.userID != agentID { try actor.require(.manageTeamSetup) }
        let workspaceID = actor.workspaceID
        return try await store.write { session in
            guard try await session.inboxes.setAvailability(availability, agentID: agentID, workspaceID: workspaceID),
                let agent = try await session.inboxes.agent(id: agentID, workspaceID: workspaceID)
            else { throw RapportError.notFound("No agent \(agentID.prefix(64)) in this workspace.") }
            return agent
        }
    }

    public func createTeam(name: String, memberIDs: [String], as actor: Actor) async throws -> Team {
        try actor.require(.manageTeamSetup)
        let workspaceID = actor.workspaceID
        var problems = Problems(prefix: nil)
        problems.text(name, "name", maxLength: 100)
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
        let now = clock.now()
        let team = Team(id: ResourceID.make(.team, at: now), workspaceID: workspaceID, name: name.trimmed, memberIDs: Array(Set(memberIDs)).sorted(), createdAt: now)
        try await store.write { session in
            try await checkAgents(team.memberIDs, field: "member_ids", workspaceID: workspaceID, session: session)
            try await session.inboxes.insert(team)
            try await session.audit.append(
                AuditRecord(.teamChanged, subject: .team(team.id), details: ["change": "created", "members": String(team.memberIDs.count)]),
                by: actor, at: now)
        }
        return team
    }

    public func addMembers(_ agentIDs: [String], teamID: String, as actor: Actor) async throws -> Team {
        try actor.require(.manageTeamSetup)
        let workspaceID = actor.workspaceID
        return try await store.write { session in
            guard try await session.inboxes.team(id: teamID, workspaceID: workspaceID) != nil else {
                throw RapportError.notFound("No team \(teamID.prefix(64)) in this workspace.")
            }
            try await checkAgents(agentIDs, field: "agent_ids", workspaceID: workspaceID, session: session)
            for agentID in agentIDs { try await session.inboxes.addMember(agentID: agentID, teamID: teamID) }
            try await session.audit.append(
                AuditRecord(.teamChanged, subject: .team(teamID), details: ["change": "members_added", "members": agentIDs.sorted().joined(separator: ",")]),
                by: actor, at: clock.now())
            guard let team = try await session.inboxes.team(id: teamID, workspaceID: workspaceID) else {
                throw RapportError.notFound("No team \(teamID.prefix(64)) in this workspace.")
            }
            return team
        }
    }

    public func teams(as actor: Actor) async throws -> [Team] {
        try await store.read { session in try await session.inboxes.teams(workspaceID: actor.workspaceID) }
    }

    func checkAgents(_ ids: [String], field: String, workspaceID: String, session: any StoreSession) async throws {
        for (index, id) in ids.enumerated() where try await session.inboxes.agent(id: id, workspaceID: workspaceID) == nil {
            throw RapportError.invalid(field: "\(field)[\(index)]", "names no agent of this workspace")
        }
    }

    public func createCannedResponse(shortCode: String, content: String, as actor: Actor) async throws -> CannedResponse {
        try actor.require(.manageTeamSetup)
        let workspaceID = actor.workspaceID
        var problems = Problems(prefix: nil)
        let code = shortCode.trimmed.lowercased()
        if code.isEmpty || code.count > 50 || !code.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
            problems.add("short_code", "must be 1 to 50 letters, digits, _ or -")
        }
        problems.text(content, "content", maxLength: 10_000)
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
        let now = clock.now()
        let response = CannedResponse(id: ResourceID.make(.cannedResponse, at: now), workspaceID: workspaceID, shortCode: code, content: content, createdAt: now)
        do {
            try await store.write { session in
                try await session.inboxes.insert(response)
                try await session.audit.append(AuditRecord(.settingsChanged, details: ["setting": "canned_response", "id": response.id]), by: actor, at: now)
            }
        } catch is StoreConflict {
            throw RapportError.conflict("A canned response with short code \(code) exists already.")
        }
        return response
    }

    public func cannedResponses(as actor: Actor) async throws -> [CannedResponse] {
        try await store.read { session in try await session.inboxes.cannedResponses(workspaceID: actor.workspaceID) }
    }

    public func createRoutingRule(
        inboxID: String?, customerTag: String?, teamID: String?, priority: ConversationPriority?, position: Int?, as actor: Actor
    ) async throws -> RoutingRule {
        try actor.require(.manageTeamSetup)
        let workspaceID = actor.workspaceID
        if teamID == nil && priority == nil { throw RapportError.invalid(field: "team_id", "or priority is required: what the rule does") }
        if let customerTag { var problems = Problems(prefix: nil); problems.text(customerTag, "customer_tag", maxLength: 50); if !problems.list.isEmpty { throw RapportError.invalid(problems.list) } }
        return try await store.write { session in
            if let teamID, try await session.inboxes.team(id: teamID, workspaceID: workspaceID) == nil {
                throw RapportError.invalid(field: "team_id", "names no team of this workspace")
            }
            if let inboxID, try await session.inboxes.inbox(id: inboxID)?.workspaceID != workspaceID {
                throw RapportError.invalid(field: "inbox_id", "names no inbox of this workspace")
            }
            let existing = try await session.inboxes.routingRules(workspaceID: workspaceID)
            let now = clock.now()
            let rule = RoutingRule(
                id: ResourceID.make(.routingRule, at: now), workspaceID: workspaceID,
                position: position ?? ((existing.map(\.position).max() ?? 0) + 1), inboxID: inboxID,
                customerTag: customerTag?.trimmed, teamID: teamID, priority: priority, createdAt: now)
            try await session.inboxes.insert(rule)
            try await session.audit.append(AuditRecord(.settingsChanged, details: ["setting": "routing_rule", "id": rule.id]), by: actor, at: now)
            return rule
        }
    }

    public func routingRules(as actor: Actor) async throws -> [RoutingRule] {
        try await store.read { session in try await session.inboxes.routingRules(workspaceID: actor.workspaceID) }
    }

    public func createSLAPolicy(
        name: String, firstResponseSeconds: Int?, nextResponseSeconds: Int?, resolutionSeconds: Int?,
        businessHours: BusinessHours?, as actor: Actor
    ) async throws -> SLAPolicy {
        try actor.require(.manageTeamSetup)
        let workspaceID = actor.workspaceID
        var problems = Problems(prefix: nil)
        problems.text(name, "name", maxLength: 100)
        let targets = [("first_response_seconds", firstResponseSeconds), ("next_response_seconds", nextResponseSeconds), ("resolution_seconds", resolutionSeconds)]
        if targets.allSatisfy({ $0.1 == nil }) { problems.add("first_response_seconds", "or another target is required") }
        for (field, value) in targets { if let value, !(60...(90 * 86_400)).contains(value) { problems.add(field, "must be between 60 seconds and 90 days") } }
        if let hours = businessHours {
            if TimeZone(identifier: hours.timeZone) == nil { problems.add("business_hours.time_zone", "is not a time zone name (e.g. Europe/Berlin)") }
            for (day, window) in hours.days where !(1...7).contains(day) || window.start < 0 || window.end > 1440 || window.start >= window.end {
                problems.add("business_hours.days", "each day needs opening before closing within the day")
            }
        }
        guard problems.list.isEmpty else { throw RapportError.invalid(problems.list) }
        let now = clock.now()
        let policy = SLAPolicy(
            id: ResourceID.make(.slaPolicy, at: now), workspaceID: workspaceID, name: name.trimmed, firstResponseSeconds: firstResponseSeconds,
            nextResponseSeconds: nextResponseSeconds, resolutionSeconds: resolutionSeconds, businessHours: businessHours, createdAt: now)
        try await store.write { session in
            try await session.inboxes.insert(policy)
            try await session.audit.append(AuditRecord(.settingsChanged, details: ["setting": "sla_policy", "id": policy.id]), by: actor, at: now)
        }
        return policy
    }

    public func slaPolicies(as actor: Actor) async throws -> [SLAPolicy] {
        try await store.read { session in try await session.inboxes.slaPolicies(workspaceID: actor.workspaceID) }
    }
}
