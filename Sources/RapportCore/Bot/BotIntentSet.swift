import Foundation

/// One version of a workspace's intents. Every edit saves a new version, so the bot's
/// behaviour can be traced to what it was trained on; version 0 is the built-in set.
public struct BotIntentSet: Sendable, Equatable {
    public var workspaceID: String
    public var version: Int
    public var intents: [BotIntent]
    /// Who saved it (`user:usr_…`, `operator`, `built-in`).
    public var createdBy: String
    public var createdAt: Date

    public init(workspaceID: String, version: Int, intents: [BotIntent], createdBy: String, createdAt: Date) {
        self.workspaceID = workspaceID
        self.version = version
        self.intents = intents
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// Version 0: the built-in intents, which a workspace uses until it saves its own.
    public static func builtIn(workspaceID: String) -> BotIntentSet {
        BotIntentSet(workspaceID: workspaceID, version: 0, intents: BuiltInIntents.all, createdBy: "built-in", createdAt: .distantPast)
    }

    /// The set with the built-in intents it lacks added, as they come: a version saved before a
    /// built-in intent existed (the points intents, say) gains it, and can be saved again.
    public func withBuiltInsAdded() -> BotIntentSet {
        var set = self
        let names = Set(intents.map(\.name))
        set.intents += BuiltInIntents.all.filter { !names.contains($0.name) }
        return set
    }

    /// The training rows: every example of every intent (`oos` rows teach what is out of scope).
    public var examples: [(text: String, intent: String)] {
        intents.flatMap { intent in intent.examples.map { (text: $0, intent: intent.name) } }
    }
}
