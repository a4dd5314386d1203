import Foundation

/// The two tokens a customer's messages carry: one opens their preference centre, the other
/// unsubscribes them from marketing e-mail at once (RFC 8058), each until its expiry.
public struct PreferenceLinks: Sendable, Equatable {
    public var preferences: String
    public var preferencesExpireAt: Date
    public var unsubscribe: String
    public var unsubscribeExpiresAt: Date
    /// The address an unsubscribe e-mail goes to (the workspace's first e-mail inbox), for
    /// `List-Unsubscribe`'s `mailto:` form; nil when the workspace receives no e-mail.
    public var mailbox: String?
}
