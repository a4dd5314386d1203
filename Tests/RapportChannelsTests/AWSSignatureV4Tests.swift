import Foundation
import Testing

@testable import RapportChannels

/// AWS Signature Version 4 against AWS's own test suite (aws-sig-v4-test-suite, 2015-08-30):
/// credentials `AKIDEXAMPLE` / `wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY`, region `us-east-1`,
/// service `service`, at 20150830T123600Z. The expected `Authorization` values are the suite's
/// `get-vanilla`, `post-vanilla` and `post-x-www-form-urlencoded` cases as AWS ships them in
/// aws/aws-sdk-js-v3 `packages/signature-v4/src/suite.fixture.ts`; `get-vanilla`'s canonical
/// request is the suite's `get-vanilla.creq` (awslabs/aws-c-auth
/// `tests/aws-signing-test-suite/v4/get-vanilla/`).
@Suite("AWS Signature Version 4")
struct AWSSignatureV4Tests {
    static let signer = AWSSignatureV4(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "service")
    static let signedAt = Date(timeIntervalSince1970: 1_440_938_160)
    static let scope = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request"

    @Test("get-vanilla: the suite's canonical request and signature")
    func getVanilla() {
        let headers = [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")]
        let canonical = Self.signer.canonicalRequest(method: "GET", path: "/", query: "", headers: headers, body: [])
        #expect(canonical.text == [
            "GET", "/", "", "host:example.amazonaws.com", "x-amz-date:20150830T123600Z", "", "host;x-amz-date",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ].joined(separator: "\n"))
        #expect(Self.signer.authorization(method: "GET", path: "/", headers: headers, body: []) ==
            "\(Self.scope), SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test("post-vanilla: the same request as a POST, signed from its URL and the instant (Host and X-Amz-Date added)")
    func postVanilla() throws {
        let headers = try #require(Self.signer.signedHeaders(method: "POST", url: "https://example.amazonaws.com/", headers: [], body: [], at: Self.signedAt))
        #expect(headers.first { $0.0 == "X-Amz-Date" }?.1 == "20150830T123600Z")
        #expect(headers.first { $0.0 == "Host" }?.1 == "example.amazonaws.com")
        #expect(headers.first { $0.0 == "Authorization" }?.1 ==
            "\(Self.scope), SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")
    }

    @Test("post-x-www-form-urlencoded: the body's hash and its Content-Type are signed")
    func postWithBody() throws {
        let body = Array("Param1=value1".utf8)
        let headers = try #require(Self.signer.signedHeaders(
            method: "POST", url: "https://example.amazonaws.com/", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: body,
            at: Self.signedAt))
        #expect(headers.first { $0.0 == "Authorization" }?.1 ==
            "\(Self.scope), SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a")
        let changed = Self.signer.authorization(method: "POST", path: "/", headers: Array(headers.dropLast()), body: Array("Param1=value2".utf8))
        #expect(!changed.hasSuffix("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"), "another body, another signature")
    }

    @Test("a port goes into the signed Host; header values are trimmed and their inner white space made one space")
    func hostPortAndValues() throws {
        let headers = try #require(Self.signer.signedHeaders(method: "POST", url: "http://127.0.0.1:8443/v2/email/outbound-emails", headers: [], body: [], at: Self.signedAt))
        #expect(headers.first { $0.0 == "Host" }?.1 == "127.0.0.1:8443")
        let fields = AWSSignatureV4.canonicalHeaders([("My-Header1", "  a   b \t c  "), ("my-header1", "d")])
        #expect(fields.map { $0.name } == ["my-header1"] && fields.first?.value == "a b c,d")
        #expect(AWSSignatureV4.canonicalQuery("Param2=value2&Param1=value%201") == "Param1=value%201&Param2=value2")
    }
}
