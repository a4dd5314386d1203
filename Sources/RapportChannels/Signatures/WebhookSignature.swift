import Crypto
import Foundation

/// Webhook signatures, checked over the raw body before anything is decoded, in constant time.
public enum WebhookSignature {
    /// Shopify's `X-Shopify-Hmac-Sha256` and WooCommerce's `X-WC-Webhook-Signature`:
    /// base64 of HMAC-SHA256 of the raw body under the shared secret.
    public static func isValidBase64HMACSHA256(_ signature: String, body: some DataProtocol, secret: String) -> Bool {
        guard let given = Data(base64Encoded: signature.trimmingCharacters(in: .whitespaces)) else { return false }
        let key = SymmetricKey(data: Data(secret.utf8))
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: body, using: key)
    }

    /// SendGrid's Event Webhook: `X-Twilio-Email-Event-Webhook-Signature` is a base64 DER
    /// ECDSA P-256 / SHA-256 signature over the `…-Timestamp` header followed by the raw body,
    /// checked with the public key SendGrid shows (base64 DER).
    public static func isValidSendGridEventSignature(_ signature: String, timestamp: String, body: some DataProtocol, publicKey: String) -> Bool {
        guard let keyData = Data(base64Encoded: publicKey.trimmingCharacters(in: .whitespaces)),
            let key = try? P256.Signing.PublicKey(derRepresentation: keyData),
            let signatureData = Data(base64Encoded: signature.trimmingCharacters(in: .whitespaces)),
            let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signatureData)
        else { return false }
        return key.isValidSignature(parsed, for: Data(timestamp.utf8) + Data(body))
    }

    /// Meta's `X-Hub-Signature-256` (WhatsApp, Messenger, Instagram): `sha256=` and the hex
    /// HMAC-SHA256 of the raw body under the app secret.
    public static func isValidMetaSignature(_ header: String, body: some DataProtocol, appSecret: String) -> Bool {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("sha256="), let given = hexBytes(trimmed.dropFirst(7)) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: body, using: SymmetricKey(data: Data(appSecret.utf8)))
    }

    /// Twilio's `X-Twilio-Signature`: base64 of HMAC-SHA1, under the auth token, of the full
    /// URL Twilio called followed by each POST parameter's name and value, sorted by name.
    public static func isValidTwilioSignature(_ header: String, url: String, parameters: [(String, String)], authToken: String) -> Bool {
        guard let given = Data(base64Encoded: header.trimmingCharacters(in: .whitespaces)) else { return false }
        return HMAC<Insecure.SHA1>.isValidAuthenticationCode(
            given, authenticating: Data(twilioSignedText(url: url, parameters: parameters).utf8),
            using: SymmetricKey(data: Data(authToken.utf8)))
    }

    /// The signature Twilio would send for this request (used by the tests' fake Twilio).
    public static func twilioSignature(url: String, parameters: [(String, String)], authToken: String) -> String {
        let code = HMAC<Insecure.SHA1>.authenticationCode(
            for: Data(twilioSignedText(url: url, parameters: parameters).utf8), using: SymmetricKey(data: Data(authToken.utf8)))
        return Data(code).base64EncodedString()
    }

    private static func twilioSignedText(url: String, parameters: [(String, String)]) -> String {
        parameters.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.reduce(url) { $0 + $1.0 + $1.1 }
    }

    /// Mailgun's route signature: hex HMAC-SHA256 of `timestamp + token` under the signing key.
    public static func isValidMailgunSignature(_ signature: String, timestamp: String, token: String, signingKey: String) -> Bool {
        guard let given = hexBytes(Substring(signature)) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(
            given, authenticating: Data((timestamp + token).utf8), using: SymmetricKey(data: Data(signingKey.utf8)))
    }

    /// Hex HMAC-SHA256 of `message` under `secret`: Meta-style signatures, the web chat's
    /// identity verification and Rapport's own outgoing webhooks.
    public static func hexHMACSHA256(_ message: some DataProtocol, secret: String) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8))))
    }

    /// Whether `given` is the hex HMAC-SHA256 of `message`, compared in constant time.
    public static func isValidHexHMACSHA256(_ given: String, message: some DataProtocol, secret: String) -> Bool {
        guard let bytes = hexBytes(Substring(given)) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: message, using: SymmetricKey(data: Data(secret.utf8)))
    }

    /// Rapport's outgoing `Rapport-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
    /// "<t>.<body>">`. Receivers recompute it and reject old timestamps to stop replays.
    public static func outgoingSignature(secret: String, timestamp: Int64, body: String) -> String {
        "t=\(timestamp),v1=\(hexHMACSHA256(Data("\(timestamp).\(body)".utf8), secret: secret))"
    }

    /// Whether two secrets are equal, taking the same time wherever they differ.
    public static func constantTimeEquals(_ given: String, _ expected: String) -> Bool {
        let left = Array(given.utf8)
        let right = Array(expected.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexBytes(_ text: Substring) -> Data? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0, !utf8.isEmpty else { return nil }
        var data = Data(capacity: utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            data.append(high << 4 | low)
            index += 2
        }
        return data
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
