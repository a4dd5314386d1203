/// A customer's page (`customer`, and each side of `customer_merge`): the profile, tags,
/// attributes and consent, orders and returns, the timeline, duplicates and merges to undo,
/// the lifetime value and products to offer, the inboxes that can write to them, and a refused
/// form's message and what was typed (`{{tag_error}}`, `{{tag_draft}}`).
struct CustomerPageView: TemplateView {
    struct Identity: TemplateView {
        let kind: String
        let value: String
        let source: String?
    }

    /// A purpose and channel the customer answered for: what holds now, since when and from
    /// where, and every change with its evidence.
    struct Consent: TemplateView {
        struct Change: TemplateView {
            let status: String
            let source: String
            let actor: String
            let when: String
            let whenISO: String
            let address: String?
            let browser: String?
            let textHash: String?
            /// A double opt-in's first half: "signed up 2 Dec 2026 10:04 from 203.0.113.9".
            let signedUp: String?
        }

        let purpose: String
        let channel: String
        let effect: String
        let since: String
        let source: String
        let expires: String?
        let changes: [Change]
    }

    struct Attribute: TemplateView {
        let key: String
        let value: String
    }

    struct Address: TemplateView {
        let text: String
    }

    /// One touchpoint of the timeline. `hasSummary` guards `{{summary}}`: a row without one
    /// must not fall through to the page's `summary`.
    struct TimelineEntry: TemplateView {
        let channel: String
        let direction: String
        let kind: String
        let summary: String?
        let hasSummary: Bool
        let when: String
        let whenISO: String

        init(channel: String, direction: String, kind: String, summary: String?, when: String, whenISO: String) {
            self.channel = channel
            self.direction = direction
            self.kind = kind
            self.summary = summary
            self.hasSummary = summary != nil
            self.when = when
            self.whenISO = whenISO
        }
    }

    /// A merge into this customer that can still be undone.
    struct Merge: TemplateView {
        let mergeID: String
        let customerID: String
        let mergedName: String
        let when: String
    }

    /// Another customer who may be the same person, and the identity both share.
    struct Suggestion: TemplateView {
        let customerID: String
        let otherID: String
        let reason: String
        let identity: String
    }

    /// The lifetime forecast of the daily fit.
    struct Lifetime: TemplateView {
        let value: String
        let orderValue: String
        let purchases: String
        let alive: String
        let asOf: String
    }

    struct RFM: TemplateView {
        let scores: String
        let segment: String
        let segmentValue: String
    }

    /// A journey the customer is or was in, and where.
    struct JourneyRow: TemplateView {
        let journeyID: String
        let name: String
        let status: String
        let place: String
        let entered: String
        let enteredISO: String
    }

    /// An open task of the team's about the customer.
    struct TaskRow: TemplateView {
        let id: String
        let title: String
        let kind: String
        let due: String?
        let overdue: Bool
    }

    /// An inbox that can start a conversation with the customer: its name and channel.
    struct WriteInbox: TemplateView {
        let id: String
        let name: String
    }

    let id: String
    let name: String
    let initials: String
    let locale: String?
    let timezone: String?
    let notes: String?
    let since: String
    let identities: [Identity]
    let tags: [String]
    let consent: [Consent]
    let hasConsent: Bool
    /// The choices of the form an agent records consent with.
    let consentPurposes: [ChoiceView]
    let consentChannels: [ChoiceView]
    let consentStatuses: [ChoiceView]
    var consentError: String?
    /// Set by the page's handler: the privacy card's downloads and erasure form.
    var canExport = false
    var canErase = false
    var eraseError: String?
    let attributes: [Attribute]
    let addresses: [Address]
    let summary: CommerceSummaryView
    let orders: [OrderView]
    let returns: [ReturnView]
    let timeline: [TimelineEntry]
    let merges: [Merge]
    let suggestions: [Suggestion]
    let interactionCount: Int
    /// Nil until the daily fit has run for the customer.
    let lifetime: Lifetime?
    let rfm: RFM?
    let recommendations: [RecommendedProducts.Row]
    let journeys: [JourneyRow]
    let tasks: [TaskRow]
    let showsJourneys: Bool
    let showsTasks: Bool
    /// Nil while the workspace has no loyalty programme.
    var loyalty: CustomerLoyaltyView?

    /// Set by the page's handler for users who may start conversations.
    var canWrite = false
    var writeInboxes: [WriteInbox] = []

    /// A refused form: its message and what was typed.
    var tagError: String?
    var tagDraft: String?
    var attributeError: String?
    var attributeKey: String?
    var attributeValue: String?
    var writeError: String?
    var writeDraft: String?
}
