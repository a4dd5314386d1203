/// The checks of whom and what a piece of work names (a task, a deal): its owner an active
/// user of the workspace whose role does that work, its team, customer and the records it is
/// about the workspace's. Records are read without locks: a link takes no turn with the
/// record's own writers. A record deleted between the check and the write fails the foreign key.
enum AssignmentCheck {
    /// `work`: what the owner is to do, for the refusal ("work tasks").
    static func owner(_ ownerID: String, mayDo permission: Permission, work: String, actor: Actor, session: any StoreSession) async throws {
        let users = try await session.inboxes.agents(workspaceID: actor.workspaceID)
        guard let owner = users.first(where: { $0.id == ownerID && $0.deactivatedAt == nil }) else {
            throw RapportError.invalid(field: "owner_id", "names no active user of this workspace (\(ownerID.prefix(64)))")
        }
        guard permission.roles.contains(owner.role) else {
            throw RapportError.invalid(field: "owner_id", "a \(owner.role.rawValue) does not \(work): choose an agent, a manager or an admin")
        }
    }

    static func team(_ teamID: String, actor: Actor, session: any StoreSession) async throws {
        guard try await session.inboxes.teams(workspaceID: actor.workspaceID).contains(where: { $0.id == teamID }) else {
            throw RapportError.invalid(field: "team_id", "names no team of this workspace (\(teamID.prefix(64)))")
        }
    }

    /// A live customer: not deleted, not merged away.
    static func customer(_ customerID: String, actor: Actor, session: any StoreSession) async throws {
        guard let customer = try await session.customers.find(id: customerID, workspaceID: actor.workspaceID), customer.deletedAt == nil,
            customer.mergedIntoID == nil
        else { throw RapportError.invalid(field: "customer_id", "names no customer of this workspace (\(customerID.prefix(64)))") }
    }

    /// The deal's customer, if it has one.
    static func deal(_ dealID: String, actor: Actor, session: any StoreSession) async throws -> String? {
        guard let customerID = try await session.sales.customerID(ofDeal: dealID, workspaceID: actor.workspaceID) else {
            throw RapportError.invalid(field: "deal_id", "names no deal of this workspace (\(dealID.prefix(64)))")
        }
        return customerID
    }

    /// The lead's customer (every lead has one).
    static func lead(_ leadID: String, actor: Actor, session: any StoreSession) async throws -> String {
        guard let customerID = try await session.leads.customerID(ofLead: leadID, workspaceID: actor.workspaceID) else {
            throw RapportError.invalid(field: "lead_id", "names no lead of this workspace (\(leadID.prefix(64)))")
        }
        return customerID
    }

    static func company(_ companyID: String, actor: Actor, session: any StoreSession) async throws {
        guard try await session.companies.company(id: companyID, workspaceID: actor.workspaceID) != nil else {
            throw RapportError.invalid(field: "company_id", "names no company of this workspace (\(companyID.prefix(64)))")
        }
    }
}
