import Foundation

/// A `multipart/form-data` body (RFC 7578) of text fields and files, for the APIs that take an
/// upload (Mailgun's `messages.mime` takes the whole message as a file). Names and file names
/// are Rapport's own constants; values go in as they are, so the boundary is random and long
/// enough never to occur in them.
struct MultipartFormBody {
    let boundary = "rapport-form-" + UUID().uuidString
    private var parts: [String] = []

    /// The `Content-Type` header's value that goes with the body.
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The body, with CRLF line ends between the parts.
    var text: String { parts.joined() + "--\(boundary)--\r\n" }

    mutating func addField(_ name: String, _ value: String) {
        parts.append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
    }

    mutating func addFile(_ name: String, filename: String, contentType: String, content: String) {
        parts.append(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n\(content)\r\n")
    }
}
