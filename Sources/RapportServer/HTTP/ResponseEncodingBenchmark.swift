import Foundation
import RapportCore

/// `rapport bench encoding`: the cost of writing the API's documents through
/// `JSONDocumentEncoder`, beside the hand-written `JSONWriter` calls that write the same bytes
/// for events (a conversation) and beside Foundation's `JSONEncoder`.
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
        let handWritten = try time(iterations) { bytes += ConversationDocument.json(conversation).utf8.count }
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
}
