import Foundation
import Hummingbird

/// `/assets/{name}`: the workspace's stylesheet and script modules, read once from the bundle,
/// cached by browsers for an hour.
struct AssetRoutes {
    static let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml"]
    let files: [String: (ByteBuffer, String)]

    init() throws {
        guard let folder = Bundle.module.url(forResource: "assets", withExtension: nil) else { throw WebTemplateError.missing("assets") }
        var files: [String: (ByteBuffer, String)] = [:]
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) {
            guard let type = Self.types[file.pathExtension] else { continue }
            files[file.lastPathComponent] = (ByteBuffer(bytes: try Data(contentsOf: file)), type)
        }
        self.files = files
    }

    func register(on group: RouterGroup<RapportRequestContext>) {
        group.get("assets/:name") { _, context in
            guard let (body, type) = files[try context.parameters.require("name")] else { throw HTTPError(.notFound) }
            var headers = HTTPFields()
            headers[.contentType] = type
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
        }
    }
}
