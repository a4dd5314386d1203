import Foundation

/// One channel account (a WhatsApp number, a Facebook page, a mailbox, …) whose
/// conversations agents answer. Settings hold the provider credentials.
public struct Inbox: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var channel: InboxChannel
    public var name: String
    public var settings: [String: String]
    public var teamID: String?
    public var slaPolicyID: String?
    public var createdAt: Date

    public init(
        id: String, workspaceID: String, channel: InboxChannel, name: String, settings: [String: String], teamID: String?,
        slaPolicyID: String?, createdAt: Date
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.channel = channel
        self.name = name
        self.settings = settings
        self.teamID = teamID
        self.slaPolicyID = slaPolicyID
        self.createdAt = createdAt
    }

    /// The provider account this inbox stands for (its phone number id, page id, address).
    public var address: String? { channel.addressSetting.flatMap { self[$0] } }

    /// One of the inbox's settings.
    public subscript(_ setting: InboxSetting) -> String? { settings[setting.rawValue] }
}
