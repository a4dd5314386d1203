/// The JSON of a conversation, the same in API answers, events and live updates.
public enum ConversationDocument {
    public static func json(_ conversation: Conversation) -> String {
        var writer = JSONWriter()
        write(conversation, to: &writer)
        return writer.text
    }

    public static func write(_ c: Conversation, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("assignee_id"); writer.string(c.assigneeID)
        writer.key("channel"); writer.string(c.channel.rawValue)
        writer.key("contact"); writer.string(c.contact)
        writer.key("created_at"); writer.timestamp(c.createdAt)
        writer.key("customer_id"); writer.string(c.customerID)
        writer.key("id"); writer.string(c.id)
        writer.key("inbox_id"); writer.string(c.inboxID)
        writer.key("labels"); writer.strings(c.labels)
        writer.key("last_incoming_at"); writer.timestamp(c.lastIncomingAt)
        writer.key("last_message_at"); writer.timestamp(c.lastMessageAt)
        writer.key("object"); writer.string("conversation")
        writer.key("priority"); writer.string(c.priority.rawValue)
        writer.key("resolved_at"); writer.timestamp(c.resolvedAt)
        writer.key("sla")
        writer.beginObject()
        writer.key("breaches"); writer.strings(c.slaBreaches)
        writer.key("first_response_at"); writer.timestamp(c.firstResponseAt)
        writer.key("first_response_due"); writer.timestamp(c.firstResponseDue)
        writer.key("next_response_due"); writer.timestamp(c.nextResponseDue)
        writer.key("resolution_due"); writer.timestamp(c.resolutionDue)
        writer.key("waiting_since"); writer.timestamp(c.waitingSince)
        writer.endObject()
        writer.key("snoozed_until"); writer.timestamp(c.snoozedUntil)
        writer.key("status"); writer.string(c.status.rawValue)
        writer.key("subject"); writer.string(c.subject)
        writer.key("team_id"); writer.string(c.teamID)
        writer.key("updated_at"); writer.timestamp(c.updatedAt)
        writer.endObject()
    }
}
