import Foundation

/// Campaigns and their send log. Writes that a status forbids are refused by the statement
/// itself (`whileIn`), so a campaign that started sending meanwhile is never changed or deleted.
public protocol CampaignRepository: Sendable {
    func insert(_ campaign: Campaign) async throws
    /// Writes the name, channel, inbox, definition, `scheduledAt` and `updatedAt` while the
    /// stored campaign's status is one of `statuses`; answers whether it did.
    func update(_ campaign: Campaign, whileIn statuses: Set<CampaignStatus>) async throws -> Bool
    /// Deletes the campaign (and its send log) while its status is one of `statuses`; answers whether it did.
    func delete(id: String, workspaceID: String, whileIn statuses: Set<CampaignStatus>) async throws -> Bool
    func find(id: String, workspaceID: String) async throws -> Campaign?
    /// A page of the workspace's campaigns, newest first, of one status or of all.
    func list(workspaceID: String, status: CampaignStatus?, page: PageRequest) async throws -> Page<Campaign>

    /// Adds rows to the send log, leaving out those already in it for the same campaign,
    /// customer and occurrence (an audience resolved again after a crash, a journey step run
    /// again); answers how many it added.
    func insertSends(_ sends: [CampaignSend]) async throws -> Int
    /// The campaigns of these journeys' message steps, every version's (ADR 0013).
    func journeyCampaigns(journeyIDs: [String]) async throws -> [Campaign]
    /// Moves the journey's step campaigns that are in one of `statuses` to `status`: a journey
    /// paused holds its queued messages, resumed lets them go, archived cancels them.
    func setJourneyCampaignsStatus(_ status: CampaignStatus, journeyID: String, whileIn statuses: Set<CampaignStatus>, at date: Date) async throws
    /// A page of the campaign's send log, newest row first.
    func sends(campaignID: String, workspaceID: String, page: PageRequest) async throws -> Page<CampaignSend>

    /// Moves the campaign from one of `statuses` to `status`, with `reason` as its status reason
    /// (nil clears it); answers whether it did. Going to `sending` the first time stamps
    /// `started_at`; `sent` and `cancelled` stamp `finished_at`.
    func setStatus(
        _ status: CampaignStatus, id: String, workspaceID: String, whileIn statuses: Set<CampaignStatus>, at date: Date, reason: String?
    ) async throws -> Bool
    /// Campaigns of every workspace that are sending and have something to do at `date` (an
    /// audience to resolve, a send due or left by a dead sender, a test's waiting members, or
    /// nothing left, to be marked sent), oldest start first.
    func sending(at date: Date, limit: Int) async throws -> [Campaign]
    /// Scheduled campaigns of every workspace whose time has come.
    func due(at date: Date, limit: Int) async throws -> [Campaign]
    /// Resolves up to `limit` members of the plan's campaign's segments after `customerID` (in
    /// id order; deleted and merged-away customers left out) into its send log, set-based: it
    /// counts them by `CampaignAudienceGroup` (their addresses asked of `suppressions`), asks
    /// the plan's `decide` once per group, and writes every member's send in one statement,
    /// drawing the holdout and the test in SQL. Members already in the log are left as they
    /// are. Answers the sends written and the last member covered (nil once none is left).
    func resolveAudience(_ plan: CampaignAudiencePlan, after customerID: String?, limit: Int, suppressions: any SuppressionLookup) async throws
        -> CampaignAudienceStretch
    /// The members of the campaign's segments among `customerIDs` who are still live, with
    /// what the audience rule asks of each (the check again before a claimed batch goes).
    func recipientFacts(_ campaign: Campaign, customerIDs: [String], sentSince: Date) async throws -> [CampaignRecipientFacts]
    /// Takes the resolution of a campaign's audience until `until`, when no other sender holds
    /// it and it is not resolved yet; nil when the lease was not granted.
    func leaseAudience(id: String, now: Date, until: Date) async throws -> AudienceLease?
    /// Saves how far the resolution got, and holds the lease until `until`.
    func advanceAudience(id: String, cursor: String, until: Date) async throws
    /// Marks the audience as wholly in the send log.
    func markAudienceResolved(id: String, at date: Date) async throws
    /// Claims, with `token`, up to `limit` sends of a campaign that is still sending: queued
    /// ones (not waiting for a retry), else those a sender held whose claim ran out; until `until`.
    func claim(campaignID: String, limit: Int, now: Date, until: Date, token: String) async throws -> [CampaignSendClaim]
    /// Writes what became of sends this claim still holds: sent, failed for good, or queued
    /// again to retry at `retryAt` (failed once deferred `maximumAttempts` times), or, when the
    /// provider throttled them, queued again at `resumeAt` with no attempt counted. Answers
    /// the sends it marked sent (a send another claim holds by now is left alone).
    @discardableResult
    func record(_ records: [CampaignSendRecord], token: String, at date: Date, retryAt: Date, resumeAt: Date, maximumAttempts: Int) async throws
        -> Set<String>
    /// Waits for, then holds until the transaction ends, the inbox's held reports: a report
    /// looking for its send and a batch's record taking the held reports run one after the
    /// other (on PostgreSQL; SQLite writes one at a time), so neither misses the other.
    func lockEarlyReports(inboxID: String) async throws
    /// Whether a batch of a campaign through the inbox is being handed over (a send claimed,
    /// not yet recorded).
    func hasBatchInFlight(inboxID: String) async throws -> Bool
    /// Holds a report on a message no send is known by yet (`CampaignEarlyReport`); the same
    /// report held twice is kept once.
    func holdEarlyReport(_ report: CampaignEarlyReport, receivedAt: Date) async throws
    /// Takes (reads and forgets) the reports held on these messages (ids in any case) of the
    /// inbox, under `lockEarlyReports`.
    func takeEarlyReports(inboxID: String, providerMessageIDs: [String]) async throws -> [CampaignEarlyReport]
    /// Forgets the reports held since before `date`; answers how many.
    func purgeEarlyReports(receivedBefore date: Date) async throws -> Int
    /// Marks sends this claim holds as skipped, each with its reason (checked again before sending).
    func withhold(_ reasons: [String: CampaignSkipReason], token: String) async throws
    /// Puts sends this claim holds back in the queue until their time (the end of the
    /// recipient's quiet hours), without counting an attempt.
    func postpone(_ times: [String: Date], token: String) async throws
    /// Marks a sending campaign `sent` once its audience is resolved and no send is queued or held; answers whether it did.
    func finishIfDone(id: String, at date: Date) async throws -> Bool
    /// The campaign's counts from its send log.
    func stats(campaignID: String) async throws -> CampaignStats
    /// The campaign's messages sent, first opened and first clicked per bucket of
    /// `bucketSeconds` (counted from the Unix epoch, so hours and days in UTC), oldest first;
    /// buckets with nothing left out. One query on either engine.
    func timeline(campaignID: String, bucketSeconds: Int) async throws -> [CampaignTimelinePoint]
    /// Whether any campaign of the workspace names the segment in its audience or exclusions.
    func campaignNames(usingSegment segmentID: String, workspaceID: String) async throws -> [String]
    /// A send of the workspace by its id (of any workspace when nil: for a link whose
    /// signature already proved it).
    func send(id: String, workspaceID: String?) async throws -> CampaignSend?
    /// The send whose message had this id (without brackets, any case), in the workspace.
    func send(providerMessageID: String, workspaceID: String) async throws -> CampaignSend?
    /// The customer's sends of campaigns through `inboxID` whose messages had these ids (any
    /// case), in one query.
    func sends(providerMessageIDs: [String], customerID: String, inboxID: String) async throws -> [CampaignSend]
    /// The latest send of a campaign through `inboxID` to the customer, sent at or after `date`.
    func latestSend(customerID: String, inboxID: String, since date: Date) async throws -> CampaignSend?
    /// Marks a send that went as replied to (its first reply's time).
    func recordReply(sendID: String, at date: Date) async throws
    /// Records on a send a hard bounce (`bounced`, with its time), a complaint or an unsubscribe
    /// (their times), or a delivery (`delivered` while it stands at `sent`, with its time). A soft
    /// bounce changes nothing on the send: the address counts it (`SuppressionRepository`).
    func recordFeedback(_ kind: DeliveryFeedback.Kind, sendID: String, at date: Date) async throws
    /// Counts an open or a click of a message that went: its first time, its latest and how
    /// many (a click also marks the message opened); answers whether such a send exists.
    func recordEngagement(_ kind: CampaignEngagement, sendID: String, at date: Date) async throws -> Bool
    /// The orders of customers the campaign's messages touched that its touches might have won
    /// (placed after a first touch, within `windows` of a latest one), and every touch of those
    /// customers by any campaign, which attribution weighs them against.
    func attributionFacts(campaignID: String, workspaceID: String, windows: CampaignAttributionWindows) async throws
        -> (orders: [CampaignOrderFact], touches: [CampaignTouch])
    /// The same facts for several campaigns at once (`windows` bounding every one of theirs),
    /// of orders placed in [from, to) only: what the insights' campaign return weighs. No
    /// campaigns, no facts (and no statement).
    func attributionFacts(
        campaignIDs: [String], workspaceID: String, windows: CampaignAttributionWindows, placedFrom from: Date, placedBefore to: Date
    ) async throws -> (orders: [CampaignOrderFact], touches: [CampaignTouch])
    /// The workspace's campaigns with messages sent in [from, to) (sent, then delivered or
    /// bounced, by `sent_at`), each with how many, the one whose latest such message went last
    /// first; at most `limit`.
    func sentCampaigns(workspaceID: String, from: Date, to: Date, limit: Int) async throws -> [(campaign: Campaign, messages: Int)]
    /// The attribution windows of those of these campaigns that are the workspace's, in one query.
    func attributionWindows(campaignIDs: [String], workspaceID: String) async throws -> [String: CampaignAttributionWindows]
    /// The recipients (their message went) and the held-out customers, and their orders (not
    /// cancelled, not wholly refunded) within `window` seconds after the audience was resolved.
    func liftOutcome(campaignID: String, window: Double) async throws -> (recipients: CampaignGroupOutcome, holdout: CampaignGroupOutcome)
    /// Each test variant's recipients (test messages that went: those with a variant) and how
    /// many clicked, or ordered within `window` seconds of the draw, as `metric` says.
    func variantOutcomes(campaignID: String, metric: CampaignExperimentMetric, window: Double, currency: String?) async throws -> [CampaignVariantOutcome]
    /// The revenue the test's recipients brought within `window` seconds of the draw, per
    /// currency (which currency revenue per recipient is counted in).
    func testRevenueByCurrency(campaignID: String, window: Double) async throws -> [String: Int64]
    /// Test messages still queued or held by a sender.
    func pendingTestSends(campaignID: String) async throws -> Int
    /// Members waiting for the test's winner.
    func waitingSends(campaignID: String) async throws -> Int
    /// Records the winner once the audience is resolved, once; answers whether this call did.
    func setWinner(id: String, variant: String, at date: Date) async throws -> Bool
    /// Queues up to `limit` of those waiting for the winner (they get the campaign's winner);
    /// answers how many.
    func releaseWaiting(campaignID: String, limit: Int) async throws -> Int
    /// Pauses a sending campaign whose test has no winner yet, with the reason; answers whether it did.
    func pauseForChoice(id: String, reason: String, at date: Date) async throws -> Bool

    // Personalisation: what a batch's messages name beyond the profile, one statement per kind.

    /// Each of these customers' latest order that is not cancelled (by when it was placed,
    /// then id), with its first `CampaignOrder.listedItems` lines; customers without one are
    /// left out.
    func latestOrders(customerIDs: [String], workspaceID: String) async throws -> [CampaignOrder]
    /// The RFM segment and monetary score of those of these customers the last RFM round scored.
    func recipientInsights(customerIDs: [String], workspaceID: String) async throws -> [CampaignRecipientInsight]
    /// The active products among `ids`, as a campaign shows them.
    func products(ids: [String], workspaceID: String) async throws -> [CampaignProduct]
    /// The orders `{{review_link}}` asks about: the order each of `enrolmentIDs` came from, with
    /// whose order it is now, by enrolment id; and each of `customerIDs`' latest delivered order
    /// (not cancelled or wholly refunded), by customer id.
    func reviewOrders(enrolmentIDs: [String], customerIDs: [String], workspaceID: String) async throws
        -> (byEnrolment: [String: (orderID: String, customerID: String)], latestDelivered: [String: String])
}
