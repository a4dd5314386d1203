/// The segments page (`segments`): every segment and list of the workspace with its size, and
/// the button to build a new one for those who may.
struct SegmentsPageView: TemplateView {
    struct Row: TemplateView {
        let id: String
        let name: String
        let description: String?
        /// `Segment` or `List`.
        let kind: String
        let isList: Bool
        let members: Int
        let updated: String
        let updatedISO: String
    }

    let rows: [Row]
    let empty: Bool
    let mayManage: Bool
}
