import Crypto
import Foundation

/// Signs outgoing mail with DKIM (RFC 6376) for one sending domain and selector: relaxed/relaxed
/// canonicalization, rsa-sha256 or ed25519-sha256 (RFC 8463) as the key says. `signatureField`
/// gives the DKIM-Signature field alone, to send ahead of the message; `sign` gives the message
/// with it on top. Sign twice with two signers to dual-sign.
///
/// Made once per domain and key, then shared: it holds nothing that changes, and everything per
/// message is done on bytes. The body is hashed as it is canonicalized, piece by piece, and the
/// message is not copied unless its body's line ends must change.
public struct DKIMSigner: Sendable {
    /// The fields signed (RFC 6376 §5.4.1's list, cut to what Rapport writes, plus RFC 8058's
    /// one-click unsubscribe pair and Feedback-ID), in this order. Each is oversigned: listed in
    /// `h=` once more than the message has it, which signs its absence too (see `headerNames`).
    public static let defaultSignedHeaders = [
        "from", "reply-to", "to", "cc", "subject", "date", "message-id", "in-reply-to", "references",
        "mime-version", "content-type", "content-transfer-encoding",
        "list-unsubscribe", "list-unsubscribe-post", "feedback-id",
    ]

    /// The signing domain, `d=`.
    public let domain: String
    /// The selector, `s=`: the key's record is at `<selector>._domainkey.<domain>`.
    public let selector: String
    /// The private key.
    public let key: DKIMKey
    /// Lower case, each once, `from` always among them.
    public let signedHeaders: [String]

    /// A signer for `domain` with the key published under `selector`. Throws when the domain or
    /// selector is no DNS name, or a header name could end its tag; `from` is added to
    /// `signedHeaders` when missing (RFC 6376 §5.4 requires it).
    public init(domain: String, selector: String, key: DKIMKey, signedHeaders: [String] = DKIMSigner.defaultSignedHeaders) throws {
        guard Self.isDomainName(domain) else { throw DKIMError.invalidTagValue(tag: "domain (d=)", value: domain) }
        guard Self.isDomainName(selector) else { throw DKIMError.invalidTagValue(tag: "selector (s=)", value: selector) }
        var names: [String] = []
        for name in signedHeaders.map({ $0.lowercased() }) where !names.contains(name) {
            guard !name.isEmpty, name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != DKIMCanonicalization.colon }) else {
                throw DKIMError.invalidTagValue(tag: "header name (h=)", value: name)
            }
            names.append(name)
        }
        if !names.contains("from") { names.insert("from", at: 0) }
        self.domain = domain
        self.selector = selector
        self.key = key
        self.signedHeaders = names
    }

    /// The algorithm of the key, which `a=` names.
    public var algorithm: DKIMAlgorithm { key.algorithm }

    /// The DKIM-Signature field for `message` (CRLF line ends), signed at `date` (`t=`; pass the
    /// clock's now), with its final CRLF: the SMTP writer sends these bytes and then the message
    /// as it is, two buffers and no copy. Refuses a body with a bare CR or LF
    /// (`DKIMError.bareLineBreakInBody`), since the signature would cover CRLF line ends the
    /// message does not have; `sign(_:at:)` converts them.
    public func signatureField(for message: [UInt8], at date: Date) throws -> [UInt8] {
        let parsed = try DKIMMessage(message)
        guard !parsed.bodyLineEndsRewritten else { throw DKIMError.bareLineBreakInBody }
        return try signatureField(for: parsed, at: date)
    }

    /// `message` (CRLF line ends) with its DKIM-Signature field prepended, signed at `date`
    /// (`t=`; pass the clock's now). A bare CR or LF in the body becomes CRLF in the result; in
    /// the header block it is refused.
    public func sign(_ message: [UInt8], at date: Date) throws -> [UInt8] {
        let parsed = try DKIMMessage(message)
        var signed = try signatureField(for: parsed, at: date)
        signed.reserveCapacity(signed.count + parsed.bytes.count)
        signed.append(contentsOf: parsed.bytes)
        return signed
    }

    /// The same for a message held as a String: a convenience for tests and small messages,
    /// which copies the message into bytes and back. Sending code uses the byte forms.
    public func sign(_ message: String, at date: Date) throws -> String {
        let signed = try sign(Array(message.utf8), at: date)
        return String(decoding: signed, as: UTF8.self)
    }

    /// The field for a parsed message.
    func signatureField(for message: DKIMMessage, at date: Date) throws -> [UInt8] {
        let names = try headerNames(of: message)
        var bodyHasher = SHA256()
        DKIMCanonicalization.relaxedBody(message.body) { bodyHasher.update(bufferPointer: $0) }
        let bodyHash = bodyHasher.finalize()

        var field = DKIMHeaderFolder(fieldName: "DKIM-Signature")
        field.append("v=1;", spaced: true)
        field.append("a=\(key.algorithm.rawValue);", spaced: true)
        field.append("c=relaxed/relaxed;", spaced: true)
        field.append("d=\(domain);", spaced: true)
        field.append("s=\(selector);", spaced: true)
        field.append("t=\(Int(date.timeIntervalSince1970.rounded(.down)));", spaced: true)
        for (index, name) in names.enumerated() {
            let piece = (index == 0 ? "h=" : "") + name + (index == names.count - 1 ? ";" : ":")
            field.append(piece, spaced: index == 0)
        }
        field.append("bh=\(Data(bodyHash).base64EncodedString());", spaced: true)
        field.append("b=", spaced: true)

        // RFC 6376 §3.7: the signature covers the signed fields, then this field itself with an
        // empty b= and without its final CRLF.
        let data = Self.headerData(of: message, names: names, signatureField: field.bytes[...])
        let signature = try key.signature(for: SHA256.hash(data: data))
        field.appendSplittable(Array(Data(signature).base64EncodedString().utf8))
        field.finish()
        return field.bytes
    }

    /// What `h=` lists: each configured field as often as the message has it (so every
    /// instance is signed), then every configured name once more. Those extra names match no
    /// field and so sign absence (RFC 6376 §8.15, §5.4.2): a second From, Subject or
    /// List-Unsubscribe added above the signed ones, or a Reply-To or Cc added where there was
    /// none, breaks the signature.
    func headerNames(of message: DKIMMessage) throws -> [String] {
        var names: [String] = []
        for name in signedHeaders {
            for field in message.fields where field.name == name { names.append(name) }
        }
        guard names.contains("from") else { throw DKIMError.missingFrom }
        names.append(contentsOf: signedHeaders)
        return names
    }

    /// The header data a DKIM signature hashes (RFC 6376 §5.4.2, §3.7): for each name of `h=`,
    /// the lowest field of that name not yet used, relaxed, with a CRLF (nothing when none is
    /// left), then the signature field with its b= value empty, relaxed, without a CRLF.
    static func headerData(of message: DKIMMessage, names: [String], signatureField: ArraySlice<UInt8>) -> [UInt8] {
        var data: [UInt8] = []
        data.reserveCapacity(1024)
        var used = [Bool](repeating: false, count: message.fields.count)
        for name in names {
            guard let index = message.fields.indices.last(where: { !used[$0] && message.fields[$0].name == name }) else { continue }
            used[index] = true
            DKIMCanonicalization.appendRelaxedHeader(message.bytes[message.fields[index].range], to: &data)
            data.append(contentsOf: DKIMCanonicalization.lineEnd)
        }
        DKIMCanonicalization.appendRelaxedHeader(signatureField, to: &data)
        return data
    }

    /// A domain or selector as DNS names them (RFC 6376 §3.5 `domain-name` and `selector`):
    /// labels of letters, digits and hyphens joined by dots, 253 characters at most. Anything
    /// else could end the tag (`;`) or the field.
    static func isDomainName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { byte in
                    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D
                }
        }
    }
}
