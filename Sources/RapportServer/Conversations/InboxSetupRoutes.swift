import Hummingbird
import RapportCore

/// `/api/v1/inboxes`, `/agents`, `/teams`, `/canned_responses`, `/routing_rules`,
/// `/sla_policies`: the set-up of the shared inbox.
struct InboxSetupRoutes {
    let inboxes: InboxService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.post("inboxes", requiring: .manageChannels, use: createInbox)
        group.get("inboxes") { request, context in
            let base = SourceRoutes.baseURL(request)
            let all = try await inboxes.inboxes(as: context.actor)
            return try JSONResponse.make(ListResponse(data: all.map { InboxResponse(inbox: $0, baseURL: base) }, hasMore: false, lastID: nil))
        }
        group.post("agents", requiring: .manageUsers, use: createAgent)
        group.get("agents") { _, context in
            try JSONResponse.make(ListResponse(data: try await inboxes.agents(as: context.actor).map(AgentResponse.init), hasMore: false, lastID: nil))
        }
        group.post("agents/:id/availability", requiring: .workConversations, use: setAvailability)
        group.post("teams", requiring: .manageTeamSetup, use: createTeam)
        group.get("teams") { _, context in
            try JSONResponse.make(ListResponse(data: try await inboxes.teams(as: context.actor).map(TeamResponse.init), hasMore: false, lastID: nil))
        }
        group.post("teams/:id/members", requiring: .manageTeamSetup, use: addMembers)
        group.post("canned_responses", requiring: .manageTeamSetup, use: createCanned)
        group.get("canned_responses") { _, context in
            try JSONResponse.make(ListResponse(data: try await inboxes.cannedResponses(as: context.actor).map(CannedResponseResponse.init), hasMore: false, lastID: nil))
        }
        group.post("routing_rules", requiring: .manageTeamSetup, use: createRule)
        group.get("routing_rules") { _, context in
            try JSONResponse.make(ListResponse(data: try await inboxes.routingRules(as: context.actor).map(RoutingRuleResponse.init), hasMore: false, lastID: nil))
        }
        group.post("sla_policies", requiring: .manageTeamSetup, use: createPolicy)
        group.get("sla_policies") { _, context in
            try JSONResponse.make(ListResponse(data: try await inboxes.slaPolicies(as: context.actor).map(SLAPolicyResponse.init), hasMore: false, lastID: nil))
        }
    }

    @Sendable func createInbox(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let channel = CommerceRequests.enumeration(&body, "channel", InboxChannel.self)
        if body.any("channel") == nil { body.fail("channel", "is required") }
        let name = body.requiredString("name", maxLength: 100)
        var settings: [String: String] = [:]
        for (key, value) in body.object("settings") ?? [:] {
            if case .string(let text) = value { settings[key] = text } else { body.fail("settings.\(key)", "must be a string") }
        }
        let teamID = body.string("team_id", maxLength: 64)
        let policyID = body.string("sla_policy_id", maxLength: 64)
        try body.finish()
        guard let channel, let name else { throw RapportError.invalid(field: "channel", "is required") }
        let inbox = try await inboxes.createInbox(
            channel: channel, name: name, settings: settings, teamID: teamID, slaPolicyID: policyID, as: context.actor)
        return try JSONResponse.make(InboxResponse(inbox: inbox, baseURL: SourceRoutes.baseURL(request)), status: .created)
    }

    @Sendable func createAgent(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let name = body.requiredString("name", maxLength: 100)
        let email = body.requiredString("email", maxLength: 320)
        let availability = CommerceRequests.enumeration(&body, "availability", Availability.self) ?? .online
        let cap = body.integer("max_conversations", in: 1...1000)
        try body.finish()
        let agent = try await inboxes.createAgent(
            name: name ?? "", email: email ?? "", availability: availability, maxConversations: Int(cap ?? 10),
            as: context.actor)
        return try JSONResponse.make(AgentResponse(agent), status: .created)
    }

    @Sendable func setAvailability(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let availability = CommerceRequests.enumeration(&body, "availability", Availability.self)
        if body.any("availability") == nil { body.fail("availability", "is required") }
        try body.finish()
        let agent = try await inboxes.setAvailability(
            availability ?? .online, agentID: try context.parameters.require("id"), as: context.actor)
        return try JSONResponse.make(AgentResponse(agent))
    }

    @Sendable func createTeam(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let name = body.requiredString("name", maxLength: 100)
        let members = body.stringArray("member_ids") ?? []
        try body.finish()
        let team = try await inboxes.createTeam(name: name ?? "", memberIDs: members, as: context.actor)
        return try JSONResponse.make(TeamResponse(team), status: .created)
    }

    @Sendable func addMembers(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let members = body.stringArray("agent_ids")
        if members == nil { body.fail("agent_ids", "is required") }
        try body.finish()
        let team = try await inboxes.addMembers(members ?? [], teamID: try context.parameters.require("id"), as: context.actor)
        return try JSONResponse.make(TeamResponse(team))
    }

    @Sendable func createCanned(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let code = body.requiredString("short_code", maxLength: 50)
        let content = body.requiredString("content", maxLength: 10_000)
        try body.finish()
        let canned = try await inboxes.createCannedResponse(shortCode: code ?? "", content: content ?? "", as: context.actor)
        return try JSONResponse.make(CannedResponseResponse(canned), status: .created)
    }

    @Sendable func createRule(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let inboxID = body.string("inbox_id", maxLength: 64)
        let tag = body.string("customer_tag", maxLength: 50)
        let teamID = body.string("team_id", maxLength: 64)
        let priority = CommerceRequests.enumeration(&body, "priority", ConversationPriority.self)
        let position = body.integer("position", in: 0...10_000)
        try body.finish()
        let rule = try await inboxes.createRoutingRule(
            inboxID: inboxID, customerTag: tag, teamID: teamID, priority: priority, position: position.map(Int.init),
            as: context.actor)
        return try JSONResponse.make(RoutingRuleResponse(rule), status: .created)
    }

    @Sendable func createPolicy(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let name = body.requiredString("name", maxLength: 100)
        let first = body.integer("first_response_seconds", in: 0...100_000_000)
        let next = body.integer("next_response_seconds", in: 0...100_000_000)
        let resolution = body.integer("resolution_seconds", in: 0...100_000_000)
        var hours: BusinessHours?
        if let value = body.any("business_hours"), value != .null {
            hours = body.nested(value, at: "business_hours", SLARequests.businessHours) ?? nil
        }
        try body.finish()
        let policy = try await inboxes.createSLAPolicy(
            name: name ?? "", firstResponseSeconds: first.map(Int.init), nextResponseSeconds: next.map(Int.init),
            resolutionSeconds: resolution.map(Int.init), businessHours: hours, as: context.actor)
        return try JSONResponse.make(SLAPolicyResponse(policy), status: .created)
    }
}
