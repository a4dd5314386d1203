/// A level of the programme a customer reaches with enough qualifying points (`silver` from
/// 500). Qualifying points are those earned and not reversed; spending them does not lower a
/// tier. A tier may multiply what its customers' orders earn (`Gold` earns 1.5 times).
public struct LoyaltyTier: Sendable, Equatable, Codable {
    public var name: String
    public var minimumPoints: Int64
    /// What the tier multiplies an order's points per currency unit by, in hundredths (150:
    /// one and a half times); 100 multiplies nothing.
    public var multiplierHundredths: Int64

    public init(name: String, minimumPoints: Int64, multiplierHundredths: Int64 = 100) {
        self.name = name
        self.minimumPoints = minimumPoints
        self.multiplierHundredths = multiplierHundredths
    }

    enum CodingKeys: String, CodingKey {
        case name, minimumPoints, multiplierHundredths
    }

    /// A tier stored before multipliers existed multiplies nothing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        minimumPoints = try container.decode(Int64.self, forKey: .minimumPoints)
        multiplierHundredths = try container.decodeIfPresent(Int64.self, forKey: .multiplierHundredths) ?? 100
    }
}
