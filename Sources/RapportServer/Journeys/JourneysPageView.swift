/// The journeys page (`journeys`): the workspace's journeys, newest first, with their status
/// and version, and the built-in ones to switch on for those who may.
struct JourneysPageView: TemplateView {
    struct Row: TemplateView {
        let id: String
        let name: String
        let status: String
        let version: String
        let updated: String
        let updatedISO: String
    }

    struct Template: TemplateView {
        let key: String
        let name: String
        let summary: String
    }

    struct Inbox: TemplateView {
        let id: String
        let name: String
    }

    let rows: [Row]
    let empty: Bool
    let mayManage: Bool
    let templates: [Template]
    let inboxes: [Inbox]
    /// The Rapport events a new journey may start on.
    let events: [String]
    /// The next page of older journeys.
    let next: String?
    /// Whether this page shows journeys after the first page.
    let paged: Bool
    var error: String?
}
