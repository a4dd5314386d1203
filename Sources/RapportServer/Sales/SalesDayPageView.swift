/// "My day" (`sales_day`): the signed-in user's open tasks due today or overdue, each with a
/// Done button, and today's meetings.
struct SalesDayPageView: TemplateView {
    struct Task: TemplateView {
        let id: String
        let title: String
        let kind: String
        let due: String
        let dueISO: String
        let dueWords: String
        let overdue: Bool
        /// What it is about, linked where a page shows it.
        let about: String?
        let aboutLink: String?
    }

    struct Meeting: TemplateView {
        let id: String
        let title: String
        let starts: String
        let startsISO: String
        let ends: String
        let location: String?
    }

    let day: String
    let tasks: [Task]
    let meetings: [Meeting]
    let mayComplete: Bool
    let notice: String?
    let error: String?
}
