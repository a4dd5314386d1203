import Crypto
import Foundation
import RapportCore
import RapportStore
import Testing

@Suite("Link signatures")
struct LinkSignatureTests {
    @Test("a signature is 43 characters of the URL alphabet (RFC 4648 §5, no padding), valid for its text only, and under a kept old key")
    func urlAlphabet() {
        let old = SymmetricKey(size: .bits256)
        let signer = HMACLinkSigner(box: SecretBox(current: SymmetricKey(size: .bits256), previous: [old]))
        let before = HMACLinkSigner(box: SecretBox(current: old))
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var seen = Set<Character>()
        for n in 0..<500 {
            let text = "send_\(n) \(UUID().uuidString)"
            let signature = signer.signature(of: text)
            #expect(signature.count == 43 && signature.allSatisfy(alphabet.contains), "\(signature)")
            seen.formUnion(signature)
            #expect(signer.isValid(signature, of: text))
            #expect(!signer.isValid(signature, of: text + "x"))
            #expect(signer.isValid(before.signature(of: text), of: text), "signed before the key was rotated")
        }
        #expect(seen.contains("-") && seen.contains("_"), "500 signatures use both URL-safe characters")
    }
}
