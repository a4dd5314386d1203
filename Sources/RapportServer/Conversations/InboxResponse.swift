import RapportCore

/// An inbox as the API shows it: secrets masked, and the URL to give the provider.
struct InboxResponse: JSONWritable {
    var inbox: Inbox
    var baseURL: String

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("channel"); writer.string(inbox.channel.rawValue)
        writer.key("created_at"); writer.timestamp(inbox.createdAt)
        writer.key("id"); writer.string(inbox.id)
        writer.key("name"); writer.string(inbox.name)
        writer.key("object"); writer.string("inbox")
        writer.key("settings")
        writer.beginObject()
        for (key, value) in inbox.settings.sorted(by: { $0.key < $1.key }) {
            writer.key(key)
            writer.string(InboxChannel.secretSettings.contains(key) ? "••••" + value.suffix(min(4, value.count / 4)) : value)
        }
        writer.endObject()
        writer.key("sla_policy_id"); writer.string(inbox.slaPolicyID)
        writer.key("team_id"); writer.string(inbox.teamID)
        writer.key("webhook_url"); writer.string(baseURL + SiteURL.inbox(inbox).path)
        writer.endObject()
    }
}
