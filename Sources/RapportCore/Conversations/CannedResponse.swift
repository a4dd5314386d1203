import Foundation

/// A saved answer agents insert by its short code; `{{customer.first_name}}`,
/// `{{order.number}}`, `{{order.tracking_url}}` and the like are filled in when it is sent.
public struct CannedResponse: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var shortCode: String
    public var content: String
    public var createdAt: Date

    public init(id: String, workspaceID: String, shortCode: String, content: String, createdAt: Date) {
        self.id = id
        self.workspaceID = workspaceID
        self.shortCode = shortCode
        self.content = content
        self.createdAt = createdAt
    }
}
