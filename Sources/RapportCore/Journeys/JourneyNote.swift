/// A private note a step leaves in a conversation with the customer (their open one, else a
/// new one in the inbox), for a team to see.
public struct JourneyNote: Sendable, Equatable {
    public var text: String
    public var inboxID: String
    public var teamID: String?

    public init(text: String, inboxID: String, teamID: String?) {
        self.text = text
        self.inboxID = inboxID
        self.teamID = teamID
    }
}
