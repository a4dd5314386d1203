import Foundation

/// `Example User <test@example.com>`, `"User, Example" <t@e.com>` or a bare address.
public struct EmailAddress: Sendable, Equatable {
    public var name: String?
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }

    /// The first address of a header value.
    public static func parse(_ value: String) -> EmailAddress? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), let close = trimmed.lastIndex(of: ">"), open < close {
            let address = trimmed[trimmed.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            return address.contains("@") ? EmailAddress(name: name.isEmpty ? nil : name, address: address) : nil
        }
        let first = trimmed.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return first.contains("@") ? EmailAddress(name: nil, address: first) : nil
    }

    /// For a header: `"Name" <address>` (the name quoted when it is plain visible ASCII, else
    /// RFC 2047 encoded words, so a name can never carry a line break into the header).
    public var headerValue: String {
        guard let name, !name.isEmpty else { return address }
        if name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" }) {
            return "\"\(name)\" <\(address)>"
        }
        return HeaderText.encodedWords(name).joined(separator: " ") + " <\(address)>"
    }
}

