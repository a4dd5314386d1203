import Foundation

/// The PEM text form of a key (RFC 7468): a `-----BEGIN <label>-----` line, base64 DER in lines
/// of 64 characters, and the matching END line.
enum DKIMKeyPEM {
    /// The label and DER bytes of the first PEM block in `text`. Encrypted keys (with
    /// `Proc-Type:` headers) are refused: Rapport stores keys it can read unattended.
    static func decode(_ text: String) throws -> (label: String, der: [UInt8]) {
        var label: String?
        var base64 = ""
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let open = label {
                if line == "-----END \(open)-----" {
                    guard let der = Data(base64Encoded: base64), !der.isEmpty else {
                        throw DKIMError.unreadableKey("the PEM block's base64 does not decode")
                    }
                    return (open, Array(der))
                }
                guard !line.contains(":") else { throw DKIMError.unreadableKey("encrypted PEM keys are not supported; export it without a passphrase") }
                base64 += line
            } else if line.hasPrefix("-----BEGIN "), line.hasSuffix("-----"), line.count > 16 {
                label = String(line.dropFirst(11).dropLast(5))
            }
        }
        throw DKIMError.unreadableKey(label == nil ? "no PEM block (-----BEGIN …-----) was found" : "the PEM block has no END line")
    }

    static func encode(label: String, der: [UInt8]) -> String {
        let base64 = Array(Data(der).base64EncodedString().utf8)
        let lines = stride(from: 0, to: base64.count, by: 64).map { start in
            String(decoding: base64[start..<min(start + 64, base64.count)], as: UTF8.self)
        }
        return "-----BEGIN \(label)-----\n" + lines.joined(separator: "\n") + "\n-----END \(label)-----\n"
    }
}
