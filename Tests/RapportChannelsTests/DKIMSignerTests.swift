import Crypto
import Foundation
import RapportTestSupport
import Testing
import _CryptoExtras

@testable import RapportChannels

/// DKIM signing (RFC 6376, relaxed/relaxed; RFC 8463 for Ed25519). The canonicalization cases
/// and the fixed vectors come from the RFCs themselves (§3.4.5 of RFC 6376, Appendix A of RFC
/// 8463); what Rapport signs is also checked by dkimpy, an independent implementation
/// (`Tests/support/dkim_verify.py`; CI installs `dkimpy pynacl` with pip).
@Suite("DKIM signing")
struct DKIMSignerTests {
    static let sentAt = Date(timeIntervalSince1970: 1_700_000_000)

    /// RFC 8463 Appendix A.2: the Ed25519 private key (the seed of RFC 8032 §7.1's first test
    /// vector) and the published TXT records of both keys.
    static let rfc8463Seed = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A="
    static let rfc8463Ed25519Record = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
    static let rfc8463RSAPublicKey = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB"

    /// RFC 8463 Appendix A.3: the example message signed by football.example.com with Ed25519
    /// (selector brisbane) and RSA (selector test). dkimpy 1.1.8 verifies both signatures with
    /// the A.2 keys, and reproduces the body hash.
    static let rfc8463Message = [
        "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;",
        " d=football.example.com; i=@football.example.com;",
        " q=dns/txt; s=brisbane; t=1528637909; h=from : to :",
        " subject : date : message-id : from : subject : date;",
        " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;",
        " b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus",
        " Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==",
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;",
        " d=football.example.com; i=@football.example.com;",
        " q=dns/txt; s=test; t=1528637909; h=from : to : subject :",
        " date : message-id : from : subject : date;",
        " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;",
        " b=F45dVWDfMbQDGHJFlXUNB2HKfbCeLRyhDXgFpEL8GwpsRe0IeIixNTe3",
        " DhCVlUrSjV4BwcVcOF6+FF3Zo9Rpo1tFOeS9mPYQTnGdaSGsgeefOsk2Jz",
        " dA+L10TeYt9BgDfQNZtKdN1WO//KgIqXP7OdEFE4LjFYNcUxZQ4FADY+8=",
        "From: Joe SixPack <joe@football.example.com>",
        "To: Suzie Q <suzie@shopping.example.net>",
        "Subject: Is dinner ready?",
        "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)",
        "Message-ID: <20030712040037.46341.5F8J@football.example.com>",
        "",
        "Hi.",
        "",
        "We lost the game.  Are you hungry yet?",
        "",
        "Joe.",
        "",
    ].joined(separator: "\r\n")

    /// A campaign message as Rapport composes one: encoded display name, folded subject, the
    /// RFC 8058 pair, Feedback-ID, a base64 body without a final CRLF.
    static let campaignMessage = EmailSender.message(
        headers: [
            HeaderText.line("From", EmailAddress(name: "Toko Ütopia", address: "news@shop.example").headerValue),
            HeaderText.line("To", EmailAddress(name: "Ann", address: "ann@example.com").headerValue),
            HeaderText.line("Subject", "Your weekly picks: three things we think you will like, and ten percent off until Sunday"),
            "Date: Tue, 14 Nov 2023 22:13:20 +0000",
            "Message-ID: <cmp_1.cus_1@shop.example>",
            "List-Unsubscribe: <https://shop.example/u/tok_1>, <mailto:unsubscribe@shop.example?subject=tok_1>",
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
            "Feedback-ID: cmp_1:campaign:rapport",
            "X-Mailer: Rapport",
        ],
        text: "Hello Ann,\n\nThree picks for you this week.\n")

    /// Everything relaxed canonicalization smooths over: runs of SP and HTAB, white space at line
    /// ends, a folded header, empty lines inside and at the end of the body.
    static let whitespaceMessage = [
        "From: \"Shop\"   <news@shop.example>",
        "To:\tann@example.com ",
        "Subject: Three picks for you,",
        " \t folded over   two lines",
        "Date: Tue, 14 Nov 2023 22:13:20 +0000",
        "Message-ID: <ws.1@shop.example>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Hello  Ann,\t ",
        "",
        "  Three\t\tpicks:   boots, scarf   and hat.  ",
        "",
        "",
        "",
    ].joined(separator: "\r\n")

    @Test("RFC 6376 §3.4.5's example canonicalizes as the RFC shows: a:X, b:Y Z, and the body \" C\" / \"D E\"")
    func rfc6376Example() throws {
        // The example's <SP>, <HTAB> and <CRLF> written out (RFC 6376 §3.4.5).
        let message = try DKIMMessage(Array("A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n".utf8))
        #expect(message.fields.map(\.name) == ["a", "b"])
        let headers = message.fields.map { String(decoding: DKIMCanonicalization.relaxedHeader(message.bytes[$0.range]), as: UTF8.self) }
        #expect(headers == ["a:X", "b:Y Z"])
        #expect(String(decoding: DKIMCanonicalization.relaxedBody(message.body), as: UTF8.self) == " C\r\nD E\r\n")
    }

    @Test("relaxed header canonicalization lowercases the name, unfolds, joins white space runs and trims, and leaves other bytes alone")
    func relaxedHeaders() {
        let cases = [
            ("SUBJECT:\t  Hello \r\n\t World\t", "subject:Hello World"),
            ("Content-Type: text/plain;\r\n charset=\"UTF-8\"", "content-type:text/plain; charset=\"UTF-8\""),
            ("X-Empty:   ", "x-empty:"),
            ("To: Änne  <a@example.com>", "to:Änne <a@example.com>"),
        ]
        for (field, relaxed) in cases {
            #expect(String(decoding: DKIMCanonicalization.relaxedHeader(Array(field.utf8)[...]), as: UTF8.self) == relaxed)
        }
    }

    @Test("an empty body, or one of empty lines only, canonicalizes to nothing: bh= is the SHA-256 of no bytes (RFC 6376 §3.4.4)")
    func emptyBody() throws {
        let emptyHash = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        #expect(Data(SHA256.hash(data: [UInt8]())).base64EncodedString() == emptyHash)
        #expect(DKIMCanonicalization.relaxedBody([]).isEmpty)
        #expect(DKIMCanonicalization.relaxedBody(Array("\r\n\r\n \t\r\n".utf8)[...]).isEmpty)
        #expect(DKIMCanonicalization.relaxedBody(Array("end".utf8)[...]) == Array("end\r\n".utf8), "a CRLF is added to a non-empty body only")
        let signer = try DKIMSigner(domain: "shop.example", selector: "ed1", key: DKIMKey.generate(.ed25519SHA256))
        for message in ["From: a@shop.example\r\n", "From: a@shop.example\r\n\r\n", "From: a@shop.example\r\n\r\n\r\n\r\n"] {
            let signed = try signer.sign(Array(message.utf8), at: Self.sentAt)
            #expect(try Self.reread(DKIMMessage(signed)).tags["bh"] == emptyHash, "\(message.debugDescription)")
        }
    }

    @Test("RFC 8463's example: the body hash reproduces, and both published signatures verify over the header data rebuilt here")
    func rfc8463Example() throws {
        let message = try DKIMMessage(Array(Self.rfc8463Message.utf8))
        #expect(message.fields.map(\.name) == ["dkim-signature", "dkim-signature", "from", "to", "subject", "date", "message-id"])
        let bodyHash = Data(SHA256.hash(data: DKIMCanonicalization.relaxedBody(message.body))).base64EncodedString()
        #expect(bodyHash == "2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=")

        let ed25519 = try Self.reread(message, field: 0)
        #expect(ed25519.tags["h"] == "from:to:subject:date:message-id:from:subject:date")
        let ed25519PublicKey = try #require(Data(base64Encoded: "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="))
        let ed25519Key = try Curve25519.Signing.PublicKey(rawRepresentation: ed25519PublicKey)
        #expect(ed25519Key.isValidSignature(ed25519.signature, for: Array(ed25519.digest)))
        #expect(!ed25519Key.isValidSignature(ed25519.signature, for: Array(SHA256.hash(data: Array("another header".utf8)))))

        // The RFC's RSA key has 1024 bits, which only the "unsafe" initializer takes.
        let rsa = try Self.reread(message, field: 1)
        let rsaPublicKey = try #require(Data(base64Encoded: Self.rfc8463RSAPublicKey))
        let rsaKey = try _RSA.Signing.PublicKey(unsafeDERRepresentation: rsaPublicKey)
        #expect(rsaKey.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: rsa.signature), for: rsa.digest, padding: .insecurePKCS1v1_5))

        let seedKey = try DKIMKey(ed25519Seed: Self.rfc8463Seed)
        #expect(seedKey.dnsRecord.text == Self.rfc8463Ed25519Record)
        #if os(Linux)
            // BoringSSL's Ed25519 is deterministic (RFC 8032 §5.1.6; Apple's CryptoKit adds
            // randomness): Rapport's key reproduces the published signature byte for byte.
            #expect(try seedKey.signature(for: ed25519.digest) == ed25519.signature)
        #endif
    }

    @Test("ed25519-sha256: Ed25519 signs the SHA-256 of the header data (RFC 8463 §3); the DNS record's key verifies it, not after the subject changed")
    func ed25519SignsAndVerifies() throws {
        let key = try DKIMKey(ed25519Seed: Self.rfc8463Seed)
        let signer = try DKIMSigner(domain: "shop.example", selector: "ed1", key: key)
        let signed = try signer.sign(Self.campaignMessage, at: Self.sentAt)
        let read = try Self.reread(DKIMMessage(Array(signed.utf8)))
        #expect(read.tags["a"] == "ed25519-sha256" && read.tags["d"] == "shop.example" && read.tags["s"] == "ed1")
        #expect(read.signature.count == 64)
        let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: key.dnsRecord.publicKey)
        #expect(publicKey.isValidSignature(read.signature, for: Array(read.digest)))

        let tampered = try Self.reread(DKIMMessage(Array(signed.replacingOccurrences(of: "weekly", with: "weakly").utf8)))
        #expect(tampered.digest != read.digest)
        #expect(!publicKey.isValidSignature(tampered.signature, for: Array(tampered.digest)))
        #if os(Linux)
            // Deterministic Ed25519 (see above): the same message, key and time sign the same.
            #expect(try signer.sign(Self.campaignMessage, at: Self.sentAt) == signed)
        #endif
    }

    @Test("rsa-sha256: RSASSA-PKCS1-v1_5 over the SHA-256 of the header data (RFC 6376 §3.3.1), verified by the DNS record's key")
    func rsaSignsAndVerifies() throws {
        let key = try DKIMKey.generate(.rsaSHA256)
        let signer = try DKIMSigner(domain: "shop.example", selector: "rsa1", key: key)
        let signed = try signer.sign(Self.campaignMessage, at: Self.sentAt)
        let read = try Self.reread(DKIMMessage(Array(signed.utf8)))
        #expect(read.tags["a"] == "rsa-sha256" && read.tags["s"] == "rsa1")
        #expect(read.signature.count == 256)
        let publicKey = try _RSA.Signing.PublicKey(derRepresentation: key.dnsRecord.publicKey)
        let signature = _RSA.Signing.RSASignature(rawRepresentation: read.signature)
        #expect(publicKey.isValidSignature(signature, for: read.digest, padding: .insecurePKCS1v1_5))
        #expect(!publicKey.isValidSignature(signature, for: read.digest, padding: .PSS), "PKCS#1 v1.5 padding, not PSS")

        let tampered = try Self.reread(DKIMMessage(Array(signed.replacingOccurrences(of: "weekly", with: "weakly").utf8)))
        #expect(!publicKey.isValidSignature(signature, for: tampered.digest, padding: .insecurePKCS1v1_5))
    }

    static let defaultNames = DKIMSigner.defaultSignedHeaders.joined(separator: ":")

    @Test("h= names the default fields present, every instance, then every default name once more; the field's lines stay within 78 characters")
    func signedHeaderList() throws {
        #expect(Self.defaultNames == "from:reply-to:to:cc:subject:date:message-id:in-reply-to:references:mime-version:content-type:content-transfer-encoding:list-unsubscribe:list-unsubscribe-post:feedback-id")
        let signer = try DKIMSigner(domain: "shop.example", selector: "rapport-2025-01", key: DKIMKey.generate(.rsaSHA256))
        let signed = try DKIMMessage(signer.sign(Array(Self.campaignMessage.utf8), at: Self.sentAt))
        let read = try Self.reread(signed)
        let present = "from:to:subject:date:message-id:mime-version:content-type:content-transfer-encoding:list-unsubscribe:list-unsubscribe-post:feedback-id"
        #expect(read.tags["h"] == present + ":" + Self.defaultNames)
        #expect(read.tags["v"] == "1" && read.tags["c"] == "relaxed/relaxed" && read.tags["t"] == "1700000000")
        #expect(read.tags["bh"] == Data(SHA256.hash(data: DKIMCanonicalization.relaxedBody(signed.body))).base64EncodedString())
        let lines = String(decoding: signed.bytes[signed.fields[0].range], as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.count > 4 && lines.allSatisfy { $0.utf8.count <= 78 }, "\(lines)")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") }, "continuation lines start with white space")
        #expect(signed.fields[1].name == "from", "the signature is put on top")

        let twoRecipients = try DKIMMessage(signer.sign(Array("To: a@example.com\r\nFrom: news@shop.example\r\nTo: b@example.com\r\n\r\nHi\r\n".utf8), at: Self.sentAt))
        #expect(try Self.reread(twoRecipients).tags["h"] == "from:to:to:" + Self.defaultNames)
        let custom = try DKIMSigner(domain: "shop.example", selector: "s1", key: DKIMKey.generate(.ed25519SHA256), signedHeaders: ["Subject", "X-Campaign"])
        #expect(try Self.reread(DKIMMessage(custom.sign(Array("From: a@shop.example\r\nSubject: Hi\r\n\r\nHi\r\n".utf8), at: Self.sentAt))).tags["h"] == "from:subject:from:subject:x-campaign")
    }

    @Test("the signature field alone, sent before the message, is the field sign(_:at:) prepends; a body with bare line ends is refused there")
    func signatureFieldAlone() throws {
        // RSA PKCS#1 v1.5 is deterministic: the same key, message and time sign the same.
        let signer = try DKIMSigner(domain: "shop.example", selector: "rsa1", key: DKIMKey.generate(.rsaSHA256))
        let message = Array(Self.campaignMessage.utf8)
        let field = try signer.signatureField(for: message, at: Self.sentAt)
        #expect(field.starts(with: Array("DKIM-Signature: v=1; a=rsa-sha256;".utf8)))
        #expect(field.suffix(2).elementsEqual(DKIMCanonicalization.lineEnd) && !field.dropLast(2).suffix(2).elementsEqual(DKIMCanonicalization.lineEnd))
        #expect(try signer.sign(message, at: Self.sentAt) == field + message)
        #expect(throws: DKIMError.bareLineBreakInBody) {
            _ = try signer.signatureField(for: Array("From: a@shop.example\r\n\r\nline one\nline two\r\n".utf8), at: Self.sentAt)
        }
    }

    @Test("the body is canonicalized in pieces: any piece size gives the same bytes and the same hash as the whole")
    func bodyInPieces() throws {
        let line = "  Three\t\tpicks:   boots, scarf   and hat.  \r\n\r\n"
        let body = Array((String(repeating: line, count: 3000) + "\r\n\r\n \t\r\n").utf8)[...]
        let whole = DKIMCanonicalization.relaxedBody(body)
        #expect(whole.count > 100_000 && whole.suffix(4) != Array("\r\n\r\n".utf8), "no empty lines at the end")
        for pieceSize in [1, 7, 64, 16_384, 1 << 20] {
            var joined: [UInt8] = []
            var pieces = 0
            var hasher = SHA256()
            DKIMCanonicalization.relaxedBody(body, pieceSize: pieceSize) { piece in
                joined.append(contentsOf: piece)
                hasher.update(bufferPointer: piece)
                pieces += 1
            }
            #expect(joined == whole, "pieces of \(pieceSize)")
            #expect(hasher.finalize() == SHA256.hash(data: whole), "pieces of \(pieceSize)")
            #expect(pieces >= whole.count / (pieceSize + 2), "pieces of \(pieceSize) are handed over as they fill")
        }
    }

    @Test("a bare LF or CR in the header block is refused, never read as a line break that would sign an injected Bcc; in the body it becomes CRLF")
    func bareLineBreaks() throws {
        let signer = try DKIMSigner(domain: "shop.example", selector: "ed1", key: DKIMKey.generate(.ed25519SHA256))
        #expect(throws: DKIMError.bareLineBreakInHeader(line: 2)) {
            _ = try signer.sign("From: news@shop.example\r\nSubject: Hi\nBcc: victim@example.net\r\n\r\nHello\r\n", at: Self.sentAt)
        }
        #expect(throws: DKIMError.bareLineBreakInHeader(line: 2)) {
            _ = try signer.sign("From: news@shop.example\r\nSubject: Hi\rBcc: victim@example.net\r\n\r\nHello\r\n", at: Self.sentAt)
        }
        let crlf = "From: news@shop.example\r\nSubject: Hi\r\n\r\nline one\r\nline two\r\n\r\nend\r\n"
        let bare = "From: news@shop.example\r\nSubject: Hi\r\n\r\nline one\nline two\r\n\rend\n"
        let fromBare = try signer.sign(Array(bare.utf8), at: Self.sentAt)
        let fromCRLF = try signer.sign(Array(crlf.utf8), at: Self.sentAt)
        let field = try DKIMMessage(fromBare).fields[0].range
        #expect(Array(fromBare[(field.upperBound + 2)...]) == Array(crlf.utf8), "the body is sent with CRLF line ends")
        #expect(try Self.reread(DKIMMessage(fromBare)).tags["bh"] == Self.reread(DKIMMessage(fromCRLF)).tags["bh"])
    }

    @Test("keys load from PEM as OpenSSL and swift-crypto write them (RSA PKCS#1 and PKCS#8, Ed25519 PKCS#8) and keep their public key")
    func keysFromPEM() throws {
        let rsa = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        for pem in [rsa.pemRepresentation, rsa.pkcs8PEMRepresentation] {
            let key = try DKIMKey(pemRepresentation: pem)
            #expect(key.algorithm == .rsaSHA256)
            #expect(key.dnsRecord.publicKey == Array(rsa.publicKey.derRepresentation))
        }
        let generated = try DKIMKey.generate(.rsaSHA256)
        #expect(try DKIMKey(pemRepresentation: generated.pemRepresentation).dnsRecord == generated.dnsRecord)

        // RFC 8463 A.2's key in the PKCS#8 form of RFC 8410 §7, as `openssl pkey` prints it.
        let openSSLPEM = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----\n"
        let ed25519 = try DKIMKey(pemRepresentation: openSSLPEM)
        #expect(ed25519.algorithm == .ed25519SHA256)
        #expect(ed25519.dnsRecord.text == Self.rfc8463Ed25519Record)
        #expect(ed25519.pemRepresentation == openSSLPEM)
        let fresh = try DKIMKey.generate(.ed25519SHA256)
        #expect(try DKIMKey(pemRepresentation: fresh.pemRepresentation).dnsRecord == fresh.dnsRecord)
    }

    @Test("what cannot sign safely is refused: a 1024-bit RSA key (as too small), a public key, an encrypted key, a short seed, a domain or selector that could end its tag, a message without From")
    func refusals() throws {
        let small = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024))
        for pem in [small.pemRepresentation, small.pkcs8PEMRepresentation] {
            // Refused for its size, not because it could not be read.
            let error = #expect(throws: DKIMError.keyTooSmall(bits: 1024)) { _ = try DKIMKey(pemRepresentation: pem) }
            #expect(error?.description.contains("2048") == true)
        }
        let publicKeyError = #expect(throws: DKIMError.self) { _ = try DKIMKey(pemRepresentation: small.publicKey.pemRepresentation) }
        var unreadable = false
        if case .unreadableKey? = publicKeyError { unreadable = true }
        #expect(unreadable, "a public key is no private key: \(String(describing: publicKeyError))")
        #expect(throws: DKIMError.self) {
            _ = try DKIMKey(pemRepresentation: "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n")
        }
        #expect(throws: DKIMError.self) { _ = try DKIMKey(ed25519Seed: "AAAA") }

        let key = try DKIMKey.generate(.ed25519SHA256)
        for (domain, selector) in [("shop.example; x=1", "s1"), ("shop.example", "s1\r\nBcc: a@example.net"), ("", "s1"), ("shop..example", "s1"), ("shop.example", "-s1")] {
            #expect(throws: DKIMError.self, "\(domain) \(selector)") { _ = try DKIMSigner(domain: domain, selector: selector, key: key) }
        }
        #expect(throws: DKIMError.self) { _ = try DKIMSigner(domain: "shop.example", selector: "s1", key: key, signedHeaders: ["subject:x"]) }
        #expect(try DKIMSigner(domain: "shop.example", selector: "s1", key: key, signedHeaders: ["Subject"]).signedHeaders == ["from", "subject"])

        let signer = try DKIMSigner(domain: "shop.example", selector: "s1", key: key)
        #expect(throws: DKIMError.missingFrom) { _ = try signer.sign("To: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n", at: Self.sentAt) }
        #expect(throws: DKIMError.malformedHeader(line: 1)) { _ = try signer.sign(" From: a@shop.example\r\n\r\nbody\r\n", at: Self.sentAt) }
        #expect(throws: DKIMError.malformedHeader(line: 2)) { _ = try signer.sign("From: a@shop.example\r\nno colon here\r\n\r\nbody\r\n", at: Self.sentAt) }
    }

    @Test("the TXT record: v=DKIM1, k= and p= (SubjectPublicKeyInfo for RSA, 32 raw bytes for Ed25519), cut into strings of at most 255 bytes")
    func dnsRecord() throws {
        let rsa = try DKIMKey.generate(.rsaSHA256).dnsRecord
        // The DER SubjectPublicKeyInfo of every 2048-bit key with exponent 65537 starts alike.
        #expect(rsa.text.hasPrefix("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"))
        #expect(rsa.strings.count == 2 && rsa.strings.allSatisfy { $0.utf8.count <= 255 })
        #expect(rsa.strings.joined() == rsa.text)
        #expect(rsa.zoneFileValue == "\"\(rsa.strings[0])\" \"\(rsa.strings[1])\"")
        let ed25519 = try DKIMKey(ed25519Seed: Self.rfc8463Seed).dnsRecord
        #expect(ed25519.strings == [Self.rfc8463Ed25519Record] && ed25519.publicKey.count == 32)
        #expect(DKIMDNSRecord.name(selector: "brisbane", domain: "football.example.com") == "brisbane._domainkey.football.example.com")
    }

    @Test("dkimpy verifies what Rapport signs, whatever the white space and with no body, and refuses it once the body changed", arguments: DKIMAlgorithm.allCases)
    func dkimpyVerifies(algorithm: DKIMAlgorithm) throws {
        let key = try DKIMKey.generate(algorithm)
        let selector = "rapport-\(algorithm.keyType)"
        let signer = try DKIMSigner(domain: "shop.example", selector: selector, key: key)
        for message in [Self.campaignMessage, Self.whitespaceMessage, "From: news@shop.example\r\nSubject: headers only\r\n"] {
            let result = try Self.dkimpy(signer.sign(Array(message.utf8), at: Self.sentAt), record: key.dnsRecord.text)
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains("\(selector)._domainkey.shop.example"), "\(result.output)")
        }
        let changed = try signer.sign(Self.whitespaceMessage, at: Self.sentAt).replacingOccurrences(of: "boots", with: "shoes")
        let refused = try Self.dkimpy(Array(changed.utf8), record: key.dnsRecord.text)
        #expect(refused.status == 1 && refused.output.contains("body hash"), "\(refused.output)")
    }

    @Test("dual signing: an Ed25519 signature above an RSA one, each verified by dkimpy with its own record")
    func dkimpyVerifiesDualSignatures() throws {
        let ed25519 = try DKIMKey.generate(.ed25519SHA256)
        let rsa = try DKIMKey.generate(.rsaSHA256)
        let once = try DKIMSigner(domain: "shop.example", selector: "rsa1", key: rsa).sign(Self.campaignMessage, at: Self.sentAt)
        let twice = try Array(DKIMSigner(domain: "shop.example", selector: "ed1", key: ed25519).sign(once, at: Self.sentAt).utf8)
        let top = try Self.dkimpy(twice, record: ed25519.dnsRecord.text, signature: 0)
        let below = try Self.dkimpy(twice, record: rsa.dnsRecord.text, signature: 1)
        #expect(top.status == 0 && top.output.contains("ed1._domainkey.shop.example"), "\(top.output)")
        #expect(below.status == 0 && below.output.contains("rsa1._domainkey.shop.example"), "\(below.output)")
        #expect(try Self.dkimpy(twice, record: rsa.dnsRecord.text, signature: 0).status == 1, "the check really uses the key")
    }

    @Test("oversigning: dkimpy refuses the message once a From, Subject, Reply-To, Cc or List-Unsubscribe is added on top, and accepts an unsigned field")
    func dkimpyRefusesAddedFields() throws {
        let key = try DKIMKey.generate(.ed25519SHA256)
        let signed = try DKIMSigner(domain: "shop.example", selector: "ed1", key: key).sign(Array(Self.campaignMessage.utf8), at: Self.sentAt)
        #expect(try Self.dkimpy(signed, record: key.dnsRecord.text).status == 0)
        let signatureEnd = try DKIMMessage(signed).fields[0].range.upperBound + 2
        let added = [
            "From: boss@shop.example", "Subject: Urgent: confirm your card", "Reply-To: thief@example.net",
            "Cc: victim@example.net", "List-Unsubscribe: <https://evil.example/u>",
        ]
        for field in added {
            let tampered = Array(signed[..<signatureEnd]) + Array((field + "\r\n").utf8) + Array(signed[signatureEnd...])
            let result = try Self.dkimpy(tampered, record: key.dnsRecord.text)
            #expect(result.status == 1, "\(field): \(result.output)")
        }
        let unsigned = Array(signed[..<signatureEnd]) + Array("X-Spam-Score: 0\r\n".utf8) + Array(signed[signatureEnd...])
        #expect(try Self.dkimpy(unsigned, record: key.dnsRecord.text).status == 0)
    }

    /// What a verifier reads from signature field `index` of `message`: its tags (white space
    /// removed), the signature, and the SHA-256 of the header data it covers, rebuilt with the
    /// field's b= value emptied (RFC 6376 §3.7).
    static func reread(_ message: DKIMMessage, field index: Int = 0) throws -> (tags: [String: String], signature: [UInt8], digest: SHA256.Digest) {
        let field = message.fields[index]
        try #require(field.name == "dkim-signature")
        let raw = Array(message.bytes[field.range])
        let text = String(decoding: raw, as: UTF8.self)
        var tags: [String: String] = [:]
        let colon = try #require(text.firstIndex(of: ":"))
        for pair in text[text.index(after: colon)...].split(separator: ";") {
            let compact = pair.filter { !$0.isWhitespace }
            guard let equals = compact.firstIndex(of: "=") else { continue }
            tags[String(compact[..<equals])] = String(compact[compact.index(after: equals)...])
        }
        let signatureText = try #require(tags["b"])
        let signature = try #require(Data(base64Encoded: signatureText))
        // b= is the first "b=" after the semicolon that ends bh= (base64 holds no semicolon).
        let bodyHashTag = try #require(firstIndex(of: Array("bh=".utf8), in: raw, from: 0))
        let bodyHashEnd = try #require(raw[bodyHashTag...].firstIndex(of: UInt8(ascii: ";")))
        let signatureTag = try #require(firstIndex(of: Array("b=".utf8), in: raw, from: bodyHashEnd))
        let names = try #require(tags["h"]).split(separator: ":").map(String.init)
        let data = DKIMSigner.headerData(of: message, names: names, signatureField: raw[..<(signatureTag + 2)])
        return (tags, Array(signature), SHA256.hash(data: data))
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        stride(from: start, through: haystack.count - needle.count, by: 1).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    static func dkimpy(_ message: [UInt8], record: String, signature index: Int = 0) throws -> (status: Int32, output: String) {
        try DKIMCheck.dkimpy(message, record: record, signature: index)
    }
}
