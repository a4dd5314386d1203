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
        _ request: Request, _ context: SignedInRequestContext, shown: SettingsPageView.ShownOnce? = nil,
        refusal: SettingsPageView.Refusal? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor
        try actor.require(.manageTeamSetup)
        var view = try await views.view(actor: actor, publicBase: address.base(of: request))
        if let shown { view.show(shown) }
        view.refusal = refusal
        return try pages.render("settings", context, title: "Settings", section: "settings", view: view, status: status)
    }

    /// Runs one form's change; a refusal re-renders the page with the form's fields and errors.
    /// The change returns what to show once (a secret), or nothing, and then the page reloads.
    private func submit<Input: Decodable>(
        _ request: Request, _ context: SignedInRequestContext, form name: String,
        _ change: (Input, Actor) async throws -> SettingsPageView.ShownOnce?
    ) async throws -> Response {
        let form = try await WebForm.read(request, context: context)
        let refusal: (message: String, status: HTTPResponse.Status)
        do {
            guard let shown = try await change(try form.decode(Input.self), context.actor) else { return WebRedirect.to("/settings#\(name)") }
            return try await render(request, context, shown: shown)
        } catch RapportError.invalid(let problems) {
            refusal = (problems.map(WebFormat.problem).joined(separator: " "), .unprocessableContent)
        } catch RapportError.conflict(let message) {
            refusal = (message, .conflict)
        }
        var draft: [String: String] = [:]
        for (field, value) in form.fields where field != "_csrf" { draft[field] = value }
        return try await render(
            request, context, refusal: SettingsPageView.Refusal(form: name, message: refusal.message, draft: draft), status: refusal.status)
    }

    private func invite(_ form: InviteForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        let (user, password) = try await users.create(
            email: form.email ?? "", name: form.name, role: form.role, password: nil, teamIDs: form.teamID, as: actor)
        return .invited(SettingsPageView.Invited(email: user.email, password: password ?? "", role: user.role.rawValue))
    }

    private func changeRole(_ form: RoleForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        try await users.changeRole(userID: form.userID, to: form.role, as: actor)
        return nil
    }

    private func resetPassword(_ form: UserForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        let (user, password) = try await users.resetPassword(userID: form.userID, as: actor)
        return .invited(SettingsPageView.Invited(email: user.email, password: password, role: user.role.rawValue))
    }

    private func setActive(_ form: UserForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        try await users.setActive(form.active, userID: form.userID, as: actor)
        return nil
    }

    private func createTeam(_ form: TeamForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        _ = try await inboxes.createTeam(name: form.name ?? "", memberIDs: form.memberID, as: actor)
        return nil
    }

    private func addMember(_ form: MemberForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        guard let agentID = form.memberID else { throw RapportError.invalid(field: "member_id", "is required: choose a user") }
        _ = try await inboxes.addMembers([agentID], teamID: form.teamID ?? "", as: actor)
        return nil
    }

    private func createInbox(_ form: InboxForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        guard let channel = form.channel else { throw RapportError.invalid(field: "channel", "is required") }
        _ = try await inboxes.createInbox(
            channel: channel, name: form.name ?? "", settings: try form.settingLines(), teamID: form.teamID,
            slaPolicyID: form.slaPolicyID, as: actor)
        return nil
    }

    private func updateInbox(_ form: InboxForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        _ = try await inboxes.updateInbox(
            id: form.id, name: form.name ?? "", settingChanges: try form.settingLines(), teamID: form.teamID,
            slaPolicyID: form.slaPolicyID, as: actor)
        return nil
    }

    private func createSource(_ form: SourceForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        guard let kind = form.kind else {
            throw RapportError.invalid(field: "kind", "must be one of \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        _ = try await sources.create(kind: kind, name: form.name, secret: form.secret, as: actor)
        return nil
    }

    private func rotateSource(_ form: SourceForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        _ = try await sources.rotateSecret(id: form.id, secret: form.secret, as: actor)
        return nil
    }

    private func deleteSource(_ form: SourceForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        try await sources.delete(id: form.id, as: actor)
        return nil
    }

    private func createKey(_ form: KeyForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        let issued = try await keys.create(name: form.name ?? "", kind: form.kind.flatMap(APIKeyKind.init(name:)) ?? .secret, as: actor)
        return .issuedKey(SettingsPageView.IssuedKey(name: issued.key.name, secret: issued.secret))
    }

    private func revokeKey(_ form: KeyForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        try await keys.revoke(id: form.id, as: actor)
        return nil
    }

    private func createCanned(_ form: CannedForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        _ = try await inboxes.createCannedResponse(shortCode: form.code ?? "", content: form.content ?? "", as: actor)
        return nil
    }

    private func createPolicy(_ form: SLAPolicyForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        let policy = try form.policy()
        _ = try await inboxes.createSLAPolicy(
            name: form.name ?? "", firstResponseSeconds: policy.firstResponseSeconds, nextResponseSeconds: policy.nextResponseSeconds,
            resolutionSeconds: policy.resolutionSeconds, businessHours: policy.businessHours, as: actor)
        return nil
    }

    private func createWebhook(_ form: WebhookForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        let subscription = try await webhooks.create(url: form.url ?? "", eventTypes: form.event, as: actor)
        return .createdWebhook(SettingsPageView.CreatedWebhook(url: subscription.url, secret: subscription.secret))
    }

    private func deleteWebhook(_ form: WebhookForm, _ actor: Actor) async throws -> SettingsPageView.ShownOnce? {
        try await webhooks.delete(id: form.id, as: actor)
        return nil
    }
}
