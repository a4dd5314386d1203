import Foundation

extension CampaignAttribution {
    /// The windows of every campaign `touches` name, as `winner(for:among:windows:)` weighs
    /// them: `known` ones as given, the others read in one query; a campaign no longer found
    /// (deleted meanwhile) has the standard windows.
    static func windows(
        for touches: [CampaignTouch], known: [String: CampaignAttributionWindows], workspaceID: String, session: any StoreSession
    ) async throws -> [String: CampaignAttributionWindows] {
        var windows = known
        let missing = Set(touches.map(\.campaignID)).filter { windows[$0] == nil }.sorted()
        guard !missing.isEmpty else { return windows }
        let found = try await session.campaigns.attributionWindows(campaignIDs: missing, workspaceID: workspaceID)
        for id in missing { windows[id] = found[id] ?? .standard }
        return windows
    }
}
