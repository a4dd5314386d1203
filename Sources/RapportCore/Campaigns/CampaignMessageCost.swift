/// What one message of the campaign costs to send (the provider's price per e-mail or SMS),
/// in millionths of a major unit of `currency` (800 is 0.0008 USD): the report's cost and
/// return on investment. Kept whole, as Rapport keeps money, never as a binary fraction.
public struct CampaignMessageCost: Sendable, Equatable {
    /// Millionths of a major unit.
    public var micros: Int64
    /// ISO 4217, upper case.
    public var currency: String

    public init(micros: Int64, currency: String) {
        self.micros = micros
        self.currency = currency
    }

    /// `messages` messages' cost in minor units of the currency (cents), rounded half up.
    public func total(messages: Int) -> Int64 {
        var scale: Int64 = 1
        for _ in 0..<max(0, 6 - Currency.minorDigits(currency)) { scale *= 10 }
        return (micros * Int64(messages) + scale / 2) / scale
    }

    /// As the API writes it: the amount in major units.
    public var json: JSONValue {
        .object(["amount": .number(Double(micros) / 1_000_000), "currency": .string(currency)])
    }
}
