/// The campaigns page (`campaigns`): the workspace's campaigns, newest first, with their
/// status, channel and counts, and the button to write a new one for those who may.
struct CampaignsPageView: TemplateView {
    struct Row: TemplateView {
        let id: String
        let name: String
        /// In words (`Sending`); `statusCode` is the API's (`sending`), for the badge's colour.
        let status: String
        let statusCode: String
        let channel: String
        let inbox: String
        let audience: Int
        let sent: Int
        let opened: Int
        let clicked: Int
        let created: String
        let createdISO: String
    }

    let rows: [Row]
    let empty: Bool
    let mayManage: Bool
    /// The next page of older campaigns.
    let next: String?
    /// Whether this page shows campaigns after the first page.
    let paged: Bool
}
