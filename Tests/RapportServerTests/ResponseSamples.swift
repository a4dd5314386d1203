import Foundation
@testable import RapportCore
import RapportLearning
@testable import RapportServer

/// One fixed value of every response type, for the byte-for-byte comparison of the API's
/// answers before and after they became `Encodable` (`ResponseGoldens` holds what the
/// hand-written writers produced for these).
enum ResponseSamples {
    static let at = Date(timeIntervalSince1970: 1_790_000_000.25)
    static let later = Date(timeIntervalSince1970: 1_790_086_400.5)
    static let awkward = "quote \" backslash \\ newline \n tab \t umlaut ä emoji 🛒 <b>&"

    static func customer(tags: [String] = ["vip", "b\"c"]) -> Customer {
        Customer(
            id: "cus_1", workspaceID: "wsp_1",
            profile: CustomerProfile(
                firstName: awkward, lastName: nil, locale: "de-DE", timezone: nil, notes: "n",
                addresses: [Address(label: "home", line1: "Hauptstr. 1", city: "Köln", postalCode: "50667", country: "DE")],
                tags: tags, attributes: ["n": .number(1.5), "i": .number(42), "b": .boolean(true), "s": .string(awkward)]),
            identities: [
                Identity(id: "idn_1", kind: .email, value: "a@example.com", source: "shopify", createdAt: at, provenance: .proven),
                Identity(id: "idn_2", kind: .phone, value: "+4930123456", source: nil, createdAt: later, provenance: .asserted),
            ],
            createdAt: at, updatedAt: later)
    }

    static func interaction() -> Interaction {
        Interaction(
            id: "int_1", workspaceID: "wsp_1", customerID: "cus_1", channel: .sms, direction: .inbound, kind: .message,
            summary: awkward, occurredAt: at,
            payload: .object(["b": .array([.number(1), .string("x"), .null]), "a": .bool(false), "z": .object(["k": .number(2.5)])]),
            createdAt: later)
    }

    static let all: [(name: String, json: @Sendable () throws -> String)] = [
        ("agent", { try render(AgentResponse(User(
            id: "usr_1", workspaceID: "wsp_1", name: awkward, email: "a@shop.example", role: .agent, availability: .online,
            maxConversations: 12, createdAt: at))) }),
        ("team", { try render(TeamResponse(Team(id: "team_1", workspaceID: "wsp_1", name: "Support", memberIDs: ["usr_1", "usr_2"], createdAt: at))) }),
        ("canned_response", { try render(CannedResponseResponse(CannedResponse(
            id: "can_1", workspaceID: "wsp_1", shortCode: "hi", content: awkward, createdAt: at))) }),
        ("routing_rule", { try render(RoutingRuleResponse(RoutingRule(
            id: "rr_1", workspaceID: "wsp_1", position: 2, inboxID: nil, customerTag: "vip", teamID: "team_1", priority: .urgent,
            createdAt: at))) }),
        ("routing_rule_bare", { try render(RoutingRuleResponse(RoutingRule(
            id: "rr_2", workspaceID: "wsp_1", position: 0, inboxID: "inb_1", customerTag: nil, teamID: nil, priority: nil,
            createdAt: at))) }),
        ("sla_policy", { try render(SLAPolicyResponse(SLAPolicy(
            id: "sla_1", workspaceID: "wsp_1", name: "Fast", firstResponseSeconds: 600, nextResponseSeconds: nil,
            resolutionSeconds: 86_400,
            businessHours: BusinessHours(timeZone: "Europe/Berlin", days: [1: .init(start: 540, end: 1020), 5: .init(start: 600, end: 960)]),
            createdAt: at))) }),
        ("sla_policy_always", { try render(SLAPolicyResponse(SLAPolicy(
            id: "sla_2", workspaceID: "wsp_1", name: "Always", firstResponseSeconds: nil, nextResponseSeconds: 60,
            resolutionSeconds: nil, businessHours: nil, createdAt: at))) }),
        ("inbox", { try render(InboxResponse(inbox: Inbox(
            id: "inb_1", workspaceID: "wsp_1", channel: .sms, name: awkward,
            settings: ["account_sid": "AC1", "auth_token": "secret-token-value", "phone_number": "+4930123456"], teamID: "team_1",
            slaPolicyID: nil, createdAt: at), baseURL: "https://rapport.example")) }),
        ("source", { try render(SourceResponse(
            source: ShopSource(id: "src_1", workspaceID: "wsp_1", kind: .shopify, name: "Shop", secret: "s", createdAt: at),
            baseURL: "https://rapport.example")) }),
        ("webhook_endpoint", { try render(WebhookSubscriptionResponse(subscription: WebhookSubscription(
            id: "whk_1", workspaceID: "wsp_1", url: "https://hooks.example/a?b=c", eventTypes: ["customer.created", "order.*"],
            secret: "whsec_1", active: true, createdAt: at), showSecret: false)) }),
        ("webhook_endpoint_created", { try render(WebhookSubscriptionResponse(subscription: WebhookSubscription(
            id: "whk_1", workspaceID: "wsp_1", url: "https://hooks.example/a", eventTypes: [], secret: "whsec_1", active: false,
            createdAt: at), showSecret: true)) }),
        ("webhook_attempt", { try render(WebhookAttemptResponse(WebhookAttempt(
            id: "wha_1", subscriptionID: "whk_1", eventID: "evt_1", attempt: 3, statusCode: 500, error: awkward,
            durationMilliseconds: 120, attemptedAt: at))) }),
        ("webhook_attempt_unreached", { try render(WebhookAttemptResponse(WebhookAttempt(
            id: "wha_2", subscriptionID: "whk_1", eventID: "evt_1", attempt: 1, statusCode: nil, error: nil,
            durationMilliseconds: 0, attemptedAt: at))) }),
        ("identity", { try render(IdentityResponse(identity: customer().identities[1])) }),
        ("interaction", { try render(InteractionResponse(interaction: interaction())) }),
        ("merge", { try render(MergeResponse(MergeRecord(
            id: "mrg_1", workspaceID: "wsp_1", survivorID: "cus_1", mergedID: "cus_2", actor: "usr_1", reason: awkward,
            survivorBefore: CustomerSnapshot(customer()), mergedBefore: CustomerSnapshot(customer()),
            survivorAfter: customer().profile, createdAt: at, undoneAt: later))) }),
        ("merge_suggestion", { try render(MergeSuggestionResponse(MergeSuggestion(
            id: "sug_1", workspaceID: "wsp_1", customerID: "cus_1", candidateID: "cus_2", identityKind: .phone,
            identityValue: "+4930123456", reason: "shared phone", createdAt: at))) }),
        ("stats", { try render(StatsResponse(counts: StoreCounts(
            customers: 5, identities: 7, products: 3, orders: 11, returns: 1, trackedEvents: 100, interactions: 40))) }),
        ("commerce_summary", { try render(CommerceSummaryResponse(summary: CommerceSummary(
            orderCount: 3, totalSpent: ["USD": 500, "EUR": 12_345],
            lastOrder: OrderHeadline(id: "ord_1", number: "#1001", status: .paid, total: 4_999, currency: "EUR", placedAt: at),
            openReturns: 1))) }),
        ("commerce_summary_empty", { try render(CommerceSummaryResponse(summary: CommerceSummary())) }),
        ("customer_insights", { try render(CustomerInsightsResponse(
            rfm: CustomerRFM(
                customerID: "cus_1", workspaceID: "wsp_1", firstOrderAt: at, activeMonths: ActiveMonths(bits: 3), lastOrderAt: later,
                orders: 4, monetary: 9_000, recencyScore: 5, frequencyScore: 4, monetaryScore: 3, segment: .champions, updatedAt: later),
            lifetimeValue: CustomerLifetimeValue(
                customerID: "cus_1", workspaceID: "wsp_1",
                forecast: CustomerForecast(expectedPurchases: 2.25, probabilityAlive: 0.875, expectedOrderValue: 4_512.5, lifetimeValue: 10_153.125),
                currency: "EUR", computedAt: at))) }),
        ("customer_insights_none", { try render(CustomerInsightsResponse(rfm: nil, lifetimeValue: nil)) }),
        ("rfm_grid", { try render(RFMGridResponse(grid: [
            RFMCell(recencyScore: 5, frequencyScore: 5, customers: 10), RFMCell(recencyScore: 1, frequencyScore: 2, customers: 3),
        ])) }),
        ("cohorts", { try render(CohortsResponse(matrix: CohortRetention(
            members: [
                CohortMember(firstOrderAt: at, activeMonths: ActiveMonths(bits: 0b1011)),
                CohortMember(firstOrderAt: at, activeMonths: ActiveMonths(bits: 0b1)),
            ],
            start: at.addingTimeInterval(-86_400 * 40), end: later.addingTimeInterval(86_400 * 120)))) }),
        ("recommendations", { try render(RecommendationListResponse(lists: [
            ("data", [ProductRecommendation(productID: "prd_1", score: 0.75, reason: .forYou), ProductRecommendation(productID: "prd_2", score: 2, reason: .popular)]),
        ])) }),
        ("recommendations_for_product", { try render(RecommendationListResponse(lists: [
            ("bought_together", [ProductRecommendation(productID: "prd_3", score: 0.5, reason: .boughtTogether)]), ("similar", []),
        ])) }),
        ("metrics", { try render(MetricsResponse(metrics: StoreMetrics(
            from: Calendar.utc.startOfDay(for: at), to: Calendar.utc.startOfDay(for: later).addingTimeInterval(86_400), currency: "EUR",
            facts: [
                OrderFact(orderID: "ord_1", customerID: "cus_1", placedAt: at, revenue: 5_000, returned: false, firstOrderAt: at, previousOrderAt: nil),
                OrderFact(orderID: "ord_2", customerID: "cus_1", placedAt: later, revenue: 2_500, returned: true, firstOrderAt: at, previousOrderAt: at),
            ],
            previousRevenue: 1_000, lastYearRevenue: 0))) }),
        ("channel_webhook", { try render(ChannelWebhookResponse(outcome: InboundOutcome(stored: [], duplicates: 2, deliveriesApplied: 1))) }),
        ("list", { try render(ListResponse(data: [TeamResponse(Team(id: "team_1", workspaceID: "wsp_1", name: "A", memberIDs: [], createdAt: at))], hasMore: true, lastID: "team_1")) }),
        ("list_last_page", { try render(ListResponse(data: [StatsResponse](), hasMore: false, lastID: nil)) }),
        ("customer", { try render(CustomerResponse(customer())) }),
        ("consent", { try render(ConsentResponse(ConsentState.states(from: [
            ConsentEntry(
                id: "cst_1", workspaceID: "wsp_1", customerID: "cus_1", purpose: .marketing, channel: .email, status: .granted,
                expiresAt: later, evidence: ConsentEvidence(
                    source: .form, actor: "api_key:key_1", textHash: "ab12", occurredAt: at,
                    signUp: SignUpEvidence(signedUpAt: at.addingTimeInterval(-60), ipAddress: "203.0.113.9")),
                recordedAt: at),
            ConsentEntry(
                id: "cst_2", workspaceID: "wsp_1", customerID: "cus_1", purpose: .marketing, channel: .email, status: .withdrawn, expiresAt: nil,
                evidence: ConsentEvidence(source: .agent, actor: "user:usr_1", ipAddress: "192.0.2.7", userAgent: awkward, occurredAt: later),
                recordedAt: later),
        ])[0], now: later)) }),
    ]
}
