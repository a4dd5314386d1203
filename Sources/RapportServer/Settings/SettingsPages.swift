import Foundation
import Hummingbird
import RapportCore

/// `/settings`: invite users, set up teams, inboxes and their credentials, API and write
/// keys, canned responses, SLA policies with business hours, and outgoing webhooks. A refused
/// form comes back with what was typed and the reason under it; a secret (a new user's
/// password, a key, a webhook's signing secret) is shown once.
struct SettingsPages {
    let users: UserService
    let inboxes: InboxService
    let keys: APIKeyService
    let webhooks: WebhookService
    let sources: SourceService
    let views: SettingsViews
    let pages: WebPages
    let address: PublicAddress

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("settings") { request, context in try await render(request, context) }
        group.post("settings/users", requiring: .manageUsers) { request, context in try await submit(request, context, form: "users", invite) }
        group.post("settings/users/role", requiring: .manageUsers) { request, context in try await submit(request, context, form: "users", changeRole) }
        group.post("settings/users/password", requiring: .manageUsers) { request, context in try await submit(request, context, form: "users", resetPassword) }
        group.post("settings/users/active", requiring: .manageUsers) { request, context in try await submit(request, context, form: "users", setActive) }
        group.post("settings/teams", requiring: .manageTeamSetup) { request, context in try await submit(request, context, form: "teams", createTeam) }
        group.post("settings/teams/members", requiring: .manageTeamSetup) { request, context in try await submit(request, context, form: "members", addMember) }
        group.post("settings/inboxes", requiring: .manageChannels) { request, context in try await submit(request, context, form: "inboxes", createInbox) }
        group.post("settings/inboxes/update", requiring: .manageChannels) { request, context in try await submit(request, context, form: "inboxes", updateInbox) }
        group.post("settings/keys", requiring: .manageKeys) { request, context in try await submit(request, context, form: "keys", createKey) }
        group.post("settings/keys/revoke", requiring: .manageKeys) { request, context in try await submit(request, context, form: "keys", revokeKey) }
        group.post("settings/sources", requiring: .manageSources) { request, context in try await submit(request, context, form: "sources", createSource) }
        group.post("settings/sources/secret", requiring: .manageSources) { request, context in try await submit(request, context, form: "sources", rotateSource) }
        group.post("settings/sources/delete", requiring: .manageSources) { request, context in try await submit(request, context, form: "sources", deleteSource) }
        group.post("settings/canned", requiring: .manageTeamSetup) { request, context in try await submit(request, context, form: "canned", createCanned) }
        group.post("settings/sla", requiring: .manageTeamSetup) { request, context in try await submit(request, context, form: "sla", createPolicy) }
        group.post("settings/webhooks", requiring: .manageWebhooks) { request, context in try await submit(request, context, form: "webhooks", createWebhook) }
        group.post("settings/webhooks/delete", requiring: .manageWebhooks) { request, context in try await submit(request, context, form: "webhooks", deleteWebhook) }
    }

    func render(
        _ request: Request, _ context: SignedInRequestContext, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor
        try actor.require(.manageTeamSetup)
        var values = try await views.values(actor: actor, publicBase: address.base(of: request))
        values.merge(extra) { _, new in new }
        return try pages.render("settings", context, title: "Settings", section: "settings", values: values, status: status)
    }

    /// Runs one form's change; a refusal re-renders the page with the form's fields and errors.
    /// The change returns what to show once (a secret), or nothing, and then the page reloads.
    private func submit(
        _ request: Request, _ context: SignedInRequestContext, form name: String,
        _ change: (WebForm, Actor) async throws -> [String: Any]?
    ) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        let refusal: (message: String, status: HTTPResponse.Status)
        do {
            guard let shown = try await change(form, context.actor) else { return WebRedirect.to("/settings#\(name)") }
            return try await render(request, context, extra: shown)
        } catch RapportError.invalid(let problems) {
            refusal = (problems.map(WebFormat.problem).joined(separator: " "), .unprocessableContent)
        } catch RapportError.conflict(let message) {
            refusal = (message, .conflict)
        }
        var draft: [String: Any] = [:]
        for (field, value) in form.fields where field != "_csrf" { draft[field] = value }
        return try await render(request, context, extra: ["\(name)_error": refusal.message, "\(name)_draft": draft], status: refusal.status)
    }

    private func invite(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        guard let role = form["role"].flatMap(UserRole.init(rawValue:)) else { throw RapportError.invalid(field: "role", "must be admin, manager, agent or marketer") }
        let (user, password) = try await users.create(
            email: form.text("email") ?? "", name: form.text("name"), role: role, password: nil,
            teamIDs: form.all("team_id").filter { !$0.isEmpty }, as: actor)
        return ["invited": ["email": user.email, "password": password ?? "", "role": user.role.rawValue]]
    }

    private func changeRole(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        guard let role = form["role"].flatMap(UserRole.init(rawValue:)) else { throw RapportError.invalid(field: "role", "must be admin, manager, agent or marketer") }
        try await users.changeRole(userID: form["user_id"] ?? "", to: role, as: actor)
        return nil
    }

    private func resetPassword(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        let (user, password) = try await users.resetPassword(userID: form["user_id"] ?? "", as: actor)
        return ["invited": ["email": user.email, "password": password, "role": user.role.rawValue]]
    }

    private func setActive(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        try await users.setActive(form["active"] == "1", userID: form["user_id"] ?? "", as: actor)
        return nil
    }

    private func createTeam(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        _ = try await inboxes.createTeam(name: form.text("name") ?? "", memberIDs: form.all("member_id").filter { !$0.isEmpty }, as: actor)
        return nil
    }

    private func addMember(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        guard let agentID = form.text("member_id") else { throw RapportError.invalid(field: "member_id", "is required: choose a user") }
        _ = try await inboxes.addMembers([agentID], teamID: form.text("team_id") ?? "", as: actor)
        return nil
    }

    /// Settings come as `key=value`, one per line (`key=` with nothing removes one when editing).
    private static func settings(_ form: WebForm) throws -> [String: String] {
        var settings: [String: String] = [:]
        for (index, line) in (form["settings"] ?? "").split(whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw RapportError.invalid(field: "settings", "line \(index + 1) must be key=value")
            }
            settings[parts[0]] = parts[1]
        }
        return settings
    }

    private func createInbox(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        guard let channel = form["channel"].flatMap(InboxChannel.init(rawValue:)) else { throw RapportError.invalid(field: "channel", "is required") }
        _ = try await inboxes.createInbox(
            channel: channel, name: form.text("name") ?? "", settings: try Self.settings(form), teamID: form.text("team_id"),
            slaPolicyID: form.text("sla_policy_id"), as: actor)
        return nil
    }

    private func updateInbox(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        _ = try await inboxes.updateInbox(
            id: form["id"] ?? "", name: form.text("name") ?? "", settingChanges: try Self.settings(form), teamID: form.text("team_id"),
            slaPolicyID: form.text("sla_policy_id"), as: actor)
        return nil
    }

    private func createSource(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        guard let kind = form["kind"].flatMap(SourceKind.init(rawValue:)) else {
            throw RapportError.invalid(field: "kind", "must be one of \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        _ = try await sources.create(kind: kind, name: form.text("name"), secret: form["secret"] ?? "", as: actor)
        return nil
    }

    private func rotateSource(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        _ = try await sources.rotateSecret(id: form["id"] ?? "", secret: form["secret"] ?? "", as: actor)
        return nil
    }

    private func deleteSource(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        try await sources.delete(id: form["id"] ?? "", as: actor)
        return nil
    }

    private func createKey(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        let kind = form["kind"].flatMap(APIKeyKind.init(name:)) ?? .secret
        let issued = try await keys.create(name: form.text("name") ?? "", kind: kind, as: actor)
        return ["issued_key": ["name": issued.key.name, "secret": issued.secret]]
    }

    private func revokeKey(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        try await keys.revoke(id: form["id"] ?? "", as: actor)
        return nil
    }

    private func createCanned(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        _ = try await inboxes.createCannedResponse(shortCode: form.text("code") ?? "", content: form.text("content") ?? "", as: actor)
        return nil
    }

    /// Targets in minutes (first and next response) and hours (resolution); business hours as
    /// a time zone, the chosen weekdays and one window.
    private func createPolicy(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        var problems: [FieldError] = []
        func number(_ field: String, scale: Int) -> Int? {
            guard let text = form.text(field) else { return nil }
            guard let value = Int(text), value > 0 else {
                problems.append(FieldError(field: field, message: "must be a whole number above 0"))
                return nil
            }
            return value * scale
        }
        func minutes(_ field: String) -> Int? {
            guard let text = form.text(field) else { return nil }
            let parts = text.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2, (0...24).contains(parts[0]), (0...59).contains(parts[1]) else {
                problems.append(FieldError(field: field, message: "must be a time such as 09:00"))
                return nil
            }
            return parts[0] * 60 + parts[1]
        }
        let first = number("first_response_minutes", scale: 60)
        let next = number("next_response_minutes", scale: 60)
        let resolution = number("resolution_hours", scale: 3600)
        let days = form.all("day").compactMap(Int.init)
        var hours: BusinessHours?
        if !days.isEmpty, let start = minutes("opens"), let end = minutes("closes") {
            hours = BusinessHours(timeZone: form.text("time_zone") ?? "UTC", days: Dictionary(uniqueKeysWithValues: days.map { ($0, BusinessHours.Window(start: start, end: end)) }))
        }
        guard problems.isEmpty else { throw RapportError.invalid(problems) }
        _ = try await inboxes.createSLAPolicy(
            name: form.text("name") ?? "", firstResponseSeconds: first, nextResponseSeconds: next, resolutionSeconds: resolution,
            businessHours: hours, as: actor)
        return nil
    }

    private func createWebhook(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        let subscription = try await webhooks.create(url: form.text("url") ?? "", eventTypes: form.all("event"), as: actor)
        return ["created_webhook": ["url": subscription.url, "secret": subscription.secret]]
    }

    private func deleteWebhook(_ form: WebForm, _ actor: Actor) async throws -> [String: Any]? {
        try await webhooks.delete(id: form["id"] ?? "", as: actor)
        return nil
    }
}
