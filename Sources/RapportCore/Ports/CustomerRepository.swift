import Foundation

/// Customers and their identities. Every call is scoped to one workspace.
public protocol CustomerRepository: Sendable {
    /// The owners of those of `keys` that are held by a live (not merged-away) customer.
    func owners(of keys: [IdentityKey], workspaceID: String) async throws -> [IdentityKey: IdentityOwner]
    /// The customer with its identities, whatever its state (deleted, merged away).
    func find(id: String, workspaceID: String) async throws -> Customer?
    /// Locks the customers' rows for the rest of a write transaction, in id order (PostgreSQL;
    /// SQLite writes one transaction at a time): a journey runner before their enrolments, a
    /// lead's write before the lead, so such writes take their locks in one order.
    func lockCustomers(ids: [String]) async throws
    func find(ids: [String], workspaceID: String) async throws -> [Customer]
    /// Those of the customers who hold proof (a proven identity), read without a lock.
    func proofHolders(among ids: [String], workspaceID: String) async throws -> Set<String>
    /// The customer with its identities, touchpoint count and newest
    /// `CustomerView.recentInteractionCount` touchpoints, whatever its state, in one round trip.
    func view(id: String, workspaceID: String) async throws -> CustomerView?
    /// Inserts customers and all their identities.
    func insert(_ customers: [Customer]) async throws
    /// Writes profile, timestamps, deletion and merge state (identities are written separately).
    func update(_ customer: Customer) async throws
    func addIdentities(_ identities: [Identity], customerID: String, workspaceID: String) async throws
    /// Moves the identities with these ids to `customerID`.
    func moveIdentities(ids: [String], to customerID: String, workspaceID: String) async throws
    /// Records that the links to these identities are now proven.
    func markProven(identityIDs: [String], workspaceID: String) async throws
    func removeIdentity(id: String, workspaceID: String) async throws
    /// Live customers in the segment, newest first.
    func list(workspaceID: String, filter: CustomerFilter, page: PageRequest) async throws -> Page<Customer>
    /// Live customers in the segment whose search document has, for every query token, a token
    /// it prefixes.
    func search(tokens: [String], filter: CustomerFilter, workspaceID: String, page: PageRequest) async throws -> Page<Customer>
    /// Deletes for good the customers soft-deleted before `cutoff`; returns how many.
    func purge(deletedBefore cutoff: Date) async throws -> Int
}
