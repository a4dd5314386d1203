import Foundation
import Hummingbird

/// HTTP Basic credentials as providers send them (`user:password` from the URL): the decoded
/// `user:password`, or nil when the request has none.
enum BasicCredentials {
    static func of(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces))
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
