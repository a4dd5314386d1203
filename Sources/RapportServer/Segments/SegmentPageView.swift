/// A segment's or list's page (`segment`): what it is, its definition in words, its size over
/// time, where it is used, its members a page at a time, and for those who may, editing,
/// rebuilding, freezing into a list and deleting.
struct SegmentPageView: TemplateView {
    struct Member: TemplateView {
        let id: String
        let name: String
        let email: String?
        let since: String
    }

    struct Reference: TemplateView {
        let id: String
        let name: String
        let kind: String
    }

    let id: String
    let name: String
    let description: String?
    /// `Segment` or `List`.
    let kind: String
    let isList: Bool
    let members: Int
    let createdBy: String
    let created: String
    let updated: String
    /// When membership was last computed from scratch.
    let built: String?
    let summary: SegmentSummary?
    /// Inline SVG of the member count per day; nil before the first size was recorded.
    let sizeChart: String?
    let usedBy: [Reference]
    let rows: [Member]
    let empty: Bool
    /// The next page of members.
    let next: String?
    /// Whether this page shows members after the first page.
    let paged: Bool
    let exportHref: String
    /// Whether the signed-in user may download the members as CSV.
    let mayExport: Bool
    let mayManage: Bool
    /// The name a frozen copy gets unless another is typed.
    let freezeName: String
    /// What the last action did (`Rebuilt: 3 entered, 1 left.`).
    var notice: String?
    /// Why the last action was refused.
    var actionError: String?
}
