/// Amazon SNS as Rapport calls it back for an SES event subscription: the certificate a message
/// is signed with, and the confirmation of a new subscription. Given only URLs `SNSURL` wrote;
/// `HTTPSNSClient` calls out (and keeps the certificates), tests give a stand-in that answers
/// with fixtures.
public protocol SNSClient: Sendable {
    /// The PEM text of the signing certificate at `url`.
    func certificate(at url: String) async throws -> String
    /// Confirms a subscription by a GET of its `SubscribeURL`.
    func confirmSubscription(at url: String) async throws
}
