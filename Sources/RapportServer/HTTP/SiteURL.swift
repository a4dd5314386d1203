import RapportCore

/// Every address Rapport hands out or answers at from outside the API: providers' webhooks,
/// the chat widget, help articles. Routes register these paths and links are built from them,
/// so a registered route and the URL given to a provider cannot drift apart.
public enum SiteURL: Sendable, Equatable {
    /// Where Twilio posts an SMS, and its delivery reports.
    case twilioSMS(inboxID: String)
    case twilioSMSStatus(inboxID: String)
    /// Where Twilio asks what to do with a call, then with the menu choice, the recording and the call's end.
    case twilioVoice(inboxID: String)
    case twilioVoiceMenu(inboxID: String)
    case twilioVoiceRecording(inboxID: String)
    case twilioVoiceStatus(inboxID: String)
    /// Where an e-mail provider posts inbound mail.
    case inboundEmail(inboxID: String)
    /// Where SendGrid posts its Event Webhook (bounces, spam reports, unsubscribes).
    case emailEvents(inboxID: String)
    /// Where Meta posts (WhatsApp, Messenger, Instagram) and verifies the subscription.
    case channelWebhook(channel: InboxChannel, inboxID: String)
    /// The script a shop embeds for its web chat.
    case chatWidget(inboxID: String)
    /// Where a connected shop posts its order and customer webhooks.
    case shopWebhook(kind: SourceKind, sourceID: String)
    /// A published help article, readable by anyone.
    case helpArticle(workspaceID: String, slug: String)
    /// A product's approved reviews, readable by anyone (with schema.org JSON-LD).
    case productReviews(workspaceID: String, productID: String)
    /// A product's 3D file, public while the product is active.
    case productModel(workspaceID: String, productID: String, format: ProductModelFormat)
    /// A survey's answer page, opened by its signed link.
    case survey(surveyID: String, signature: String)
    /// A review request's page: an order's items to review, opened by its signed link
    /// (`ReviewRequestLink`; `expires` is its last day).
    case reviewRequest(workspaceID: String, orderID: String, expires: String, signature: String)
    /// A customer's preference centre, opened by a signed link.
    case preferences(token: String)
    /// Takes a loyalty reward for the points of the customer whose preference centre it is.
    case preferencesReward(token: String)
    /// Unsubscribes a customer from marketing e-mail (`List-Unsubscribe`, RFC 8058).
    case unsubscribe(token: String)
    /// Confirms a sign-up (double opt-in); the link of the confirmation e-mail.
    case confirmSignUp(token: String)
    /// A campaign message's click redirect: counts the click, then leads to the signed target
    /// (given as `?u=`).
    case campaignClick(sendID: String, signature: String)
    /// A campaign message's open pixel.
    case campaignOpen(sendID: String, signature: String)
    /// An SMS campaign's short click redirect: counts the click, then leads to the campaign's
    /// link `index` (`CampaignTextLinks`).
    case campaignTextClick(sendID: String, index: String, signature: String)

    /// The inbox's address for its provider (`rapport inboxes add` prints it).
    public static func inbox(_ inbox: Inbox) -> SiteURL {
        switch inbox.channel {
        case .sms: .twilioSMS(inboxID: inbox.id)
        case .voice: .twilioVoice(inboxID: inbox.id)
        case .email: .inboundEmail(inboxID: inbox.id)
        case .webchat: .chatWidget(inboxID: inbox.id)
        case .whatsapp, .messenger, .instagram, .store: .channelWebhook(channel: inbox.channel, inboxID: inbox.id)
        }
    }

    public static func source(_ source: ShopSource) -> SiteURL {
        .shopWebhook(kind: source.kind, sourceID: source.id)
    }

    /// The path, from the root.
    public var path: String { "/" + relativePath }

    /// The path as a route registers it, with `:parameter` in place of the id.
    static func route(_ parameter: String, _ url: (String) -> SiteURL) -> String {
        url(":\(parameter)").relativePath
    }

    /// The click redirect's and the open pixel's paths as their routes register them.
    static let campaignClickRoute = SiteURL.campaignClick(sendID: ":send_id", signature: ":signature").relativePath
    static let campaignOpenRoute = SiteURL.campaignOpen(sendID: ":send_id", signature: ":signature").relativePath
    static let campaignTextClickRoute = SiteURL.campaignTextClick(sendID: ":send_id", index: ":index", signature: ":signature").relativePath

    /// The help article's path as its route registers it.
    static let helpArticleRoute = SiteURL.helpArticle(workspaceID: ":workspace", slug: ":slug").relativePath
    /// The survey page's path as its route registers it.
    static let surveyRoute = SiteURL.survey(surveyID: ":survey_id", signature: ":signature").relativePath
    /// The review request page's path as its route registers it.
    static let reviewRequestRoute = SiteURL.reviewRequest(
        workspaceID: ":workspace", orderID: ":order", expires: ":expires", signature: ":signature").relativePath
    /// The public review page's path as its route registers it.
    static let productReviewsRoute = SiteURL.productReviews(workspaceID: ":workspace", productID: ":product").relativePath

    private var relativePath: String {
        switch self {
        case .twilioSMS(let id): "webhooks/twilio/sms/\(id)"
        case .twilioSMSStatus(let id): "webhooks/twilio/sms/\(id)/status"
        case .twilioVoice(let id): "webhooks/twilio/voice/\(id)"
        case .twilioVoiceMenu(let id): "webhooks/twilio/voice/\(id)/menu"
        case .twilioVoiceRecording(let id): "webhooks/twilio/voice/\(id)/recording"
        case .twilioVoiceStatus(let id): "webhooks/twilio/voice/\(id)/status"
        case .inboundEmail(let id): "webhooks/email/\(id)"
        case .emailEvents(let id): "webhooks/email/\(id)/events"
        case .channelWebhook(let channel, let id): "webhooks/\(channel.rawValue)/\(id)"
        case .chatWidget(let id): "widget.js?inbox=\(id)"
        case .shopWebhook(let kind, let id): "webhooks/\(kind.rawValue)/\(id)"
        case .helpArticle(let workspace, let slug): "help/\(workspace)/\(slug)"
        case .productReviews(let workspace, let product): "reviews/\(workspace)/\(product)"
        case .productModel(let workspace, let product, let format): "media/\(workspace)/\(product)/model.\(format.rawValue)"
        case .survey(let survey, let signature): "survey/\(survey)/\(signature)"
        case .reviewRequest(let workspace, let order, let expires, let signature): "review/\(workspace)/\(order)/\(expires)/\(signature)"
        case .preferences(let token): "preferences/\(token)"
        case .preferencesReward(let token): "preferences/\(token)/reward"
        case .unsubscribe(let token): "unsubscribe/\(token)"
        case .confirmSignUp(let token): "confirm/\(token)"
        case .campaignClick(let send, let signature): "c/\(send)/\(signature)"
        case .campaignOpen(let send, let signature): "o/\(send)/\(signature)"
        case .campaignTextClick(let send, let index, let signature): "s/\(send)/\(index)/\(signature)"
        }
    }
}
