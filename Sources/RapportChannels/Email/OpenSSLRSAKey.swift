#if canImport(COpenSSL)
import COpenSSL

/// An RSA private key held by the system's OpenSSL, for RSASSA-PKCS1-v1_5 signatures over a
/// SHA-256 hash (what DKIM's rsa-sha256 signs). OpenSSL 3 signs a 2048-bit hash here in about
/// 240 µs against swift-crypto's 640 µs (ADR 0012); the signatures are the same bytes, since
/// PKCS#1 v1.5 is deterministic.
///
/// `@unchecked Sendable`: the key is never changed after it is read, and OpenSSL lets threads
/// share an unchanging key, each signing with a context of its own.
final class OpenSSLRSAKey: @unchecked Sendable {
    private let key: OpaquePointer

    /// The key from DER: PKCS#1 (`RSA PRIVATE KEY`) or PKCS#8 (`PRIVATE KEY`); nil when OpenSSL
    /// reads no RSA key from it.
    init?(der: [UInt8]) {
        let read: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_AutoPrivateKey(nil, &cursor, buffer.count)
        }
        guard let read else {
            ERR_clear_error()
            return nil
        }
        guard EVP_PKEY_get_base_id(read) == EVP_PKEY_RSA else {
            EVP_PKEY_free(read)
            return nil
        }
        key = read
    }

    deinit {
        EVP_PKEY_free(key)
    }

    /// The signature of a 32-byte SHA-256 hash; nil when OpenSSL refuses.
    func signature(ofSHA256 digest: [UInt8]) -> [UInt8]? {
        guard digest.count == 32, let context = EVP_PKEY_CTX_new(key, nil) else { return nil }
        defer {
            EVP_PKEY_CTX_free(context)
            // A refusal leaves its reasons on this thread's error queue; they must not linger
            // into the next call that reads it.
            ERR_clear_error()
        }
        guard EVP_PKEY_sign_init(context) == 1, EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PADDING) == 1,
            EVP_PKEY_CTX_set_signature_md(context, EVP_sha256()) == 1
        else { return nil }
        var length = 0
        guard EVP_PKEY_sign(context, nil, &length, digest, digest.count) == 1 else { return nil }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_PKEY_sign(context, &signature, &length, digest, digest.count) == 1 else { return nil }
        return Array(signature.prefix(length))
    }
}
#else
/// Without OpenSSL (other than Linux) `DKIMKey` signs with swift-crypto: no key is ever read here.
final class OpenSSLRSAKey: Sendable {
    init?(der: [UInt8]) { nil }

    func signature(ofSHA256 digest: [UInt8]) -> [UInt8]? { nil }
}
#endif
