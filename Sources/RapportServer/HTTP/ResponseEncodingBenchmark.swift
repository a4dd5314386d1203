import Foundation
import RapportCore

/// `rapport bench encoding`: the cost of writing the API's documents through
/// `JSONDocumentEncoder`, beside `JSONWriter` calls written by hand for the same bytes (how
/// documents were written before) and beside Foundation's `JSONEncoder`.
public enum ResponseEncodingBenchmark {
    public struct Result: Sendable {
        public var handWritten: Duration
        public var documentEncoder: Duration
        public var foundation: Duration
    }

    /// The time per document of each way, over `iterations` documents.
    public static func run(iterations: Int) throws -> Result {
        let at = Date(timeIntervalSince1970: 1_790_000_000.125)
        let conversation = Conversation(
            id: "cnv_01k0000000000000000000000", workspaceID: "wsp_1", inboxID: "inb_1", customerID: "cus_1", channel: .whatsapp,
            contact: "+4930123456", subject: "Where is my order?", status: .open, assigneeID: "usr_1", teamID: "team_1", priority: .high,
            labels: ["shipping", "vip"], lastMessageAt: at, createdAt: at, updatedAt: at)
        var bytes = 0
        let handWritten = try time(iterations) { bytes += handWrittenConversation(conversation).utf8.count }
        let documentEncoder = try time(iterations) { bytes += try JSONDocumentEncoder.encode(ConversationResponse(conversation)).utf8.count }
        let foundationEncoder = JSONCoding.makeEncoder()
        let foundation = try time(iterations) { bytes += try foundationEncoder.encode(ConversationResponse(conversation)).count }
        precondition(bytes > 0)
        return Result(handWritten: handWritten, documentEncoder: documentEncoder, foundation: foundation)
    }

    private static func time(_ iterations: Int, _ body: () throws -> Void) throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<iterations { try body() }
        return (clock.now - start) / iterations
    }

    /// The baseline: a conversation written key by key.
    private static func handWrittenConversation(_ c: Conversation) -> String {
        var writer = JSONWriter()
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
        return writer.text
    }
}
