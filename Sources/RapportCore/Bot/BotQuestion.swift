/// What the bot asked and is waiting for, so the next message is read as its answer.
public enum BotQuestion: String, Sendable, Codable {
    case orderNumber = "order_number"
    /// The e-mail address or postcode the order was placed with.
    case verification
    case returnItems = "return_items"
    case returnQuantity = "return_quantity"
    case returnReason = "return_reason"
    case confirmCancel = "confirm_cancel"
    case newAddress = "new_address"
    /// Which of the rewards the points reach.
    case rewardChoice = "reward_choice"
    /// "Shall I spend 500 of your points on 5 EUR off?"
    case confirmReward = "confirm_reward"
    /// "Shall I pass you to a colleague?"
    case offerHuman = "offer_human"
}
