import Foundation
import RapportChannels
import Testing

/// The providers' published signature vectors (listed in Tests/RapportServerTests/Fixtures/README.md).
@Suite("Signature vectors")
struct SignatureVectorTests {
    @Test("Meta's X-Hub-Signature-256 vector verifies, and a changed body does not")
    func meta() {
        let header = "sha256=0329a06b62cd16b33eb6792be8c60b158d89a2ee3a876fce9a881ebb488c0914"
        #expect(WebhookSignature.isValidMetaSignature(header, body: Data("test".utf8), appSecret: "secret"))
        #expect(!WebhookSignature.isValidMetaSignature(header, body: Data("test!".utf8), appSecret: "secret"))
        #expect(!WebhookSignature.isValidMetaSignature("0329a06b", body: Data("test".utf8), appSecret: "secret"))
    }

    @Test("Twilio's published X-Twilio-Signature vector verifies whatever the parameter order")
    func twilio() {
        let parameters = [
            ("To", "+18005551212"), ("CallSid", "CA1234567890ABCDE"), ("Caller", "+14158675309"), ("Digits", "1234"),
            ("From", "+14158675309"),
        ]
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
        #expect(WebhookSignature.isValidTwilioSignature("RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: url, parameters: parameters, authToken: "12345"))
        #expect(WebhookSignature.twilioSignature(url: url, parameters: parameters.reversed(), authToken: "12345") == "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
        #expect(!WebhookSignature.isValidTwilioSignature("RSOYDt4T1cUTdK1PDd93/VVr8B8=", url: url + "&x=1", parameters: parameters, authToken: "12345"))
    }

    @Test("Mailgun's signature vector verifies")
    func mailgun() {
        let signature = "93f914f02443fad634158c3d7bd4c38a0824eb28fadbb2a7853a33cbd405f1ac"
        let token = "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmn"
        #expect(WebhookSignature.isValidMailgunSignature(signature, timestamp: "1700000000", token: token, signingKey: "key-test"))
        #expect(!WebhookSignature.isValidMailgunSignature(signature, timestamp: "1700000001", token: token, signingKey: "key-test"))
    }

    @Test("Rapport's outgoing signature is t=…,v1=hex HMAC-SHA256 of \"t.body\"")
    func outgoing() {
        let header = WebhookSignature.outgoingSignature(secret: "whsec_test", timestamp: 1_700_000_000, body: "{}")
        #expect(header == "t=1700000000,v1=" + WebhookSignature.hexHMACSHA256(Data("1700000000.{}".utf8), secret: "whsec_test"))
        #expect(WebhookSignature.constantTimeEquals("abc", "abc"))
        #expect(!WebhookSignature.constantTimeEquals("abc", "abd"))
        #expect(!WebhookSignature.constantTimeEquals("abc", "abcd"))
    }
}
