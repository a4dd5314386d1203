import Foundation
import RapportCore
import SQLKit

struct SQLInboxRepository: InboxRepository {
    let handle: SQLConnectionHandle
    let secrets: SecretBox

    func insert(_ inbox: Inbox) async throws {
        try await handle.sql.raw("""
            INSERT INTO inboxes (id, workspace_id, channel, name, address, settings, team_id, sla_policy_id, created_at)
            VALUES (\(bind: inbox.id), \(bind: inbox.workspaceID), \(bind: inbox.channel.rawValue), \(bind: inbox.name),
              \(bind: inbox.address), \(bind: try StoredJSON.encode(sealed(inbox.settings))), \(bind: inbox.teamID),
              \(bind: inbox.slaPolicyID), \(bind: Timestamp.microseconds(inbox.createdAt)))
            """).run()
    }

    func update(_ inbox: Inbox) async throws {
        try await handle.sql.raw("""
            UPDATE inboxes SET name = \(bind: inbox.name), address = \(bind: inbox.address),
              settings = \(bind: try StoredJSON.encode(sealed(inbox.settings))), team_id = \(bind: inbox.teamID), sla_policy_id = \(bind: inbox.slaPolicyID)
            WHERE id = \(bind: inbox.id)
            """).run()
    }

    func inbox(id: String) async throws -> Inbox? {
        try await handle.sql.raw("SELECT * FROM inboxes WHERE id = \(bind: id)").first().flatMap(decodeInbox)
    }

    func inboxes(workspaceID: String) async throws -> [Inbox] {
        try await handle.sql.raw("SELECT * FROM inboxes WHERE workspace_id = \(bind: workspaceID) ORDER BY id").all()
            .compactMap(decodeInbox)
    }

    func insert(_ agent: User) async throws {
        try await handle.sql.raw("""
            INSERT INTO users (id, workspace_id, name, email, role, availability, max_conversations, created_at)
            VALUES (\(bind: agent.id), \(bind: agent.workspaceID), \(bind: agent.name), \(bind: agent.email), \(bind: agent.role.rawValue),
              \(bind: agent.availability.rawValue), \(bind: agent.maxConversations), \(bind: Timestamp.microseconds(agent.createdAt)))
            """).run()
    }

    func agent(id: String, workspaceID: String) async throws -> User? {
        try await handle.sql.raw("SELECT * FROM users WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)").first()
            .flatMap(UserRow.decode)
    }

    func agents(workspaceID: String) async throws -> [User] {
        try await handle.sql.raw("SELECT * FROM users WHERE workspace_id = \(bind: workspaceID) ORDER BY id").all()
            .compactMap(UserRow.decode)
    }

    func setAvailability(_ availability: Availability, agentID: String, workspaceID: String) async throws -> Bool {
        try await !handle.sql.raw("""
            UPDATE users SET availability = \(bind: availability.rawValue)
            WHERE id = \(bind: agentID) AND workspace_id = \(bind: workspaceID) RETURNING id
            """).all().isEmpty
    }

    func insert(_ team: Team) async throws {
        try await handle.sql.raw("""
            INSERT INTO teams (id, workspace_id, name, created_at)
            VALUES (\(bind: team.id), \(bind: team.workspaceID), \(bind: team.name), \(bind: Timestamp.microseconds(team.createdAt)))
            """).run()
        for member in team.memberIDs { try await addMember(agentID: member, teamID: team.id) }
    }

    func team(id: String, workspaceID: String) async throws -> Team? {
        guard let row = try await handle.sql.raw("""
            SELECT * FROM teams WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)
            """).first() else { return nil }
        return try await decodeTeam(row)
    }

    func teams(workspaceID: String) async throws -> [Team] {
        var teams: [Team] = []
        for row in try await handle.sql.raw("SELECT * FROM teams WHERE workspace_id = \(bind: workspaceID) ORDER BY id").all() {
            teams.append(try await decodeTeam(row))
        }
        return teams
    }

    func addMember(agentID: String, teamID: String) async throws {
        try await handle.sql.raw("""
            INSERT INTO team_members (team_id, user_id) VALUES (\(bind: teamID), \(bind: agentID)) ON CONFLICT DO NOTHING
            """).run()
    }

    func routingCandidates(teamID: String) async throws -> [RoutingCandidate] {
        let rows = try await handle.sql.raw("""
            SELECT u.*, (SELECT COUNT(*) FROM conversations c
                         WHERE c.assignee_id = u.id AND c.status IN ('open', 'pending', 'snoozed')) AS open_count
            FROM users u JOIN team_members m ON m.user_id = u.id
            WHERE m.team_id = \(bind: teamID) AND u.availability = 'online' AND u.deactivated_at IS NULL
            ORDER BY COALESCE(u.last_assigned_at, 0), u.id\(unsafeRaw: handle.dialect.lockForUpdate(of: "u", in: handle))
            """).all()
        return try rows.compactMap { row in
            guard let agent = try UserRow.decode(row) else { return nil }
            return RoutingCandidate(
                agent: agent, openConversations: Int(try row.int("open_count")), lastAssignedAt: try row.optionalDate("last_assigned_at"))
        }
    }

    func markAssigned(agentID: String, at date: Date) async throws {
        try await handle.sql.raw("UPDATE users SET last_assigned_at = \(bind: Timestamp.microseconds(date)) WHERE id = \(bind: agentID)").run()
    }

    func insert(_ response: CannedResponse) async throws {
        try await handle.sql.raw("""
            INSERT INTO canned_responses (id, workspace_id, short_code, content, created_at)
            VALUES (\(bind: response.id), \(bind: response.workspaceID), \(bind: response.shortCode), \(bind: response.content),
              \(bind: Timestamp.microseconds(response.createdAt)))
            """).run()
    }

    func cannedResponses(workspaceID: String) async throws -> [CannedResponse] {
        try await handle.sql.raw("SELECT * FROM canned_responses WHERE workspace_id = \(bind: workspaceID) ORDER BY short_code").all()
            .map(decodeCanned)
    }

    func cannedResponse(id: String, workspaceID: String) async throws -> CannedResponse? {
        try await handle.sql.raw("""
            SELECT * FROM canned_responses WHERE (id = \(bind: id) OR short_code = \(bind: id)) AND workspace_id = \(bind: workspaceID)
            """).first().map(decodeCanned)
    }

    func insert(_ rule: RoutingRule) async throws {
        try await handle.sql.raw("""
            INSERT INTO routing_rules (id, workspace_id, position, inbox_id, customer_tag, team_id, priority, created_at)
            VALUES (\(bind: rule.id), \(bind: rule.workspaceID), \(bind: rule.position), \(bind: rule.inboxID),
              \(bind: rule.customerTag), \(bind: rule.teamID), \(bind: rule.priority?.rawValue),
              \(bind: Timestamp.microseconds(rule.createdAt)))
            """).run()
    }

    func routingRules(workspaceID: String) async throws -> [RoutingRule] {
        try await handle.sql.raw("SELECT * FROM routing_rules WHERE workspace_id = \(bind: workspaceID) ORDER BY position, id").all()
            .map { row in
                RoutingRule(
                    id: try row.string("id"), workspaceID: try row.string("workspace_id"), position: Int(try row.int("position")),
                    inboxID: try row.optionalString("inbox_id"), customerTag: try row.optionalString("customer_tag"),
                    teamID: try row.optionalString("team_id"),
                    priority: try row.optionalString("priority").flatMap(ConversationPriority.init(rawValue:)),
                    createdAt: try row.date("created_at"))
            }
    }

    func insert(_ policy: SLAPolicy) async throws {
        try await handle.sql.raw("""
            INSERT INTO sla_policies (id, workspace_id, name, first_response_seconds, next_response_seconds, resolution_seconds,
              business_hours, created_at)
            VALUES (\(bind: policy.id), \(bind: policy.workspaceID), \(bind: policy.name), \(bind: policy.firstResponseSeconds),
              \(bind: policy.nextResponseSeconds), \(bind: policy.resolutionSeconds),
              \(bind: try policy.businessHours.map(StoredJSON.encode)), \(bind: Timestamp.microseconds(policy.createdAt)))
            """).run()
    }

    func slaPolicy(id: String, workspaceID: String) async throws -> SLAPolicy? {
        try await handle.sql.raw("SELECT * FROM sla_policies WHERE id = \(bind: id) AND workspace_id = \(bind: workspaceID)")
            .first().map(decodePolicy)
    }

    func slaPolicies(workspaceID: String) async throws -> [SLAPolicy] {
        try await handle.sql.raw("SELECT * FROM sla_policies WHERE workspace_id = \(bind: workspaceID) ORDER BY id").all()
            .map(decodePolicy)
    }

    private func decodeInbox(_ row: any SQLRow) throws -> Inbox? {
        guard let channel = InboxChannel(rawValue: try row.string("channel")) else { return nil }
        return Inbox(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), channel: channel, name: try row.string("name"),
            settings: try opened(try row.document("settings", as: [String: String].self)), teamID: try row.optionalString("team_id"),
            slaPolicyID: try row.optionalString("sla_policy_id"), createdAt: try row.date("created_at"))
    }

    private func decodeTeam(_ row: any SQLRow) async throws -> Team {
        let id = try row.string("id")
        let members = try await handle.sql.raw("SELECT user_id FROM team_members WHERE team_id = \(bind: id) ORDER BY user_id").all()
            .map { try $0.string("user_id") }
        return Team(
            id: id, workspaceID: try row.string("workspace_id"), name: try row.string("name"), memberIDs: members,
            createdAt: try row.date("created_at"))
    }

    private func decodeCanned(_ row: any SQLRow) throws -> CannedResponse {
        CannedResponse(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), shortCode: try row.string("short_code"),
            content: try row.string("content"), createdAt: try row.date("created_at"))
    }

    private func decodePolicy(_ row: any SQLRow) throws -> SLAPolicy {
        SLAPolicy(
            id: try row.string("id"), workspaceID: try row.string("workspace_id"), name: try row.string("name"),
            firstResponseSeconds: try row.decode(column: "first_response_seconds", as: Int?.self),
            nextResponseSeconds: try row.decode(column: "next_response_seconds", as: Int?.self),
            resolutionSeconds: try row.decode(column: "resolution_seconds", as: Int?.self),
            businessHours: try row.optionalString("business_hours").map { try StoredJSON.decode(BusinessHours.self, from: $0) },
            createdAt: try row.date("created_at"))
    }

    func recordNonce(_ nonce: String, inboxID: String, at date: Date) async throws -> Bool {
        let rows = try await handle.sql.raw("""
            INSERT INTO inbound_nonces (inbox_id, nonce, seen_at) VALUES (\(bind: inboxID), \(bind: nonce), \(bind: Timestamp.microseconds(date)))
            ON CONFLICT (inbox_id, nonce) DO NOTHING RETURNING nonce
            """).all()
        return !rows.isEmpty
    }

    func purgeNonces(seenBefore cutoff: Date) async throws -> Int {
        try await handle.sql.raw("DELETE FROM inbound_nonces WHERE seen_at < \(bind: Timestamp.microseconds(cutoff)) RETURNING nonce").all().count
    }

    /// The settings with their secret ones (tokens, signing secrets, passwords) sealed.
    private func sealed(_ settings: [String: String]) throws -> [String: String] {
        var result = settings
        for (key, value) in settings where InboxSetting.isSecret(key) { result[key] = try secrets.seal(value) }
        return result
    }

    private func opened(_ settings: [String: String]) throws -> [String: String] {
        var result = settings
        for (key, value) in settings where InboxSetting.isSecret(key) { result[key] = try secrets.open(value) }
        return result
    }
}
