/// One outcome of a quiz (or a form's single thank-you result): what the person is told and
/// the products recommended to them, by Rapport's id or the shop's own.
public struct FormResult: Sendable, Equatable, Codable {
    public var key: String
    public var title: String
    public var text: String?
    public var productIDs: [String]

    public init(key: String, title: String, text: String? = nil, productIDs: [String] = []) {
        self.key = key
        self.title = title
        self.text = text
        self.productIDs = productIDs
    }

    enum CodingKeys: String, CodingKey {
        case key, title, text
        case productIDs = "product_ids"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        title = try container.decode(String.self, forKey: .title)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        productIDs = try container.decodeIfPresent([String].self, forKey: .productIDs) ?? []
    }
}
