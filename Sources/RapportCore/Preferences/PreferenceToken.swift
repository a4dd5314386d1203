import Foundation

/// What a customer's link carries: which customer of which workspace, what it may do (open
/// the preference centre, or unsubscribe from marketing e-mail), and until when. Its text is
/// `scope.workspace.customer.expiry.signature`; without the installation's key it can be
/// neither made up nor altered.
public struct PreferenceToken: Sendable, Equatable {
    public enum Scope: String, Sendable {
        case preferences = "p"
        case unsubscribe = "u"
    }

    public var scope: Scope
    public var workspaceID: String
    public var customerID: String
    public var expiresAt: Date

    public init(scope: Scope, workspaceID: String, customerID: String, expiresAt: Date) {
        self.scope = scope
        self.workspaceID = workspaceID
        self.customerID = customerID
        self.expiresAt = expiresAt
    }

    private var payload: String {
        [scope.rawValue, workspaceID, customerID, String(Int64(expiresAt.timeIntervalSince1970))].joined(separator: ".")
    }

    public func text(signedBy signer: any LinkSigner) -> String {
        payload + "." + signer.signature(of: payload)
    }

    /// The token a link's text holds. A text that is malformed, altered or signed by another
    /// key is `notFound`; one past its expiry is `gone`; one of another scope is `notFound`.
    public static func read(_ text: String, scope: Scope, signer: any LinkSigner, now: Date) throws(RapportError) -> PreferenceToken {
        let invalid = RapportError.notFound("This link is not valid. Use the newest link the store sent you.")
        guard text.utf8.count <= 300 else { throw invalid }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, let given = Scope(rawValue: parts[0]), given == scope, let seconds = Int64(parts[3]), String(seconds) == parts[3],
            ResourceID.isValid(parts[1], prefix: .workspace), ResourceID.isValid(parts[2], prefix: .customer)
        else { throw invalid }
        let token = PreferenceToken(
            scope: given, workspaceID: parts[1], customerID: parts[2], expiresAt: Date(timeIntervalSince1970: TimeInterval(seconds)))
        guard signer.isValid(parts[4], of: token.payload) else { throw invalid }
        guard token.expiresAt > now else {
            throw RapportError.gone("This link expired on \(Timestamp.iso8601(token.expiresAt)). Use the link in a newer message from the store.")
        }
        return token
    }
}
