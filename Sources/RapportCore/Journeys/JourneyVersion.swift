import Foundation

/// A published definition of a journey, frozen: the customers who entered under it walk it
/// to its end, whatever the draft becomes.
public struct JourneyVersion: Sendable {
    public var journeyID: String
    public var workspaceID: String
    public var version: Int
    public var json: JSONValue
    public var definition: JourneyDefinition
    public var publishedBy: String
    public var publishedAt: Date

    public init(journeyID: String, workspaceID: String, version: Int, json: JSONValue, definition: JourneyDefinition, publishedBy: String, publishedAt: Date) {
        self.journeyID = journeyID
        self.workspaceID = workspaceID
        self.version = version
        self.json = json
        self.definition = definition
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
    }
}
