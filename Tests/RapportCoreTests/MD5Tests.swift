import RapportCore
import Testing

@Suite("MD5 (RFC 1321) and the draws made from it")
struct MD5Tests {
    static func hex(_ text: String) -> String {
        MD5.digest(Array(text.utf8)).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
        }.joined()
    }

    @Test("the test suite of RFC 1321 §A.5, and inputs either side of a block's padding")
    func vectors() {
        #expect(Self.hex("") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(Self.hex("a") == "0cc175b9c0f1b6a831c399e269772661")
        #expect(Self.hex("abc") == "900150983cd24fb0d6963f7d28e17f72")
        #expect(Self.hex("message digest") == "f96b697d7cb7938d525a2f31aaf161d0")
        #expect(Self.hex("abcdefghijklmnopqrstuvwxyz") == "c3fcd3d76192e4007dfb496cca67e13b")
        #expect(Self.hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") == "d174ab98d277d9f5a5611c2c9f419d9f")
        #expect(
            Self.hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890") == "57edf4a22be3c955ac49da2e2107b67a")
        // 55 bytes pad within one block, 56 need a second.
        #expect(Self.hex(String(repeating: "x", count: 55)) == "04364420e25c512fd958a70738aa8f72")
        #expect(Self.hex(String(repeating: "x", count: 56)) == "668a72d5ba17f08e62dabcafad6db14b")
        #expect(Self.hex(String(repeating: "x", count: 64)) == "c1bb4f81d892b2d57947682aeb252456")
    }

    @Test("a draw is the first 52 bits of the MD5 of the campaign, a space and the customer, over 2^52 (what PostgreSQL's md5() gives)")
    func draw() {
        #expect(CampaignRecipientRule.draw(customerID: "cus_1", campaignID: "cmp_a") == Double(0xced3eb27ec578) / 4_503_599_627_370_496, "md5('cmp_a cus_1') = ced3eb27ec578676…")
        #expect(CampaignRecipientRule.draw(customerID: "cus_1", campaignID: "cmp_a/test") == Double(0xf08b927dacd84) / 4_503_599_627_370_496)
    }
}
