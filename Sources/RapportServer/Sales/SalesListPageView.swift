/// The sales lists (`sales_deals`, `sales_leads`): a filter form, a page of rows, and the link
/// to the next page with the same filters.
struct SalesListPageView: TemplateView {
    struct Choice: TemplateView {
        let value: String
        let name: String
        let selected: Bool
    }

    struct Filter: TemplateView {
        let name: String
        let label: String
        let choices: [Choice]
    }

    struct Cell: TemplateView {
        let text: String
        let link: String?
        let numeric: Bool
    }

    struct Row: TemplateView {
        let id: String
        let cells: [Cell]
    }

    let heading: String
    let action: String
    let filters: [Filter]
    let columns: [String]
    let rows: [Row]
    let next: String?
    let paged: Bool
    let firstPage: String
}
