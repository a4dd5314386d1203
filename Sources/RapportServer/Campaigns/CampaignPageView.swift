import RapportCore

/// A campaign's page (`campaign`): its status with the moves it allows (as forms that post
/// with the CSRF token), who gets what, a preview as a chosen customer (a sandboxed frame) with
/// a test send to oneself, a check of its links, and the report: the send log's counts, who
/// was left out and why, an SVG chart of messages sent, opened and clicked over time, and what
/// it brought.
struct CampaignPageView: TemplateView {
    /// A figure of the report; `key` names it in the page (`stat-sent`).
    struct Tile: TemplateView {
        let key: String
        let figure: Int
        let words: String
    }

    struct Reason: TemplateView {
        /// The API's name (`no_consent`).
        let code: String
        let words: String
        let count: Int
    }

    struct SegmentLink: TemplateView {
        let id: String
        let name: String
    }

    /// One locale's version of the content: an e-mail's subject, an SMS's text with its count,
    /// or a WhatsApp message's template with its parameters.
    struct Version: TemplateView {
        let locale: String
        let subject: String?
        /// An SMS's text, and its count as the sender counts it (`58 characters · GSM-7 · 1 SMS`).
        let smsText: String?
        let smsCount: String?
        /// A WhatsApp message's template, `order_update (en_US)`, and its body parameters in order.
        let template: String?
        let templateParameters: [String]
        let hasTemplateParameters: Bool
        let isDefault: Bool

        init(locale: String, content: CampaignContent?, channel: CampaignChannel, isDefault: Bool) {
            self.locale = locale
            subject = content?.subject
            smsText = channel == .sms ? content?.text : nil
            smsCount = smsText.map { SMSSegments.count($0).counterText }
            template = content?.template.map { "\($0.name) (\($0.language))" }
            templateParameters = content?.template?.parameters ?? []
            hasTemplateParameters = !templateParameters.isEmpty
            self.isDefault = isDefault
        }
    }

    /// The e-mail as the chosen customer gets it: its headers, and the frame that shows it.
    struct Preview: TemplateView {
        let to: String?
        let subject: String
        let preheader: String?
        let locale: String
        /// The preview route the frame loads.
        let frame: String
        /// Rendered for the sample recipient, not a customer.
        let sample: Bool
        /// What the test-send form repeats: the customer, the locale and the version chosen.
        let customerID: String?
        let localeChoice: String?
        /// The A/B/n version shown (and the one the test form sends); nil without a test.
        let variant: String?
    }

    let id: String
    let name: String
    let status: String
    let statusCode: String
    let channel: String
    let inbox: String
    let created: String
    let createdBy: String
    let started: String?
    let finished: String?
    /// Why the sender paused it.
    let statusReason: String?

    let audience: [SegmentLink]
    let exclusions: [SegmentLink]
    let hasExclusions: Bool
    let versions: [Version]
    let holdout: String
    let cap: String
    let schedule: String

    let mayAct: Bool
    let maySend: Bool
    /// `Send now` or `Schedule`.
    let sendWords: String
    let mayPause: Bool
    let mayResume: Bool
    let mayCancel: Bool
    let mayDelete: Bool
    let mayTest: Bool
    /// Whether the link check's form shows (it fetches the links: those who send campaigns).
    let mayCheckLinks: Bool

    /// Whether the channel can be previewed (e-mail).
    let previewable: Bool
    var preview: Preview?
    var previewError: String?
    /// Whom to preview as: the sample, and the first members of the campaign's first segment.
    let recipients: [ChoiceView]
    /// The customer's own locale, or one of the content's.
    let locales: [ChoiceView]
    /// An A/B/n test's versions to preview (empty without a test).
    let variants: [ChoiceView]
    let hasVariants: Bool

    let tiles: [Tile]
    let reasons: [Reason]
    /// Inline SVG of messages sent, opened and clicked per hour or day; nil before any went.
    let chart: String?
    let chartWords: String
    /// What it brought: attributed orders, return, lift over the holdout; nil for a role
    /// that does not see the store's figures.
    let results: CampaignResultsView?
    /// The A/B/n test: its variants, how each did (for the insights' roles), the winner or the
    /// form to choose one.
    let experiment: CampaignExperimentView?
    /// What the last action did.
    var notice: String?
    /// Why the last action was refused.
    var actionError: String?
    /// The links checked, after the link check's form was sent.
    var linkCheck: CampaignLinkCheckView?
    /// Why the link check was refused.
    var linkCheckError: String?
}
