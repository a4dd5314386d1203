/// The JSON of a message, the same in API answers, events and live updates (the raw
/// provider payload is kept in storage, not repeated here).
public enum MessageDocument {
    public static func json(_ message: Message) -> String {
        var writer = JSONWriter()
        write(message, to: &writer)
        return writer.text
    }

    public static func write(_ m: Message, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("attachments")
        writer.beginArray()
        for file in m.attachments {
            writer.beginObject()
            writer.key("caption"); writer.string(file.caption)
            writer.key("filename"); writer.string(file.filename)
            writer.key("mime_type"); writer.string(file.mimeType)
            writer.key("provider_media_id"); writer.string(file.providerMediaID)
            writer.key("size")
            if let size = file.size { writer.integer(Int64(size)) } else { writer.null() }
            writer.key("type"); writer.string(file.type)
            writer.key("url"); writer.string(file.url)
            writer.endObject()
        }
        writer.endArray()
        writer.key("author"); writer.string(m.author.rawValue)
        writer.key("author_id"); writer.string(m.authorID)
        writer.key("content"); writer.value(m.content)
        writer.key("conversation_id"); writer.string(m.conversationID)
        writer.key("created_at"); writer.timestamp(m.createdAt)
        writer.key("delivery_status"); writer.string(m.deliveryStatus?.rawValue)
        writer.key("direction"); writer.string(m.direction.rawValue)
        writer.key("failure_reason"); writer.string(m.failureReason)
        writer.key("id"); writer.string(m.id)
        writer.key("inbox_id"); writer.string(m.inboxID)
        writer.key("kind"); writer.string(m.kind.rawValue)
        writer.key("object"); writer.string("message")
        writer.key("private"); writer.bool(m.isPrivate)
        writer.key("provider_message_id"); writer.string(m.providerMessageID)
        writer.key("sentiment")
        if let sentiment = m.sentiment { writer.number(sentiment) } else { writer.null() }
        writer.key("text"); writer.string(m.text)
        writer.key("updated_at"); writer.timestamp(m.updatedAt)
        writer.endObject()
    }

    /// What the customer's own chat window shows of a message: no agent ids, no delivery
    /// internals.
    public static func customerJSON(_ m: Message) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("created_at"); writer.timestamp(m.createdAt)
        writer.key("from"); writer.string(m.direction == .incoming ? "you" : (m.author == .bot ? "bot" : "agent"))
        writer.key("id"); writer.string(m.id)
        writer.key("text"); writer.string(m.text)
        writer.endObject()
        return writer.text
    }
}
