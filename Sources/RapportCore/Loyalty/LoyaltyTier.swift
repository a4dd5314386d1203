/// A level of the programme a customer reaches with enough qualifying points (`silver` from
/// 500) or, when the programme's tiers count spend, enough spent (`Gold` from 500.00 EUR).
/// Qualifying points are those earned and not reversed; spending them does not lower a tier. A
/// tier may multiply what its customers' orders earn (`Gold` earns 1.5 times).
public struct LoyaltyTier: Sendable, Equatable, Codable {
    public var name: String
    /// Where the tier starts, in what the tiers count (`LoyaltyTierMeasure`): points, or minor
    /// units of the programme's tier currency.
    public var minimum: Int64
    /// What the tier multiplies an order's points per currency unit by, in hundredths (150:
    /// one and a half times); 100 multiplies nothing.
    public var multiplierHundredths: Int64

    public init(name: String, minimum: Int64, multiplierHundredths: Int64 = 100) {
        self.name = name
        self.minimum = minimum
        self.multiplierHundredths = multiplierHundredths
    }

    enum CodingKeys: String, CodingKey {
        case name, multiplierHundredths
        /// Stored under its first name, from before tiers could count spend.
        case minimum = "minimumPoints"
    }

    /// A tier stored before multipliers existed multiplies nothing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        minimum = try container.decode(Int64.self, forKey: .minimum)
        multiplierHundredths = try container.decodeIfPresent(Int64.self, forKey: .multiplierHundredths) ?? 100
    }
}
