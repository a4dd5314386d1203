import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportCore

/// A product's 3D files: `GET /api/v1/products/{id}/models`, `PUT` and `DELETE
/// /api/v1/products/{id}/models/{format}` (`glb` or `usdz`; the body is the file itself).
struct ProductModelRoutes {
    let commerce: CommerceService
    let links: ProductModelLinks

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("products/:id/models", use: list)
        group.put("products/:id/models/:format", requiring: .changeOrders, use: put)
        group.delete("products/:id/models/:format", requiring: .changeOrders, use: remove)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let models = try await commerce.models(productID: try PathID.require(context, .product, "product"), as: context.actor)
        return try JSONResponse.make(ListResponse(
            data: models.map { ProductModelResponse($0, url: links.file($0, request: request)) }, hasMore: false, lastID: nil))
    }

    @Sendable func put(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let productID = try PathID.require(context, .product, "product")
        let format = try Self.format(context)
        let given = request.headers[.contentType] ?? ""
        guard format.accepts(contentType: given) else {
            throw HTTPError(
                .unsupportedMediaType,
                message: "Send the file itself as the body, with Content-Type \(format.contentType) (or application/octet-stream), not \(given.isEmpty ? "none" : given).")
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: ProductModelFile.maximumBytes)
        } catch is NIOTooManyBytesError {
            throw BodyError.tooLarge("A 3D file may be at most \(ProductModelFile.maximumBytes >> 20) MiB.")
        }
        let bytes = Array(body.readableBytesView)
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        let model = try await commerce.putModel(productID: productID, format: format, bytes: bytes, sha256: digest, as: context.actor)
        return try JSONResponse.make(ProductModelResponse(model, url: links.file(model, request: request)))
    }

    @Sendable func remove(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try await commerce.removeModel(productID: try PathID.require(context, .product, "product"), format: try Self.format(context), as: context.actor)
        return Response(status: .noContent)
    }

    private static func format(_ context: AuthenticatedRequestContext) throws -> ProductModelFormat {
        let given = try context.parameters.require("format")
        guard let format = ProductModelFormat(rawValue: given) else {
            throw RapportError.notFound("Products carry glb and usdz files, not \(given.prefix(20)).")
        }
        return format
    }
}
