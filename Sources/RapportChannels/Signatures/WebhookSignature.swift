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
}
