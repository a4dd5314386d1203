import Foundation
import RapportCore

/// An inbox as the API shows it: secrets masked, and the URL to give the provider.
struct InboxResponse: Encodable {
    let channel: InboxChannel
    let createdAt: Date
    let id: String
    let name: String
    let object = "inbox"
    let settings: SortedStrings
    let slaPolicyID: String?
    let teamID: String?
    let webhookURL: String

    init(inbox: Inbox, baseURL: String) {
        channel = inbox.channel
        createdAt = inbox.createdAt
        id = inbox.id
        name = inbox.name
        settings = SortedStrings(Dictionary(uniqueKeysWithValues: inbox.settings.map { key, value in
            (key, InboxSetting.isSecret(key) ? "••••" + value.suffix(min(4, value.count / 4)) : value)
        }))
        slaPolicyID = inbox.slaPolicyID
        teamID = inbox.teamID
        webhookURL = baseURL + SiteURL.inbox(inbox).path
    }
}
