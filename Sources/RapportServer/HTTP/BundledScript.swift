import Foundation
import Hummingbird

/// A script shipped in the bundle for other sites' pages to embed (the chat widget, the product
/// snippet): read once, served as JavaScript that browsers keep for five minutes, so a new
/// release reaches the shops' pages soon.
struct BundledScript: Sendable {
    let body: ByteBuffer

    /// The script, with each `// @include name.js` line replaced by that bundled file (the
    /// snippets' shared helpers, kept once in the source).
    init(resource: String) {
        var text = Self.read(resource)
        while let marker = text.range(of: #"[ \t]*// @include ([a-z-]+)\.js\n"#, options: .regularExpression) {
            let line = text[marker]
            let name = line.split(separator: " ").last.map { String($0.dropLast(4)) } ?? ""
            text.replaceSubrange(marker, with: Self.read(name))
        }
        body = ByteBuffer(string: text)
    }

    private static func read(_ resource: String) -> String {
        let url = Bundle.module.url(forResource: resource, withExtension: "js")
        return url.flatMap { try? String(contentsOf: $0, encoding: .utf8) } ?? ""
    }

    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/javascript; charset=utf-8"
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}
