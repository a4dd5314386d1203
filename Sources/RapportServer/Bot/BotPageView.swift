/// The bot's page (`/bot`): its settings with every inbox it can answer, the intents of the
/// current version and the saved versions, the help articles, and, after a form, what a tried
/// message gave, the version just trained or why a form was refused.
struct BotPageView: TemplateView {
    /// An inbox the bot can answer, ticked when it does.
    struct Inbox: TemplateView {
        let id: String
        let name: String
        let channel: String
        let on: Bool
    }

    /// An intent of the current version: how many examples it has, the first three, and the
    /// answer of a store's own intent.
    struct Intent: TemplateView {
        let name: String
        let count: Int
        let sample: String
        let answer: String?
        let builtIn: Bool
    }

    /// A saved version of the intents: who saved it when, how many intents it has, and
    /// whether it is the one in use.
    struct Version: TemplateView {
        let version: Int
        let by: String
        let at: String
        let current: Bool
        let intents: Int
    }

    /// A help article: its title, its address and when it last changed.
    struct Article: TemplateView {
        let id: String
        let title: String
        let slug: String
        let updated: String
        let link: String
    }

    /// What the bot read in a tried message: the intent and how sure it is, the entities, the
    /// sentiment and the help centre's best passage.
    struct Tried: TemplateView {
        /// An entity found in the message (`order number: 1001`).
        struct Entity: TemplateView {
            let kind: String
            let value: String
        }

        /// The help-centre passage that answers the message, with its article's title and link.
        struct Passage: TemplateView {
            let title: String
            let passage: String
            let link: String
        }

        let text: String
        let intent: String
        let nearest: String
        let confidence: String
        let entities: [Entity]
        let sentiment: String
        let article: Passage?
        let version: Int
    }

    /// A version of the intents just saved: its number, the version it copies when an earlier
    /// one was used again, and how long training took.
    struct Trained: TemplateView {
        let version: Int
        var restored: Int?
        let seconds: String
    }

    /// What was typed into the form adding an intent, shown again when it was refused.
    struct IntentDraft: TemplateView {
        let name: String
        let examples: String
        let answer: String
    }

    let inboxes: [Inbox]
    let returnWindowDays: Int
    let nonReturnableWords: String
    let returnInstructions: String
    let paymentLinkTemplate: String?
    let handOffVIP: Bool
    let vipTag: String
    let version: Int
    let versionBy: String
    let intents: [Intent]
    let versions: [Version]
    /// Whether any version was saved: the versions' heading and the way back to the built-in intents show.
    let hasVersions: Bool
    let articles: [Article]
    var tried: Tried?
    var tryError: String?
    var trained: Trained?
    var settingsError: String?
    var intentsError: String?
    var intentsDraft: IntentDraft?
}
