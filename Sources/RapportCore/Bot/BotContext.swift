import Foundation
import RapportLearning

/// What the bot knows when it reads a message: the analysis of the text, the customer and
/// their orders, the orders the message names, returns, the help-centre answer and the
/// workspace's settings. Loaded in the transaction that applies the bot's turn.
public struct BotContext: Sendable {
    public var text: String
    public var prediction: IntentPrediction
    public var entities: [Entity]
    public var sentiment: Sentiment
    public var settings: BotSettings
    public var channel: InboxChannel
    public var customer: Customer?
    /// Whether the channel itself proves who writes (a phone number on WhatsApp or SMS, a
    /// Messenger or Instagram account, a web-chat visitor identified by the shop).
    public var channelVerified: Bool
    /// The customer's orders, newest first (a recent page).
    public var customerOrders: [Order]
    /// Orders found by a number in the message, and the one the conversation is about.
    public var namedOrders: [Order]
    public var returnsByOrder: [String: [OrderReturn]]
    public var knowledge: (answer: KnowledgeAnswer, link: String)?
    /// The answers of the workspace's own intents.
    public var intentAnswers: [String: String]
    /// The programme and the accounts the bot may speak of, read when the message is about
    /// points; nil otherwise, and when the workspace has no programme.
    public var loyalty: BotLoyalty?
    public var now: Date

    public init(
        text: String, prediction: IntentPrediction, entities: [Entity], sentiment: Sentiment, settings: BotSettings,
        channel: InboxChannel, customer: Customer?, channelVerified: Bool, customerOrders: [Order], namedOrders: [Order],
        returnsByOrder: [String: [OrderReturn]], knowledge: (answer: KnowledgeAnswer, link: String)?,
        intentAnswers: [String: String], loyalty: BotLoyalty? = nil, now: Date
    ) {
        self.text = text
        self.prediction = prediction
        self.entities = entities
        self.sentiment = sentiment
        self.settings = settings
        self.channel = channel
        self.customer = customer
        self.channelVerified = channelVerified
        self.customerOrders = customerOrders
        self.namedOrders = namedOrders
        self.returnsByOrder = returnsByOrder
        self.knowledge = knowledge
        self.intentAnswers = intentAnswers
        self.loyalty = loyalty
        self.now = now
    }

    func order(id: String) -> Order? {
        namedOrders.first { $0.id == id } ?? customerOrders.first { $0.id == id }
    }

    /// Whether `order` is the one a number written in a message names (`1001` names `#1001`).
    static func order(_ order: Order, isNumbered number: String) -> Bool {
        order.number == number || order.number == "#\(number)"
    }

    /// The order numbers written in the message.
    var orderNumbers: [String] { entities.filter { $0.kind == .orderNumber }.map(\.value) }

    var isVIP: Bool {
        settings.handOffVIP && (customer?.profile.tags.contains { $0.caseInsensitiveCompare(settings.vipTag) == .orderedSame } ?? false)
    }
}
