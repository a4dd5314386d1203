import Foundation

/// Schedules the surveys a workspace asked for, in the transaction of the change that calls
/// for one: a `survey.send` job when a conversation is resolved (CSAT) and when an order is
/// delivered (NPS, due the set number of days later). The job decides when it runs whether
/// the survey still goes (the conversation still resolved, the customer not surveyed lately,
/// a channel to reach them).
struct SurveyScheduling: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        var resolved: [Conversation] = []
        var delivered: [Order] = []
        for change in changes {
            if let change = change as? ConversationChange, change.kind == .updated, change.conversation.status == .resolved,
                change.previous?.status != .resolved, SurveyRules.canAsk(on: change.conversation.channel)
            {
                resolved.append(change.conversation)
            } else if let change = change as? OrderChange, case .statusChanged(let from, _) = change.kind, from != .delivered,
                change.order.status == .delivered
            {
                delivered.append(change.order)
            }
        }
        guard !resolved.isEmpty || !delivered.isEmpty else { return }
        let session = transaction.session
        var jobs: [JobRequest] = []
        var settings: [String: SurveySettings] = [:]
        func settingsOf(_ workspaceID: String) async throws -> SurveySettings {
            if let known = settings[workspaceID] { return known }
            let found = try await session.surveys.settings(workspaceID: workspaceID) ?? .off
            settings[workspaceID] = found
            return found
        }
        for conversation in resolved where try await settingsOf(conversation.workspaceID).csatAfterConversations {
            let key = "survey:\(conversation.id):\(Timestamp.microseconds(conversation.resolvedAt ?? transaction.now))"
            jobs.append(try JobRequest(
                SurveySendPayload(workspaceID: conversation.workspaceID, conversationID: conversation.id), uniqueKey: key, maxAttempts: 5))
        }
        for order in delivered {
            guard let days = try await settingsOf(order.workspaceID).npsAfterDeliveryDays else { continue }
            let due = (order.deliveredAt ?? transaction.now).addingTimeInterval(Double(days) * 86_400)
            jobs.append(try JobRequest(
                SurveySendPayload(workspaceID: order.workspaceID, orderID: order.id), runAt: max(due, transaction.now),
                uniqueKey: "survey:\(order.id)", maxAttempts: 5))
        }
        guard !jobs.isEmpty else { return }
        try await session.jobs.enqueue(jobs, now: transaction.now)
    }
}
