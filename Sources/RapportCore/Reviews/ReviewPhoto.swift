/// A photo a customer added to a review, kept as where it is and what is known of it (the
/// shop or its old review platform hosts the file; Rapport stores no images): an https
/// address, its size in pixels when given, and a description for those who cannot see it.
public struct ReviewPhoto: Sendable, Equatable, Codable {
    public var url: String
    public var width: Int?
    public var height: Int?
    public var alt: String?

    public init(url: String, width: Int? = nil, height: Int? = nil, alt: String? = nil) {
        self.url = url
        self.width = width
        self.height = height
        self.alt = alt
    }
}
