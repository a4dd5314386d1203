import Foundation

/// What a company's fields must be: a name of 1 to 200 characters; a domain read from a host or
/// a URL (`https://www.Example.com/shop` is `example.com`); a country as two letters; an
/// industry of at most 100 characters; a role of at most 100.
enum CompanyRules {
    static let maximumNameLength = 200
    static let maximumIndustryLength = 100
    static let maximumRoleLength = 100

    static func name(_ text: String) throws -> String {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty, trimmed.count <= maximumNameLength, !trimmed.contains(where: \.isNewline) else {
            throw RapportError.invalid(field: "name", "is required: 1 to \(maximumNameLength) characters on one line")
        }
        return trimmed
    }

    /// The host, lower case, without a scheme, a path, a port or a leading `www.`.
    static func domain(_ text: String) throws -> String {
        var host = text.trimmed.lowercased()
        if let scheme = host.range(of: "://") { host = String(host[scheme.upperBound...]) }
        if let end = host.firstIndex(where: { "/?#:".contains($0) }) { host = String(host[..<end]) }
        if host.hasPrefix("www.") { host = String(host.dropFirst(4)) }
        if host.hasSuffix(".") { host = String(host.dropLast()) }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard host.count <= 253, labels.count >= 2,
            labels.allSatisfy({ label in
                (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                    && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            })
        else { throw RapportError.invalid(field: "domain", "must be a web domain such as example.com") }
        return host
    }

    static func country(_ text: String) throws -> String {
        let code = text.trimmed.uppercased()
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw RapportError.invalid(field: "country", "must be an ISO 3166 two-letter code such as DE")
        }
        return code
    }
}
