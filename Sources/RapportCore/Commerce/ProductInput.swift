/// A product as a caller, a shop or an import describes it. Matched to a stored product by
/// `source` and `externalID`; without an external id, the first variant's SKU stands in.
public struct ProductInput: Sendable, Equatable {
    public var source: String
    public var externalID: String?
    public var title: String
    public var description: String?
    public var categories: [String]
    public var imageURL: String?
    public var active: Bool
    public var variants: [ProductVariantInput]

    public init(
        source: String = "api", externalID: String? = nil, title: String, description: String? = nil,
        categories: [String] = [], imageURL: String? = nil, active: Bool = true, variants: [ProductVariantInput]
    ) {
        self.source = source
        self.externalID = externalID
        self.title = title
        self.description = description
        self.categories = categories
        self.imageURL = imageURL
        self.active = active
        self.variants = variants
    }
}
