/// Leads: the sales view of profiles.
public protocol LeadRepository: Sendable {
    /// Locked for the rest of a write transaction on PostgreSQL.
    func lead(id: String, workspaceID: String) async throws -> Lead?
    /// Whose lead it is, read without a lock (to lock the customer before the lead).
    func customerID(ofLead id: String, workspaceID: String) async throws -> String?
    /// The customer's open lead (the oldest, should a merge have left two), locked in a write.
    func openLead(customerID: String, workspaceID: String) async throws -> Lead?
    func leads(workspaceID: String, filter: LeadFilter, page: PageRequest) async throws -> Page<Lead>
    /// The customers' open leads, read without a lock, in lead id order.
    func openLeads(customerIDs: [String], workspaceID: String) async throws -> [Lead]
    func insert(_ lead: Lead) async throws
    func update(_ lead: Lead) async throws
}
