import Foundation

/// How a workspace's bot behaves: the inboxes it answers, the return policy it applies, the
/// payment link it sends and whether VIP customers go straight to a person.
public struct BotSettings: Sendable, Equatable, Codable {
    /// The inboxes whose new conversations the bot takes first (they start `pending`).
    public var inboxIDs: [String]
    /// Days after delivery (or shipping, when delivery is unknown) within which items may come back.
    public var returnWindowDays: Int
    /// Words that mark an order line as final sale: a line whose title or SKU contains one
    /// (case-insensitive) cannot be returned by the bot.
    public var nonReturnableWords: [String]
    /// What the customer does after the return is open (`{{return.id}}` is filled in).
    public var returnInstructions: String
    /// The payment page of an unpaid order, e.g. `https://shop.example/pay/{{order.number}}`;
    /// nil when the bot may not send payment links.
    public var paymentLinkTemplate: String?
    /// Customers with `vipTag` talk to a person from their first message.
    public var handOffVIP: Bool
    public var vipTag: String

    public init(
        inboxIDs: [String] = [], returnWindowDays: Int = 30, nonReturnableWords: [String] = ["gift card", "final sale"],
        returnInstructions: String = BotSettings.defaultReturnInstructions, paymentLinkTemplate: String? = nil,
        handOffVIP: Bool = false, vipTag: String = "vip"
    ) {
        self.inboxIDs = inboxIDs
        self.returnWindowDays = returnWindowDays
        self.nonReturnableWords = nonReturnableWords
        self.returnInstructions = returnInstructions
        self.paymentLinkTemplate = paymentLinkTemplate
        self.handOffVIP = handOffVIP
        self.vipTag = vipTag
    }

    public static let defaultReturnInstructions =
        "Pack the items with the return number {{return.id}} written on the parcel and drop it at any post office within 14 days. We refund you once it arrives."

    /// The checks a person's edits must pass.
    public func problems() -> [FieldError] {
        var problems = Problems(prefix: nil)
        if !(0...365).contains(returnWindowDays) { problems.add("return_window_days", "must be between 0 and 365") }
        problems.text(returnInstructions, "return_instructions", maxLength: 2000)
        if let template = paymentLinkTemplate { problems.url(template, "payment_link_template") }
        if vipTag.trimmed.isEmpty || vipTag.count > 50 { problems.add("vip_tag", "must be a tag of 1 to 50 characters") }
        if nonReturnableWords.count > 50 { problems.add("non_returnable_words", "at most 50") }
        return problems.list
    }
}
