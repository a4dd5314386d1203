import Foundation
import Hummingbird

/// A script shipped in the bundle for other sites' pages to embed (the chat widget, the product
/// snippet): read once, served as JavaScript that browsers keep for five minutes, so a new
/// release reaches the shops' pages soon.
struct BundledScript: Sendable {
    let body: ByteBuffer

    init(resource: String) {
        let url = Bundle.module.url(forResource: resource, withExtension: "js")
        body = ByteBuffer(bytes: url.flatMap { try? Data(contentsOf: $0) } ?? Data())
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/javascript; charset=utf-8"
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}
