/// The new-campaign form (`campaign_form`): what was typed (empty, or as sent when saving was
/// refused), the channels to choose from, the inboxes to send through grouped by channel, the
/// segments and lists to send to or leave out, and the refusal with the field at fault marked.
struct CampaignFormPageView: TemplateView {
    struct SegmentChoice: TemplateView {
        let id: String
        let name: String
        /// `Segment` or `List`.
        let kind: String
        let members: Int
        let included: Bool
        let excluded: Bool
    }

    /// A channel to send on (`email`, `sms`, `whatsapp`).
    struct ChannelChoice: TemplateView {
        let value: String
        /// `E-mail`, or `SMS (no inbox yet)`.
        let label: String
        let selected: Bool
    }

    /// One inbox to send through.
    struct InboxChoice: TemplateView {
        let value: String
        let label: String
        let selected: Bool
        /// A WhatsApp inbox whose business account id is set: the page can list its templates.
        let listsTemplates: Bool
    }

    /// The inboxes of one channel, an `<optgroup>` the page's script enables with its channel.
    struct InboxGroup: TemplateView {
        let channel: String
        let label: String
        let inboxes: [InboxChoice]
    }

    let form: CampaignForm
    let channels: [ChannelChoice]
    let inboxGroups: [InboxGroup]
    let segments: [SegmentChoice]
    /// No inbox of any channel a campaign sends on.
    let noInbox: Bool
    let noSegment: Bool
    /// The SMS texts' counts as the sender counts them (`58 characters · GSM-7 · 1 SMS`), which
    /// the page's script keeps up to date while typing.
    let smsCount: String
    let variantSMSCount: String
    /// Whether the second language's part starts open (something is typed in it).
    let variantOpen: Bool
    /// Whether the exclusions start open (one is chosen).
    let exclusionsOpen: Bool
    /// Why saving was refused.
    var error: String?
    /// The field at fault, as `invalid.<field>` (`invalid.subject`) for the template to mark.
    var invalid: [String: Bool] = [:]
}
