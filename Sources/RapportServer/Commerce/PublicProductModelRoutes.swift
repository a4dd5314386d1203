import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportCore

/// An active product's 3D files for anyone: the shop's visitors' phones and Google's Scene
/// Viewer fetch them from the shop's pages, so they are readable from any origin, without
/// credentials. The digest is the `ETag` (a match is answered 304 without reading the file); an
/// address carrying the current digest (`?v=`, as the API and the snippet hand it out) may be
/// cached for a day, any other for five minutes. Bytes come from `ProductModelFileCache`.
struct PublicProductModelRoutes {
    let commerce: CommerceService
    let files = ProductModelFileCache()

    func register(on group: RouterGroup<RapportRequestContext>) {
        for format in ProductModelFormat.allCases {
            let route = SiteURL.productModel(workspaceID: ":workspace", productID: ":product", format: format).path
            group.get(RouterPath(route)) { request, context in
                try await serve(format, request: request, context: context)
            }
        }
    }

    private func serve(_ format: ProductModelFormat, request: Request, context: RapportRequestContext) async throws -> Response {
        let (workspaceID, productID) = (try context.parameters.require("workspace"), try context.parameters.require("product"))
        var model = try await commerce.publicModel(workspaceID: workspaceID, productID: productID, format: format)
        if let answer = unchanged(model, request: request) { return answer }
        let bytes: ByteBuffer
        do {
            bytes = try await files.file(sha256: model.sha256) { [model] in try await commerce.publicModelBytes(model) }
        } catch RapportError.notFound {
            // Replaced between the two reads: serve the new file.
            model = try await commerce.publicModel(workspaceID: workspaceID, productID: productID, format: format)
            if let answer = unchanged(model, request: request) { return answer }
            bytes = try await files.file(sha256: model.sha256) { [model] in try await commerce.publicModelBytes(model) }
        }
        var headers = Self.headers(model, request: request)
        headers[.contentType] = format.contentType
        headers[.contentLength] = String(bytes.readableBytes)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: bytes))
    }

    /// 304 when the client holds this file already.
    private func unchanged(_ model: ProductModel, request: Request) -> Response? {
        let tag = "\"\(model.sha256)\""
        guard request.headers[.ifNoneMatch]?.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag }) == true else {
            return nil
        }
        return Response(status: .notModified, headers: Self.headers(model, request: request))
    }

    private static func headers(_ model: ProductModel, request: Request) -> HTTPFields {
        var headers = HTTPFields()
        headers[.eTag] = "\"\(model.sha256)\""
        headers[.accessControlAllowOrigin] = "*"
        let current = request.uri.queryParameters.get("v") == String(model.sha256.prefix(16))
        headers[.cacheControl] = current ? "public, max-age=86400" : "public, max-age=300"
        return headers
    }
}
