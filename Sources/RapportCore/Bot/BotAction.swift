/// A change the bot makes in the store while answering; it runs in the same transaction as
/// the answer, so the customer is never told of a change that did not happen.
public enum BotAction: Sendable, Equatable {
    case openReturn(ReturnInput)
    case cancelOrder(orderID: String)
    case changeAddress(orderID: String, Address)
    /// Spends the customer's points on a reward of the programme and issues its code.
    case issueReward(customerID: String, rewardKey: String)
    /// Opens a sales lead for the conversation's customer (or adds to their open one), titled
    /// with what they asked.
    case openLead(request: String)
}
