/// One answer a choice question offers: the value stored, the words shown, and the quiz
/// results picking it counts towards.
public struct FormOption: Sendable, Equatable, Codable {
    public var value: String
    public var label: String
    public var results: [String]

    public init(value: String, label: String, results: [String] = []) {
        self.value = value
        self.label = label
        self.results = results
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decode(String.self, forKey: .value)
        label = try container.decode(String.self, forKey: .label)
        results = try container.decodeIfPresent([String].self, forKey: .results) ?? []
    }
}
