import Foundation

public protocol ConsentRepository: Sendable {
    func append(_ entry: ConsentEntry) async throws
    /// Every consent change of the customer, in no particular order.
    func history(customerID: String, workspaceID: String) async throws -> [ConsentEntry]
    /// Stores a consent text once (a text stored before is kept as it was) and answers its
    /// hash, which entries reference.
    func storeText(_ text: String, workspaceID: String, at date: Date) async throws -> String
    func text(hash: String, workspaceID: String) async throws -> String?
}
