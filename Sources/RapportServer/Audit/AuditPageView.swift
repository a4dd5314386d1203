/// The audit log page: the filters as given, a page of entries and the link to older ones.
struct AuditPageView: TemplateView {
    struct Row: TemplateView {
        let position: Int64
        let when: String
        let whenISO: String
        let actor: String
        let ipAddress: String?
        let action: String
        /// `customer cus_…`, or `customer (erased)` once its id was blanked.
        let subject: String?
        let subjectHref: String?
        let details: String?
    }

    struct Head: TemplateView {
        let position: Int64
        let hash: String
    }

    let actions: [ChoiceView]
    let actor: String?
    let customerID: String?
    let head: Head?
    let rows: [Row]
    let empty: Bool
    let next: String?
}
