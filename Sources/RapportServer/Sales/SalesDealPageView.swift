/// A deal's page (`sales_deal`): its facts, where it is with a way to move it, its history of
/// stage moves, its tasks (done from the page), its meetings, and its customer's conversations
/// for those who may read them.
struct SalesDealPageView: TemplateView {
    struct Fact: TemplateView {
        let label: String
        let value: String
        let link: String?
    }

    struct Choice: TemplateView {
        let id: String
        let name: String
        let selected: Bool
    }

    struct Move: TemplateView {
        let from: String
        let to: String
        let when: String
        let whenISO: String
        let by: String
    }

    struct Task: TemplateView {
        let id: String
        let title: String
        let kind: String
        let status: String
        let due: String?
        let open: Bool
    }

    struct Meeting: TemplateView {
        let id: String
        let title: String
        let starts: String
        let startsISO: String
        let status: String
    }

    struct Conversation: TemplateView {
        let id: String
        let subject: String
        let channel: String
        let status: String
        let last: String
    }

    let id: String
    let title: String
    let status: String
    let pipelineID: String
    let facts: [Fact]
    let stages: [Choice]
    let mayMove: Bool
    let mayCompleteTasks: Bool
    let moves: [Move]
    let moreMoves: Bool
    let tasks: [Task]
    let moreTasks: Bool
    let meetings: [Meeting]
    let moreMeetings: Bool
    let showsConversations: Bool
    let conversations: [Conversation]
    let notice: String?
    let error: String?
}
