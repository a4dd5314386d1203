/// The inbox page: the conversation list with its views, status tabs, channel, team and
/// segment filters, counts and paging, and the open conversation beside it when one is chosen.
/// `inbox_list` renders the list part alone (without the conversation).
struct InboxPageView: TemplateView {
    /// One conversation in the list: who, which channel, when, the latest message, and its flags.
    struct Item: TemplateView {
        let id: String
        let href: String
        let name: String
        let contact: String
        let preview: String?
        let channel: String
        let channelName: String
        let channelBadge: String
        let when: String
        let whenISO: String
        let assignee: String?
        let labels: [String]
        /// Nil for normal priority.
        let priority: String?
        let breached: Bool
        let selected: Bool
    }

    /// A view (`All`, `Mine`, `Unassigned`) or a status tab with its count and link.
    struct Tab: TemplateView {
        let words: String
        let count: Int
        let href: String
        let current: Bool
    }

    /// A channel of the channel filter.
    struct Channel: TemplateView {
        let value: String
        let words: String
        let selected: Bool
    }

    /// A team of the team filter.
    struct Team: TemplateView {
        let id: String
        let name: String
        let selected: Bool
    }

    let items: [Item]
    let empty: Bool
    let views: [Tab]
    let teams: [Team]
    /// The customers' segments and lists of the segment filter.
    let segments: [ChoiceView]
    let statuses: [Tab]
    let channels: [Channel]
    let view: String
    let status: String
    let label: String?
    let team: String?
    /// The filters and page as a query string (`?view=…&status=…`).
    let query: String
    let selectedID: String?
    /// The next page's link, when there is one.
    let more: String?
    /// The first page's link, when this is a later page.
    let firstPage: String?
    /// The open conversation, on `/inbox/{id}`.
    var conversation: InboxThreadView?
}
