/// The customer list (`customers`): the search and filters as given, one row per customer,
/// and the link to the next page.
struct CustomersPageView: TemplateView {
    /// The RFM segment (or saved segment or list) the list is filtered to, in words.
    struct Segment: TemplateView {
        let label: String
    }

    struct Row: TemplateView {
        /// A tag, linking to the list filtered by it.
        struct Tag: TemplateView {
            let name: String
            let href: String
        }

        let id: String
        let name: String
        let email: String?
        let phone: String?
        let tags: [Tag]
        let since: String
    }

    let q: String?
    let tag: String?
    let segment: Segment?
    /// The saved segment or list the list is filtered to.
    let savedSegment: Segment?
    /// The RFM segments of the segment select.
    let segments: [ChoiceView]
    /// The workspace's segments and lists, the select's second group.
    let lists: [ChoiceView]
    let hasLists: Bool
    /// The list without the segment filter (the tag filter kept).
    let allHref: String
    let rows: [Row]
    let empty: Bool
    let next: String?
}
