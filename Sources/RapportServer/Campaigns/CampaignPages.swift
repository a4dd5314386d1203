import Foundation
import Hummingbird
import RapportCore

/// `/campaigns`: the workspace's campaigns with their status and counts; the form for a new
/// e-mail, SMS or WhatsApp campaign; a campaign's page with its status and the moves it allows
/// (send, pause, resume, cancel, delete a draft), who gets what (an SMS with its count of parts),
/// a preview as a chosen customer with a test send to oneself, a check of its links, and its
/// report (counts, who was left out and why, a chart over time).
/// Everyone signed in sees them; admins, managers and marketers write, send and test them.
struct CampaignPages {
    static let pageSize = 25
    /// Members of the campaign's first segment offered to preview as.
    static let previewChoices = 20
    /// The preview's own policy: an e-mail's inline styles and its images over https, nothing
    /// else (no script, no form, no plugin), framed only by Rapport's own pages, whose frame
    /// sandboxes it as well (`sandbox=""`).
    static let previewPolicy = [
        "default-src 'none'", "style-src 'unsafe-inline'", "img-src https: data:", "frame-ancestors 'self'", "base-uri 'none'",
        "form-action 'none'", "sandbox",
    ].joined(separator: "; ")
    /// A campaign's page is the workspace's policy plus framing its own preview.
    static let pagePolicy = SecurityHeadersMiddleware.policy + "; frame-src 'self'"

    let campaigns: CampaignService
    let sender: CampaignDispatcher
    let segments: SegmentService
    let inboxes: InboxService
    let templates: WhatsAppTemplateService
    let linkProbe: any LinkProbe
    let pages: WebPages

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("campaigns", requiring: .viewCampaigns, use: list)
        group.get("campaigns/new", requiring: .manageCampaigns, use: newCampaign)
        group.post("campaigns", requiring: .manageCampaigns, use: create)
        group.get("campaigns/:id", requiring: .viewCampaigns, use: show)
        group.get("campaigns/:id/preview", requiring: .viewCampaigns, use: preview)
        group.post("campaigns/:id/send", requiring: .manageCampaigns, use: send)
        group.post("campaigns/:id/pause", requiring: .manageCampaigns, use: pause)
        group.post("campaigns/:id/resume", requiring: .manageCampaigns, use: resume)
        group.post("campaigns/:id/cancel", requiring: .manageCampaigns, use: cancel)
        group.post("campaigns/:id/winner", requiring: .manageCampaigns, use: chooseWinner)
        group.post("campaigns/:id/test", requiring: .manageCampaigns, use: test)
        group.post("campaigns/:id/link_check", requiring: .manageCampaigns, use: checkLinks)
        group.post("campaigns/:id/delete", requiring: .manageCampaigns, use: delete)
    }

    // MARK: The list and the form

    /// `?after=cmp_…` pages to older campaigns.
    @Sendable func list(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let actor = context.actor
        let after = request.uri.queryParameters["after"].map(String.init).flatMap { ResourceID.isValid($0, prefix: .campaign) ? $0 : nil }
        let found = try await campaigns.list(page: try PageRequest(limit: Self.pageSize, startingAfter: after), as: actor)
        let names = try await inboxNames(actor)
        var rows: [CampaignsPageView.Row] = []
        for campaign in found.items {
            // Counted from each campaign's send log (docs/campaigns.md: stats are counted on each read).
            let stats = try await campaigns.stats(id: campaign.id, as: actor)
            rows.append(CampaignsPageView.Row(
                id: campaign.id, name: campaign.name, status: CampaignWording.status(campaign.status), statusCode: campaign.status.rawValue,
                channel: CampaignWording.channel(campaign.channel), inbox: names[campaign.inboxID] ?? campaign.inboxID, audience: stats.audience,
                sent: stats.sent, opened: stats.opened, clicked: stats.clicked, created: WebFormat.time(campaign.createdAt),
                createdISO: WebFormat.iso(campaign.createdAt)))
        }
        var next: String?
        if found.hasMore, let last = found.items.last { next = "/campaigns?after=\(last.id)" }
        let view = CampaignsPageView(rows: rows, empty: rows.isEmpty, mayManage: actor.may(.manageCampaigns), next: next, paged: after != nil)
        return try pages.render("campaigns", context, title: "Campaigns", section: "campaigns", view: view)
    }

    @Sendable func newCampaign(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await form(context, input: CampaignForm())
    }

    /// Saves a draft from the form and goes on to its page; a refusal shows the form again as typed.
    @Sendable func create(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let input = CampaignForm(try await WebForm.read(request, context: context))
        do {
            let campaign = try await campaigns.create(try input.draft(), as: context.actor)
            return WebRedirect.to("/campaigns/\(campaign.id)")
        } catch RapportError.invalid(let problems) {
            return try await form(context, input: input, problems: problems, status: .unprocessableContent)
        }
    }

    private func form(
        _ context: SignedInRequestContext, input: CampaignForm, problems: [FieldError] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = context.actor
        let all = try await segments.list(as: actor).sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        let groups = Self.inboxGroups(try await inboxes.inboxes(as: actor), chosen: input.inboxID)
        var view = CampaignFormPageView(
            form: input,
            channels: groups.map { group in
                CampaignFormPageView.ChannelChoice(
                    value: group.channel, label: group.label + (group.inboxes.isEmpty ? " (no inbox yet)" : ""), selected: group.channel == input.channel)
            },
            inboxGroups: groups,
            segments: all.map { segment in
                CampaignFormPageView.SegmentChoice(
                    id: segment.id, name: segment.name, kind: SegmentWording.kind(segment.kind), members: segment.memberCount,
                    included: input.segmentIDs.contains(segment.id), excluded: input.exclusionSegmentIDs.contains(segment.id))
            },
            noInbox: groups.allSatisfy(\.inboxes.isEmpty), noSegment: all.isEmpty,
            smsCount: SMSSegments.count(input.smsText).counterText, variantSMSCount: SMSSegments.count(input.variantSMSText).counterText,
            variantOpen: input.hasSecondVersion, exclusionsOpen: !input.exclusionSegmentIDs.isEmpty)
        if let first = problems.first {
            let field = input.field(for: first.field)
            view.error = input.message(problems)
            view.invalid = [field: true]
        }
        return try pages.render("campaign_form", context, title: "New campaign", section: "campaigns", view: view, status: status)
    }

    // MARK: A campaign

    /// `?customer_id=cus_…&locale=id` chooses the preview; `?done=` says what the last move did.
    @Sendable func show(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        return try await render(
            context: context, id: try Self.id(context), customerID: Self.nonEmpty(query["customer_id"].map(String.init)),
            locale: Self.nonEmpty(query["locale"].map(String.init)), variant: Self.nonEmpty(query["variant"].map(String.init)),
            done: query["done"].map(String.init))
    }

    /// The e-mail itself, for the campaign page's sandboxed frame: its own policy (inline
    /// styles, no script), framed only by Rapport's pages.
    @Sendable func preview(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let preview = try await sender.preview(
            id: try Self.id(context), customerID: Self.nonEmpty(query["customer_id"].map(String.init)),
            locale: Self.nonEmpty(query["locale"].map(String.init)), variant: Self.nonEmpty(query["variant"].map(String.init)), as: context.actor)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[SecurityHeadersMiddleware.contentSecurityPolicy] = Self.previewPolicy
        headers[SecurityHeadersMiddleware.frameOptions] = "SAMEORIGIN"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: preview.email.html)))
    }

    @Sendable func send(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await move(request, context: context) { id in
            try await templates.checkTemplates(of: try await campaigns.find(id: id, as: context.actor), as: context.actor)
            return try await campaigns.send(id: id, as: context.actor).status.rawValue
        }
    }

    @Sendable func pause(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await move(request, context: context) { id in
            _ = try await campaigns.pause(id: id, as: context.actor)
            return "paused"
        }
    }

    @Sendable func resume(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await move(request, context: context) { id in
            _ = try await campaigns.resume(id: id, as: context.actor)
            return "resumed"
        }
    }

    @Sendable func cancel(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        try await move(request, context: context) { id in
            _ = try await campaigns.cancel(id: id, as: context.actor)
            return "cancelled"
        }
    }

    /// Sends the A/B test's chosen variant to the rest of the audience.
    @Sendable func chooseWinner(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WebForm.read(request, context: context)
        let variant = Self.nonEmpty(form["variant"]) ?? ""
        do {
            _ = try await campaigns.chooseWinner(id: id, variant: variant, as: context.actor)
            return WebRedirect.to("/campaigns/\(id)?done=winner")
        } catch let error as RapportError {
            guard let refusal = Self.refusal(error) else { throw error }
            return try await render(context: context, id: id, customerID: nil, locale: nil, done: nil, status: refusal.status) {
                $0.actionError = refusal.message
            }
        }
    }

    /// Sends the preview chosen (`customer_id`, `locale`, `variant`) to the signed-in user.
    @Sendable func test(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WebForm.read(request, context: context)
        let customerID = Self.nonEmpty(form["customer_id"])
        let locale = Self.nonEmpty(form["locale"])
        let variant = Self.nonEmpty(form["variant"])
        do {
            _ = try await sender.testSend(id: id, customerID: customerID, locale: locale, variant: variant, to: nil, as: context.actor)
            return WebRedirect.to(
                "/campaigns/\(id)" + Self.query([("customer_id", customerID), ("locale", locale), ("variant", variant), ("done", "test")]))
        } catch let error as RapportError {
            guard let refusal = Self.refusal(error) else { throw error }
            return try await render(
                context: context, id: id, customerID: customerID, locale: locale, variant: variant, done: nil, status: refusal.status
            ) {
                $0.actionError = refusal.message
            }
        }
    }

    /// Checks the campaign's links, personalised ones filled in as the chosen customer
    /// (`customer_id`) or the sample gets them, and shows the page with the results.
    @Sendable func checkLinks(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let form = try await WebForm.read(request, context: context)
        let customerID = Self.nonEmpty(form["customer_id"])
        do {
            let report = try await sender.checkLinks(id: id, customerID: customerID, probe: linkProbe, as: context.actor)
            return try await render(context: context, id: id, customerID: customerID, locale: nil, done: nil) {
                $0.linkCheck = CampaignLinkCheckView(report)
            }
        } catch let error as RapportError {
            guard let refusal = Self.refusal(error) else { throw error }
            return try await render(context: context, id: id, customerID: nil, locale: nil, done: nil, status: refusal.status) {
                $0.linkCheckError = refusal.message
            }
        }
    }

    /// Deletes a draft; any other campaign stays, and its page says why.
    @Sendable func delete(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try Self.id(context)
        _ = try await WebForm.read(request, context: context)
        do {
            try await campaigns.delete(id: id, as: context.actor)
        } catch RapportError.conflict(let message) {
            return try await render(context: context, id: id, customerID: nil, locale: nil, done: nil, status: .conflict) { $0.actionError = message }
        }
        return WebRedirect.to("/campaigns")
    }

    /// A move of the campaign's status from its page: back to the page saying what it did, or
    /// the page with the refusal.
    private func move(_ request: Request, context: SignedInRequestContext, _ change: (String) async throws -> String) async throws -> Response {
        let id = try Self.id(context)
        _ = try await WebForm.read(request, context: context)
        do {
            let done = try await change(id)
            return WebRedirect.to("/campaigns/\(id)?done=\(done)")
        } catch let error as RapportError {
            guard let refusal = Self.refusal(error) else { throw error }
            return try await render(context: context, id: id, customerID: nil, locale: nil, done: nil, status: refusal.status) {
                $0.actionError = refusal.message
            }
        }
    }

    // MARK: Rendering

    private func render(
        context: SignedInRequestContext, id: String, customerID: String?, locale: String?, variant: String? = nil, done: String?,
        status: HTTPResponse.Status = .ok,
        adjust: (inout CampaignPageView) -> Void = { _ in }
    ) async throws -> Response {
        let actor = context.actor
        let campaign = try await campaigns.find(id: id, as: actor)
        // Revenue is the store's figures: what the campaign brought shows to the insights' roles.
        let report = actor.may(.viewInsights) ? try await campaigns.report(id: id, as: actor) : nil
        let stats = if let report { report.stats } else { try await campaigns.stats(id: id, as: actor) }
        let timeline = try await campaigns.timeline(id: id, as: actor)
        let all = try await segments.list(as: actor)
        let names = Dictionary(all.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let inbox = try await inboxNames(actor)[campaign.inboxID] ?? campaign.inboxID
        let definition = campaign.definition

        let previewable = campaign.channel == .email
        var preview: CampaignPreview?
        var previewError: String?
        if previewable {
            do {
                preview = try await sender.preview(id: id, customerID: customerID, locale: locale, variant: variant, as: actor)
            } catch let error as RapportError {
                previewError = Self.refusal(error)?.message ?? "The preview cannot be shown: \(error)"
            }
        }
        var members: [Customer] = []
        if let first = definition.audience.segmentIDs.first,
            let page = try? await segments.members(id: first, page: PageRequest(limit: Self.previewChoices), as: actor)
        {
            members = page.items
        }
        var recipients = [ChoiceView(value: "", label: "A sample customer with no name (every fallback shows)", selected: customerID == nil)]
        recipients += members.map { customer in
            let email = customer.identities.first { $0.kind == .email }?.value
            let name = WebFormat.customerName(customer)
            return ChoiceView(value: customer.id, label: email.map { $0 == name ? name : "\(name) <\($0)>" } ?? name, selected: customer.id == customerID)
        }
        if let preview, let chosen = preview.customerID, !members.contains(where: { $0.id == chosen }) {
            recipients.append(ChoiceView(value: chosen, label: preview.email.name ?? preview.to ?? chosen, selected: true))
        }
        let locales = [ChoiceView(value: "", label: "The customer's own", selected: locale == nil)]
            + definition.content.keys.sorted().map { ChoiceView(value: $0, label: $0, selected: $0 == locale) }
        // An A/B/n test's versions: the winner (else A) unless one is chosen.
        let variants = definition.experiment.map { experiment in
            [ChoiceView(value: "", label: campaign.winnerVariant.map { "The winner (\($0))" } ?? "A (until a winner is chosen)", selected: variant == nil)]
                + experiment.names.map { ChoiceView(value: $0, label: $0, selected: $0 == variant) }
        } ?? []

        let mayManage = actor.may(.manageCampaigns)
        let maySend = mayManage && (campaign.status == .draft || campaign.status == .scheduled)
        let mayPause = mayManage && campaign.status == .sending
        let mayResume = mayManage && campaign.status == .paused && !campaign.awaitsWinnerChoice
        let mayCancel = mayManage && ([.scheduled, .sending, .paused] as Set<CampaignStatus>).contains(campaign.status)
        let mayDelete = mayManage && campaign.status == .draft
        let scheduledAhead = campaign.status == .draft && definition.schedule != nil
        var view = CampaignPageView(
            id: campaign.id, name: campaign.name, status: CampaignWording.status(campaign.status), statusCode: campaign.status.rawValue,
            channel: CampaignWording.channel(campaign.channel), inbox: inbox, created: WebFormat.time(campaign.createdAt), createdBy: campaign.createdBy,
            started: campaign.startedAt.map(WebFormat.time), finished: campaign.finishedAt.map(WebFormat.time), statusReason: campaign.statusReason,
            audience: definition.audience.segmentIDs.map { CampaignPageView.SegmentLink(id: $0, name: names[$0] ?? $0) },
            exclusions: definition.audience.exclusionSegmentIDs.map { CampaignPageView.SegmentLink(id: $0, name: names[$0] ?? $0) },
            hasExclusions: !definition.audience.exclusionSegmentIDs.isEmpty,
            versions: definition.content.keys.sorted().map { key in
                CampaignPageView.Version(locale: key, content: definition.content[key], channel: campaign.channel, isDefault: key == definition.defaultLocale)
            },
            holdout: CampaignWording.percent(definition.holdoutShare),
            cap: "At most \(definition.frequencyCap.messages) marketing \(Self.messagesWord(campaign.channel)) in \(definition.frequencyCap.days) days per customer",
            schedule: Self.schedule(campaign),
            mayAct: maySend || mayPause || mayResume || mayCancel || mayDelete, maySend: maySend, sendWords: scheduledAhead ? "Schedule" : "Send now",
            mayPause: mayPause, mayResume: mayResume, mayCancel: mayCancel, mayDelete: mayDelete, mayTest: mayManage && previewable,
            mayCheckLinks: mayManage,
            previewable: previewable,
            preview: preview.map { preview in
                CampaignPageView.Preview(
                    to: preview.to, subject: preview.email.subject, preheader: preview.email.preheader, locale: preview.locale,
                    frame: "/campaigns/\(id)/preview" + Self.query([("customer_id", preview.customerID), ("locale", locale), ("variant", variant)]),
                    sample: preview.customerID == nil, customerID: preview.customerID, localeChoice: locale, variant: preview.variant)
            },
            previewError: previewError, recipients: recipients, locales: locales, variants: variants, hasVariants: !variants.isEmpty,
            tiles: Self.tiles(stats), reasons: CampaignSkipReason.allCases.map { reason in
                CampaignPageView.Reason(code: reason.rawValue, words: CampaignWording.skipReason(reason, channel: campaign.channel), count: stats.skipped[reason] ?? 0)
            },
            chart: Self.chart(timeline, name: campaign.name),
            chartWords: timeline.isEmpty
                ? "Nothing has gone out yet."
                : "Messages the provider took, and first opens and clicks, per \(timeline.bucket.rawValue) (UTC). Opens come from an image in the message: Apple Mail loads it for every message and other clients block it, so read them as a trend.",
            results: report.map(CampaignResultsView.init),
            experiment: definition.experiment.map { experiment in
                CampaignExperimentView(
                    experiment, winner: campaign.winnerVariant, outcomes: report?.variants ?? [],
                    defaultLocale: definition.defaultLocale,
                    mayChoose: mayManage && campaign.winnerVariant == nil && campaign.audienceResolvedAt != nil
                        && (campaign.status == .sending || campaign.status == .paused))
            },
            notice: Self.notice(done, campaign: campaign, user: context.session.user))
        adjust(&view)
        var response = try pages.render("campaign", context, title: campaign.name, section: "campaigns", view: view, status: status)
        response.headers[SecurityHeadersMiddleware.contentSecurityPolicy] = Self.pagePolicy
        return response
    }

    /// The report's figures, each with its key in the page (`stat-sent`).
    static func tiles(_ stats: CampaignStats) -> [CampaignPageView.Tile] {
        let figures: [(key: String, figure: Int, words: String)] = [
            ("audience", stats.audience, "in the audience"), ("sent", stats.sent, "sent"),
            stats.cancelled ? ("unsent", stats.unsent, "not sent (cancelled)") : ("pending", stats.pending, "still to go"),
            ("held_out", stats.statuses[.heldOut] ?? 0, "held out (the holdout)"), ("skipped", stats.statuses[.skipped] ?? 0, "left out"),
            ("opened", stats.opened, "opened"), ("clicked", stats.clicked, "clicked"), ("unsubscribed", stats.unsubscribed, "unsubscribed"),
            ("bounced", stats.statuses[.bounced] ?? 0, "bounced"), ("failed", stats.statuses[.failed] ?? 0, "failed"),
        ]
        return figures.map { CampaignPageView.Tile(key: $0.key, figure: $0.figure, words: $0.words) }
    }

    /// Messages sent, opened and clicked per hour or day as bars; nil before any went.
    static func chart(_ timeline: CampaignTimeline, name: String) -> String? {
        guard !timeline.isEmpty else { return nil }
        let labels = timeline.points.map { point in
            timeline.bucket == .hour ? String(WebFormat.time(point.start).dropFirst(5).prefix(11)) : String(WebFormat.day(point.start).suffix(5))
        }
        return SVGChart.days(
            labels: labels,
            series: [
                SVGChart.Series(name: "sent", cssClass: "series-a", values: timeline.points.map(\.sent)),
                SVGChart.Series(name: "opened", cssClass: "series-b", values: timeline.points.map(\.opened)),
                SVGChart.Series(name: "clicked", cssClass: "series-c", values: timeline.points.map(\.clicked)),
            ],
            title: "Messages of \(name) sent, opened and clicked per \(timeline.bucket.rawValue) (UTC)")
    }

    /// When the campaign goes out, in words.
    static func schedule(_ campaign: Campaign) -> String {
        switch campaign.definition.schedule {
        case .at(let date)?: "At \(WebFormat.time(date))"
        case .localTime(let time)?: "At \(time.text) on each recipient's own clock"
        case nil: "When someone sends it"
        }
    }

    /// What the last move did (`?done=`), in words.
    static func notice(_ done: String?, campaign: Campaign, user: User) -> String? {
        let when = campaign.scheduledAt.map { "at " + WebFormat.time($0) } ?? "at its time"
        switch done ?? "" {
        case "sending": return "Sending: the sender resolves the audience through the consent gate and works through it. Reload to see the counts grow."
        case "scheduled": return "Scheduled: it goes out \(when)."
        case "paused": return "Paused: no further batch goes out until it is resumed."
        case "resumed": return "Resumed: sending goes on."
        case "cancelled": return "Cancelled: nothing more goes out; what went stays in the report."
        case "winner": return "Variant \(campaign.winnerVariant ?? "") goes to the rest of the audience now."
        case "test": return "A test went to you at \(user.email). It is not counted in the report."
        default: return nil
        }
    }

    // MARK: Helpers

    private func inboxNames(_ actor: Actor) async throws -> [String: String] {
        let all = try await inboxes.inboxes(as: actor)
        return Dictionary(all.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    private static func inboxLabel(_ inbox: Inbox) -> String {
        inbox[.address].map { "\(inbox.name) (\($0))" } ?? inbox.name
    }

    /// What a campaign's messages are called in the frequency cap's words: `e-mails`,
    /// `SMS messages`, `WhatsApp messages`.
    static func messagesWord(_ channel: CampaignChannel) -> String {
        channel == .email ? "e-mails" : "\(CampaignWording.channel(channel)) messages"
    }

    /// The inboxes a campaign can send through, by channel (e-mail, SMS, WhatsApp), each group
    /// there even when empty; `chosen` is selected.
    static func inboxGroups(_ all: [Inbox], chosen: String) -> [CampaignFormPageView.InboxGroup] {
        CampaignChannel.allCases.map { channel in
            CampaignFormPageView.InboxGroup(
                channel: channel.rawValue, label: CampaignWording.channel(channel),
                inboxes: all.filter { $0.channel == channel.inboxChannel }.map { inbox in
                    CampaignFormPageView.InboxChoice(
                        value: inbox.id, label: inboxLabel(inbox), selected: inbox.id == chosen,
                        listsTemplates: inbox.channel == .whatsapp && inbox[.whatsappBusinessAccountID] != nil)
                })
        }
    }

    /// A refusal the page shows: its words and the status.
    static func refusal(_ error: RapportError) -> (message: String, status: HTTPResponse.Status)? {
        switch error {
        case .invalid(let problems):
            return (message: problems.map(WebFormat.problem).joined(separator: " "), status: .unprocessableContent)
        case .conflict(let message):
            return (message: message, status: .conflict)
        default:
            return nil
        }
    }

    /// `?customer_id=…&locale=…` of the values given, each encoded; empty without any.
    static func query(_ parameters: [(String, String?)]) -> String {
        let pairs = parameters.compactMap { name, value in value.map { "\(name)=\(WebRedirect.encoded($0))" } }
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    private static func id(_ context: SignedInRequestContext) throws -> String {
        try PathID.require(context, .campaign, "campaign")
    }
}
