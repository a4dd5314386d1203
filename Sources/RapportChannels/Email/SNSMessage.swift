import Crypto
import Foundation
import NIOSSL
import RapportCore
import _CryptoExtras

/// A message Amazon SNS posts to an HTTP(S) subscription, the header
/// `x-amz-sns-message-type` saying which: a `Notification` (from SES, an event in `Message`), a
/// `SubscriptionConfirmation` (GET its `SubscribeURL` to confirm) or an
/// `UnsubscribeConfirmation`. SNS signs the message's fields, not the body: RSA PKCS#1 v1.5
/// over `Key\nValue\n` lines in the order AWS documents, with SHA-1 (`SignatureVersion` 1) or
/// SHA-256 (2), under the certificate at `SigningCertURL` — which is fetched only from an SNS
/// host (`SNSURL`).
public struct SNSMessage: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case notification = "Notification"
        case subscriptionConfirmation = "SubscriptionConfirmation"
        case unsubscribeConfirmation = "UnsubscribeConfirmation"
    }

    /// The header that says the type; SNS sends it with every message.
    public static let typeHeader = "x-amz-sns-message-type"

    public var type: Kind
    public var messageID: String
    public var topicARN: String
    /// A notification's subject, when the publisher gave one (signed only then).
    public var subject: String?
    public var message: String
    public var timestamp: String
    public var signatureVersion: String
    public var signature: String
    public var signingCertURL: String
    /// A confirmation's URL and token.
    public var subscribeURL: String?
    public var token: String?

    /// The message a body holds; nil when it is not SNS's shape (a confirmation without its
    /// `SubscribeURL` and `Token` is not).
    public static func read(_ body: [UInt8]) -> SNSMessage? {
        guard let root = try? JSONParser.parse(body), let type = exact(root["Type"]).flatMap(Kind.init(rawValue:)),
            let messageID = exact(root["MessageId"]), let topicARN = exact(root["TopicArn"]), let message = exact(root["Message"]),
            let timestamp = exact(root["Timestamp"]), let signatureVersion = exact(root["SignatureVersion"]),
            let signature = exact(root["Signature"]), let signingCertURL = exact(root["SigningCertURL"])
        else { return nil }
        let parsed = SNSMessage(
            type: type, messageID: messageID, topicARN: topicARN, subject: exact(root["Subject"]), message: message, timestamp: timestamp,
            signatureVersion: signatureVersion, signature: signature, signingCertURL: signingCertURL,
            subscribeURL: exact(root["SubscribeURL"]), token: exact(root["Token"]))
        guard type == .notification || (parsed.subscribeURL != nil && parsed.token != nil) else { return nil }
        return parsed
    }

    /// A field's string exactly as sent. SNS signs the values byte for byte, so nothing may be
    /// trimmed (`JSONValue.text` trims): an SES event's `Message` ends in a line feed.
    private static func exact(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    /// The text SNS signed: for a notification `Message`, `MessageId`, `Subject` (only when
    /// present), `Timestamp`, `TopicArn`, `Type`; for a confirmation `Message`, `MessageId`,
    /// `SubscribeURL`, `Timestamp`, `Token`, `TopicArn`, `Type`; each as its name, a line
    /// feed, its value and a line feed.
    public var stringToSign: String {
        let fields: [(String, String?)]
        switch type {
        case .notification:
            fields = [
                ("Message", message), ("MessageId", messageID), ("Subject", subject), ("Timestamp", timestamp), ("TopicArn", topicARN),
                ("Type", type.rawValue),
            ]
        case .subscriptionConfirmation, .unsubscribeConfirmation:
            fields = [
                ("Message", message), ("MessageId", messageID), ("SubscribeURL", subscribeURL), ("Timestamp", timestamp), ("Token", token),
                ("TopicArn", topicARN), ("Type", type.rawValue),
            ]
        }
        return fields.reduce(into: "") { text, field in
            if let value = field.1 { text += field.0 + "\n" + value + "\n" }
        }
    }

    /// Whether `Signature` verifies under the certificate (PEM) SNS named, which must hold at
    /// `date`, be issued to SNS (`isSNSCertificate`) and carry an RSA key of 2048 bits or more.
    public func isValidSignature(certificatePEM: String, at date: Date) -> Bool {
        guard let signed = Data(base64Encoded: signature.trimmingCharacters(in: .whitespaces)),
            let certificate = try? NIOSSLCertificate(bytes: Array(certificatePEM.utf8), format: .pem),
            Self.isSNSCertificate(certificate),
            TimeInterval(certificate.notValidBefore) <= date.timeIntervalSince1970,
            date.timeIntervalSince1970 <= TimeInterval(certificate.notValidAfter),
            let publicKey = try? certificate.extractPublicKey().toSPKIBytes(),
            let key = try? _RSA.Signing.PublicKey(derRepresentation: publicKey)
        else { return false }
        let text = Data(stringToSign.utf8)
        let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signed)
        switch signatureVersion {
        case "1": return key.isValidSignature(rsaSignature, for: Insecure.SHA1.hash(data: text), padding: .insecurePKCS1v1_5)
        case "2": return key.isValidSignature(rsaSignature, for: SHA256.hash(data: text), padding: .insecurePKCS1v1_5)
        default: return false
        }
    }

    /// Whether a certificate is issued to Amazon SNS: its subject's common name or one of its
    /// DNS alternative names is `sns.amazonaws.com` (what SNS's signing certificates name) or
    /// `sns.<region>.amazonaws.com` (`.com.cn`). The URL it came from was an SNS host's already;
    /// this also refuses any other certificate found there, or served by a host the URL check
    /// let through by mistake.
    static func isSNSCertificate(_ certificate: NIOSSLCertificate) -> Bool {
        let commonNames = certificate.subjectName.filter { $0.type == .commonName }.map(\.value)
        let dnsNames = certificate._subjectAlternativeNames().filter { $0.nameType == .dnsName }.map { String(decoding: $0.contents, as: UTF8.self) }
        return (commonNames + dnsNames).contains { $0.lowercased() == "sns.amazonaws.com" || SNSURL.isSNSHost($0) }
    }
}
