/// A big customer's complaint alerts the team at once: an incoming message the sentiment reader
/// finds upset (at or below the bot's own bar for handing over), from a customer whose spend
/// is in the top fifth of the store's (RFM monetary score 5). It reaches the conversation's
/// assignee, else its team, else its inbox's team (a conversation the bot holds has neither
/// yet), else the active admins and managers; once per user and conversation.
struct ComplaintAlerts: DomainChangeSubscriber {
    static let topMonetaryScore = 5

    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        var alerts: [Alert] = []
        for case let change as MessageChange in changes where change.kind == .created {
            let message = change.message
            guard message.direction == .incoming, !message.isPrivate, let sentiment = message.sentiment, sentiment <= BotDialogue.upsetScore else { continue }
            let conversation = change.conversation
            let session = transaction.session
            guard let rfm = try await session.insights.customerRFM(customerID: conversation.customerID, workspaceID: conversation.workspaceID),
                rfm.monetaryScore >= Self.topMonetaryScore
            else { continue }
            let recipients = try await AlertRecipients.load(workspaceID: conversation.workspaceID, session: session)
            var held = recipients.users(ownerID: conversation.assigneeID, teamID: conversation.teamID)
            if held.isEmpty, let inboxTeamID = try await session.inboxes.inbox(id: conversation.inboxID)?.teamID {
                held = recipients.users(ownerID: nil, teamID: inboxTeamID)
            }
            alerts += AlertWriter.alerts(
                .complaint, for: held.isEmpty ? recipients.managerIDs : held, subjectID: conversation.id, workspaceID: conversation.workspaceID,
                customerID: conversation.customerID, title: "A top-spending customer is upset", origin: AlertOrigin.complaint(conversationID: conversation.id),
                dueAt: message.createdAt, at: transaction.now)
        }
        _ = try await AlertWriter.save(alerts, in: transaction)
    }
}
