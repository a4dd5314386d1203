/// A journey's page (`journey`): its status and the moves it allows, the flow with each
/// step's counts, the totals against the holdout, and each step's figures in a table.
struct JourneyPageView: TemplateView {
    struct Tile: TemplateView {
        let key: String
        let figure: String
        let words: String
    }

    struct Step: TemplateView {
        let key: String
        let title: String
        let waiting: Int
        let passed: Int
        let skipped: Int
        let sent: Int
        let converted: Int
        let revenue: String
    }

    let id: String
    let name: String
    let status: String
    let version: String
    let flow: String
    let tiles: [Tile]
    let steps: [Step]
    /// Conversions and revenue: to the insights' roles.
    let showsOutcomes: Bool
    let mayPublish: Bool
    /// `Publish`, or for a journey already live, publishing its draft as the next version.
    let publishWords: String
    let mayPause: Bool
    let mayResume: Bool
    let mayArchive: Bool
    let showsDraft: Bool
    /// The draft's editor, for those who manage journeys while it is not archived.
    let editor: JourneyDraftEditorView?
    var notice: String?
    var actionError: String?
}
