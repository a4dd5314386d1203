import Crypto
import Foundation

/// AWS Signature Version 4 in the `Authorization` header, as Amazon SES's API (and every AWS
/// API) wants its requests signed:
/// 1. the canonical request: the method, the path (each segment URI-encoded once more, as
///    every service but S3 expects), the query sorted, each signed header as `name:value`
///    (names lower-cased and sorted, values trimmed with inner runs of white space made one
///    space, repeated names joined by commas), the signed names, and the payload's SHA-256;
/// 2. the string to sign: the algorithm, `X-Amz-Date`, the credential scope
///    (`day/region/service/aws4_request`) and the canonical request's SHA-256;
/// 3. the signature: HMAC-SHA256 of that string under a key derived from the secret by HMACs
///    of the day, the region, the service and `aws4_request`.
/// Every header given is signed; `host` and `x-amz-date` must be among them. Paths are taken
/// as they go on the wire and are not normalised (`.` and `..` segments are left alone).
public struct AWSSignatureV4: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"

    public var accessKeyID: String
    public var secretAccessKey: String
    public var region: String
    public var service: String

    public init(accessKeyID: String, secretAccessKey: String, region: String, service: String) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.region = region
        self.service = service
    }

    /// An instant as `X-Amz-Date` writes it: `20150830T123600Z`, in UTC.
    public static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// `headers` with `Host` (the URL's host, and its port when it has one), `X-Amz-Date` (`date`)
    /// and `Authorization` added, every one of them signed, for a request to `url` with `body`;
    /// nil when the URL has no host. `Host` is sent as given here, so what the server reads is
    /// what was signed.
    public func signedHeaders(method: String, url: String, headers: [(String, String)], body: [UInt8], at date: Date) -> [(String, String)]? {
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else { return nil }
        let authority = components.port.map { "\(host):\($0)" } ?? host
        let signed = headers + [("Host", authority), ("X-Amz-Date", Self.timestamp(date))]
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        let value = authorization(method: method, path: path, query: components.percentEncodedQuery ?? "", headers: signed, body: body)
        return signed + [("Authorization", value)]
    }

    /// The `Authorization` header's value for a request: `path` and `query` as on the wire
    /// (percent-encoded), `headers` the ones to sign, with `x-amz-date` among them. A server
    /// checking a request computes it from what it received and compares.
    public func authorization(method: String, path: String, query: String = "", headers: [(String, String)], body: [UInt8]) -> String {
        let canonical = canonicalRequest(method: method, path: path, query: query, headers: headers, body: body)
        let amzDate = Self.canonicalHeaders(headers).first { $0.name == "x-amz-date" }?.value ?? ""
        let scope = "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
        let stringToSign = [Self.algorithm, amzDate, scope, Self.hex(SHA256.hash(data: Data(canonical.text.utf8)))].joined(separator: "\n")
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: signingKey(day: String(amzDate.prefix(8)))))
        return "\(Self.algorithm) Credential=\(accessKeyID)/\(scope), SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
    }

    /// The canonical request (step 1) and the signed header names, `;`-separated.
    func canonicalRequest(method: String, path: String, query: String, headers: [(String, String)], body: [UInt8]) -> (text: String, signedHeaders: String) {
        let fields = Self.canonicalHeaders(headers)
        let signedHeaders = fields.map { $0.name }.joined(separator: ";")
        let text = [
            method.uppercased(), Self.canonicalPath(path), Self.canonicalQuery(query),
            fields.map { "\($0.name):\($0.value)\n" }.joined(), signedHeaders, Self.hex(SHA256.hash(data: Data(body))),
        ].joined(separator: "\n")
        return (text, signedHeaders)
    }

    /// The key of step 3: HMAC-SHA256 chained from `AWS4` + the secret over the day, the region,
    /// the service and `aws4_request`.
    func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    /// Names lower-cased and sorted, values trimmed with runs of white space made one space;
    /// the values of a repeated name joined by commas in the order given.
    static func canonicalHeaders(_ headers: [(String, String)]) -> [(name: String, value: String)] {
        var values: [String: [String]] = [:]
        for (name, value) in headers {
            values[name.lowercased(), default: []].append(value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " "))
        }
        return values.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value.joined(separator: ",")) }
    }

    /// Each segment of the wire path URI-encoded again; `/` for an empty path.
    static func canonicalPath(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        return path.split(separator: "/", omittingEmptySubsequences: false).map { uriEncode(String($0)) }.joined(separator: "/")
    }

    /// The query's parameters decoded, URI-encoded, and sorted by name, then value.
    static func canonicalQuery(_ query: String) -> String {
        let pairs = query.split(separator: "&").map { pair -> (name: String, value: String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0) }
            let decoded = parts.map { $0.removingPercentEncoding ?? $0 }
            return (uriEncode(decoded[0]), decoded.count > 1 ? uriEncode(decoded[1]) : "")
        }
        return pairs.sorted { $0.name == $1.name ? $0.value < $1.value : $0.name < $1.name }.map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
    }

    /// Every byte but the unreserved ones (`A-Z a-z 0-9 - _ . ~`) as `%XX`, upper-case hex.
    static func uriEncode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += String(format: "%%%02X", byte)
            }
        }
        return encoded
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
