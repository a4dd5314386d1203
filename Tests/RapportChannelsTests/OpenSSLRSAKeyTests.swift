import Crypto
import Foundation
import Testing
import _CryptoExtras

@testable import RapportChannels

@Suite("RSA signatures through OpenSSL")
struct OpenSSLRSAKeyTests {
    #if os(Linux)
    @Test("OpenSSL's signature is swift-crypto's, byte for byte (PKCS#1 v1.5 is deterministic), signing from eight tasks at once with one key")
    func sameBytes() async throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let openSSL = try #require(OpenSSLRSAKey(der: Array(key.derRepresentation)))
        let digests = (0..<64).map { Array(SHA256.hash(data: Data("message \($0)".utf8))) }
        let signed = await withTaskGroup(of: [(Int, [UInt8]?)].self) { group in
            for part in 0..<8 {
                group.addTask { (part * 8..<part * 8 + 8).map { ($0, openSSL.signature(ofSHA256: digests[$0])) } }
            }
            return await group.reduce(into: [Int: [UInt8]?]()) { all, part in for (index, signature) in part { all[index] = signature } }
        }
        for (index, digest) in digests.enumerated() {
            let expected = try key.signature(for: SHA256.hash(data: Data("message \(index)".utf8)), padding: .insecurePKCS1v1_5)
            #expect(signed[index] == Array(expected.rawRepresentation), "message \(index)")
            #expect(digest.count == 32)
        }
        #expect(openSSL.signature(ofSHA256: [1, 2, 3]) == nil, "only a SHA-256 hash is signed")
        #expect(OpenSSLRSAKey(der: [0x30, 0x03, 0x02, 0x01, 0x00]) == nil, "bytes that are no key")
    }
    #endif
}
