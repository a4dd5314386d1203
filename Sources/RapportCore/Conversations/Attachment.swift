/// A file that came with or goes with a message: Rapport keeps its metadata and where to
/// fetch it (a provider media id or a URL), not the bytes.
public struct Attachment: Sendable, Equatable, Codable {
    public var type: String
    public var url: String?
    public var providerMediaID: String?
    public var mimeType: String?
    public var filename: String?
    public var size: Int?
    public var caption: String?

    public init(
        type: String, url: String? = nil, providerMediaID: String? = nil, mimeType: String? = nil, filename: String? = nil,
        size: Int? = nil, caption: String? = nil
    ) {
        self.type = type
        self.url = url
        self.providerMediaID = providerMediaID
        self.mimeType = mimeType
        self.filename = filename
        self.size = size
        self.caption = caption
    }

    enum CodingKeys: String, CodingKey {
        case type, url
        // Stored through JSONCoding, which turns camelCase into snake_case and back.
        case providerMediaID = "providerMediaId"
        case mimeType
        case filename, size, caption
    }
}
