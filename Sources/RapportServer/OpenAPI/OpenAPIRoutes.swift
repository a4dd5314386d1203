import Foundation
import Hummingbird
import HTTPTypes

/// Serves the OpenAPI document kept in the repository (`Sources/RapportServer/Resources/openapi.json`).
struct OpenAPIRoutes {
    /// The document's bytes, read once from the bundle.
    static let document: ByteBuffer? = Bundle.module.url(forResource: "openapi", withExtension: "json")
        .flatMap { try? Data(contentsOf: $0) }
        .map { ByteBuffer(bytes: $0) }

    func register(on router: Router<RapportRequestContext>) {
        router.get("api/v1/openapi.json") { _, _ -> Response in
            guard let document = Self.document else {
                throw HTTPError(.internalServerError, message: "The OpenAPI document is missing from this build.")
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: document))
        }
    }
}
