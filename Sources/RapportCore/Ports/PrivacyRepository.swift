import Foundation

/// What a customer's data-subject rights need of storage: every row that names them, and
/// erasing all of it in the caller's transaction.
public protocol PrivacyRepository: Sendable {
    /// The ids of every record merged into the customer, directly or through another.
    func mergedAwayIDs(into customerID: String, workspaceID: String) async throws -> [String]
    /// Every table's rows on these customers, read in pages (nothing is cut short).
    func personalData(customerIDs: [String], workspaceID: String) async throws -> [PersonalDataTable]
    /// Removes or blanks every row on these customers; with `placeholderID`, their orders stay
    /// with the person's data taken out, on a new erased record of that id. Returns the rows
    /// touched by table.
    func erase(customerIDs: [String], placeholderID: String?, workspaceID: String, at date: Date) async throws -> [String: Int]
    /// When a customer with this id was erased, if it was.
    func erasedAt(customerID: String, workspaceID: String) async throws -> Date?
}
