import Foundation

/// Campaigns and their send log. Writes that a status forbids are refused by the statement
/// itself (`whileIn`), so a campaign that started sending meanwhile is never changed or deleted.
public protocol CampaignRepository: Sendable {
    func insert(_ campaign: Campaign) async throws
    /// Writes the name, channel, inbox, definition, `scheduledAt` and `updatedAt` while the
    /// stored campaign's status is one of `statuses`; answers whether it did.
    func update(_ campaign: Campaign, whileIn statuses: Set<CampaignStatus>) async throws -> Bool
    /// Deletes the campaign (and its send log) while its status is one of `statuses`; answers whether it did.
    func delete(id: String, workspaceID: String, whileIn statuses: Set<CampaignStatus>) async throws -> Bool
    func find(id: String, workspaceID: String) async throws -> Campaign?
    /// A page of the workspace's campaigns, newest first, of one status or of all.
    func list(workspaceID: String, status: CampaignStatus?, page: PageRequest) async throws -> Page<Campaign>

    /// Adds rows to the send log; a customer already in a campaign's log is a conflict.
    func insertSends(_ sends: [CampaignSend]) async throws
    /// A page of the campaign's send log, newest row first.
    func sends(campaignID: String, workspaceID: String, page: PageRequest) async throws -> Page<CampaignSend>
}
