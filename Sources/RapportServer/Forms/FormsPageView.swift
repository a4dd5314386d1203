import RapportCore

/// `/forms`: the workspace's forms and quizzes, with their answers, and a box to start one.
struct FormsPageView: TemplateView {
    struct Row: TemplateView {
        let id: String
        let name: String
        let kind: String
        let status: String
        let answers: Int
        let updated: String
    }

    let rows: [Row]
    let empty: Bool
    let mayManage: Bool
    var errors: [String] = []
    var hasErrors = false
}
