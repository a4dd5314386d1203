/// A sales inbox (an e-mail inbox with `opens_leads` on): each conversation a customer's mail
/// starts in it opens a lead on the conversation's customer (or adds to their open one), titled
/// with its subject. One the team or a survey starts from the inbox opens none. It asserts
/// nothing about who wrote: the lead goes to the profile the conversation already has, found as
/// every inbound mail's sender is.
struct SalesInboxLeads: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        // The conversations whose first message came in now, from the customer.
        let started = Set(changes.compactMap { change -> String? in
            guard let message = change as? MessageChange, message.kind == .created, message.message.direction == .incoming else { return nil }
            return message.conversation.id
        })
        for case let change as ConversationChange in changes
        where change.kind == .created && change.conversation.channel == .email && started.contains(change.conversation.id) {
            let conversation = change.conversation
            guard let inbox = try await transaction.session.inboxes.inbox(id: conversation.inboxID), inbox[.opensLeads] == "on" else { continue }
            let title = conversation.subject.map { String($0.trimmed.prefix(LeadOpening.maximumTitleLength)) }.flatMap { $0.isEmpty ? nil : $0 }
            let enquiry = LeadEnquiry(source: .email, originID: conversation.id, title: title)
            _ = try await LeadOpening.open(
                enquiry, customerID: conversation.customerID, by: .system("inbox:\(inbox.id)", workspaceID: conversation.workspaceID), in: transaction)
        }
    }
}
