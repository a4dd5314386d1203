import Foundation

/// Inboxes and the people and rules around them: agents, teams, canned responses, routing
/// rules and SLA policies.
public protocol InboxRepository: Sendable {
    func insert(_ inbox: Inbox) async throws
    func update(_ inbox: Inbox) async throws
    func inbox(id: String) async throws -> Inbox?
    func inboxes(workspaceID: String) async throws -> [Inbox]
    func insert(_ agent: User) async throws
    func agent(id: String, workspaceID: String) async throws -> User?
    func agents(workspaceID: String) async throws -> [User]
    func setAvailability(_ availability: Availability, agentID: String, workspaceID: String) async throws -> Bool
    func insert(_ team: Team) async throws
    func team(id: String, workspaceID: String) async throws -> Team?
    func teams(workspaceID: String) async throws -> [Team]
    func addMember(agentID: String, teamID: String) async throws
    /// Online members of the team, least recently assigned first; on PostgreSQL their rows
    /// stay locked until the transaction ends, so two routings do not pick the same agent.
    func routingCandidates(teamID: String) async throws -> [RoutingCandidate]
    func markAssigned(agentID: String, at date: Date) async throws
    func insert(_ response: CannedResponse) async throws
    func cannedResponses(workspaceID: String) async throws -> [CannedResponse]
    func cannedResponse(id: String, workspaceID: String) async throws -> CannedResponse?
    func insert(_ rule: RoutingRule) async throws
    func routingRules(workspaceID: String) async throws -> [RoutingRule]
    func insert(_ policy: SLAPolicy) async throws
    func slaPolicy(id: String, workspaceID: String) async throws -> SLAPolicy?
    func slaPolicies(workspaceID: String) async throws -> [SLAPolicy]
    /// Records a provider's one-time value (a Mailgun token) for an inbox; false when seen before.
    func recordNonce(_ nonce: String, inboxID: String, at date: Date) async throws -> Bool
    /// Forgets one-time values seen before `cutoff`; returns how many.
    func purgeNonces(seenBefore cutoff: Date) async throws -> Int
}
