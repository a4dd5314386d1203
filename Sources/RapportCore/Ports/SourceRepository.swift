import Foundation

public protocol SourceRepository: Sendable {
    func insert(_ source: ShopSource) async throws
    func find(id: String) async throws -> ShopSource?
    func all(workspaceID: String) async throws -> [ShopSource]
    func updateSecret(id: String, secret: String) async throws
    func delete(id: String) async throws
    /// Records that a delivery was handled; false when it was recorded before.
    func recordDelivery(sourceID: String, deliveryID: String, at date: Date) async throws -> Bool
}
