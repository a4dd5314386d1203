import Foundation

/// Surveys and their answers, and each workspace's survey settings.
public protocol SurveyRepository: Sendable {
    func settings(workspaceID: String) async throws -> SurveySettings?
    func save(_ settings: SurveySettings, workspaceID: String, at now: Date) async throws
    /// Adds the survey unless one with the same `origin` (an order's, a resolution's) exists;
    /// answers whether it did.
    func insert(_ survey: Survey, origin: String?) async throws -> Bool
    /// Writes the survey's answer; `reference` is the provider's id of the message that carried it.
    func update(_ survey: Survey, reference: String?) async throws
    /// Whether a survey with this `origin` was sent.
    func exists(origin: String, workspaceID: String) async throws -> Bool
    /// Locked for the rest of a write transaction on PostgreSQL; any workspace when nil.
    func find(id: String, workspaceID: String?) async throws -> Survey?
    /// The latest survey sent through `inboxID` to the address `contact` since `since` that
    /// is unanswered, or was answered by the message `reference` (a provider's retry); locked
    /// for the rest of a write transaction on PostgreSQL.
    func awaiting(contact: String, inboxID: String, since: Date, reference: String) async throws -> Survey?
    /// The latest survey sent through `inboxID` to the address `contact`, answered since
    /// `since` without a comment, whose answer was met with a question for the reason; locked
    /// for the rest of a write transaction on PostgreSQL.
    func awaitingComment(contact: String, inboxID: String, since: Date) async throws -> Survey?
    /// Whether the conversation is one a survey's answer opened for the team.
    func isFollowUp(conversationID: String) async throws -> Bool
    /// The customer's answered survey of `kind` sent last.
    func latestAnswered(customerID: String, kind: SurveyKind, workspaceID: String) async throws -> Survey?
    /// When the customer was last sent a survey.
    func lastSentAt(customerID: String, workspaceID: String) async throws -> Date?
    /// Newest first.
    func list(workspaceID: String, customerID: String?, kind: SurveyKind?, status: SurveyStatus?, page: PageRequest) async throws -> Page<Survey>
    /// Surveys of `kind` sent in `[from, to)`, counted by who handled, team and score.
    func tallies(kind: SurveyKind, workspaceID: String, from: Date, to: Date) async throws -> [SurveyTally]
}
