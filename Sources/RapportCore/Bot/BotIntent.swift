/// One thing customers ask for, with the examples the classifier learns it from. Built-in
/// intents have work behind them (an order lookup, a return…); a store's own intents answer
/// with their `answer`.
public struct BotIntent: Sendable, Equatable, Codable {
    public var name: String
    public var examples: [String]
    /// The reply to a store's own intent; nil for built-in intents, whose work decides the reply.
    public var answer: String?

    public init(name: String, examples: [String], answer: String? = nil) {
        self.name = name
        self.examples = examples
        self.answer = answer
    }
}
