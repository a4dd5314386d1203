import Crypto
import Foundation

/// Signs a test body the way WooCommerce does: base64 of HMAC-SHA256 under the secret.
enum WebhookSignatureVector {
    static func sign(_ body: String, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(code).base64EncodedString()
    }
}
