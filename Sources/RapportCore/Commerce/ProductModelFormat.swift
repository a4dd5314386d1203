/// The two files a product's 3D and AR views need: a glTF binary (`.glb`) that Android's Scene
/// Viewer opens, and a USDZ package that iOS's AR Quick Look opens. A product has at most one
/// of each.
public enum ProductModelFormat: String, Sendable, CaseIterable, Codable {
    case glb
    case usdz

    /// The media type it is served with (IANA: `model/gltf-binary`, `model/vnd.usdz+zip`).
    public var contentType: String {
        switch self {
        case .glb: "model/gltf-binary"
        case .usdz: "model/vnd.usdz+zip"
        }
    }

    /// Whether an upload's `Content-Type` may carry this format: its own type, or the generic
    /// `application/octet-stream` most tools send for a file.
    public func accepts(contentType: String) -> Bool {
        let mediaType = MediaType.essence(of: contentType)
        return mediaType == self.contentType || mediaType == "application/octet-stream"
            || (self == .usdz && mediaType == "model/usd")
    }

    /// What the shop's snippet offers with it.
    public var viewer: String {
        switch self {
        case .glb: "Scene Viewer (Android)"
        case .usdz: "AR Quick Look (iOS)"
        }
    }
}
