import Foundation

/// What a customer's link carries: what it may do (open the preference centre, unsubscribe
/// from marketing e-mail, confirm a sign-up), for which customer or sign-up of which
/// workspace, and until when. Its text is `scope.workspace.subject.expiry.signature`; without
/// the installation's key it can be neither made up nor altered.
public struct PreferenceToken: Sendable, Equatable {
    public enum Scope: String, Sendable {
        case preferences = "p"
        case unsubscribe = "u"
        /// Confirms a sign-up (double opt-in); its subject is the sign-up, not a customer.
        case confirmation = "c"

        var subjectPrefix: IDPrefix {
            self == .confirmation ? .signUp : .customer
        }
    }

    public var scope: Scope
    public var workspaceID: String
    /// The customer (preferences, unsubscribe) or the sign-up (confirmation).
    public var subjectID: String
    public var expiresAt: Date

    public init(scope: Scope, workspaceID: String, subjectID: String, expiresAt: Date) {
        self.scope = scope
        self.workspaceID = workspaceID
        self.subjectID = subjectID
        self.expiresAt = expiresAt
    }

    private var payload: String {
        [scope.rawValue, workspaceID, subjectID, String(Int64(expiresAt.timeIntervalSince1970))].joined(separator: ".")
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
            ResourceID.isValid(parts[1], prefix: .workspace), ResourceID.isValid(parts[2], prefix: given.subjectPrefix)
        else { throw invalid }
        let token = PreferenceToken(
            scope: given, workspaceID: parts[1], subjectID: parts[2], expiresAt: Date(timeIntervalSince1970: TimeInterval(seconds)))
        guard signer.isValid(parts[4], of: token.payload) else { throw invalid }
        guard token.expiresAt > now else {
            throw RapportError.gone("This link expired on \(Timestamp.iso8601(token.expiresAt)). Use the link in a newer message from the store.")
        }
        return token
    }
}
