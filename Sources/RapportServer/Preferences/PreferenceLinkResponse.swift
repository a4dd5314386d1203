import Foundation

/// A customer's links: the preference centre's, the one-click unsubscribe URL, and the
/// `List-Unsubscribe` and `List-Unsubscribe-Post` header values a campaign e-mail carries.
struct PreferenceLinkResponse: Encodable {
    let expiresAt: Date
    /// `<https://…/unsubscribe/…>`, and `<mailto:…?subject=unsubscribe%20…>` when the
    /// workspace has an e-mail inbox to receive it.
    let listUnsubscribe: String
    let listUnsubscribePost = "List-Unsubscribe=One-Click"
    let unsubscribeExpiresAt: Date
    let unsubscribeMailto: String?
    let unsubscribeURL: String
    let url: String
}
