/// Signs the links of a preview and of a test send so that they do nothing. The sender's own
/// rendering makes every link it writes (unsubscribe, preference centre, the mailto of
/// `List-Unsubscribe`) from a token signed for the recipient; a preview rendered for a real
/// customer must not hand whoever looks at it a way to unsubscribe that customer. So a preview
/// keeps the real format — `/unsubscribe/u.wsp_….cus_….1767225600.preview?send=snd_…` — with
/// the signature `preview`, which no key ever makes: Rapport refuses the link as it refuses a
/// forged one ("This link is not valid"), and the customer's consent stays as it was.
struct CampaignPreviewSigner: LinkSigner {
    /// What stands where a signature would.
    static let signature = "preview"

    func signature(of text: String) -> String {
        Self.signature
    }

    func isValid(_ signature: String, of text: String) -> Bool {
        false
    }

    func isValid(prefix: String, of text: String) -> Bool {
        false
    }
}
