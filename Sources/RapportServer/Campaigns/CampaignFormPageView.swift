/// The new-campaign form (`campaign_form`): what was typed (empty, or as sent when saving was
/// refused), the e-mail inboxes to send through, the segments and lists to send to or leave
/// out, and the refusal with the field at fault marked.
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

    let form: CampaignForm
    let inboxes: [ChoiceView]
    let segments: [SegmentChoice]
    let noInbox: Bool
    let noSegment: Bool
    /// Whether the second language's part starts open (something is typed in it).
    let variantOpen: Bool
    /// Whether the exclusions start open (one is chosen).
    let exclusionsOpen: Bool
    /// Why saving was refused.
    var error: String?
    /// The field at fault, as `invalid.<field>` (`invalid.subject`) for the template to mark.
    var invalid: [String: Bool] = [:]
}
