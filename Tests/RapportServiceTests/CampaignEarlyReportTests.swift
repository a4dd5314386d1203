import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// A provider may report on a campaign text before the sender has recorded its batch (Meta's
/// statuses come within moments). Such a report is held, applied when the batch's record
/// names the message, and forgotten after an hour if none ever does.
@Suite("Campaign texts: delivery reports that come before their batch is recorded")
struct CampaignEarlyReportTests {
    /// Takes every message, and before answering lets `reports` report on them, as a fast
    /// provider's webhooks do while the batch is still being handed over.
    final class ReportingTextTransport: CampaignTextTransport, @unchecked Sendable {
        let reports: @Sendable ([CampaignTextMessage]) async throws -> Void

        init(reports: @escaping @Sendable ([CampaignTextMessage]) async throws -> Void) { self.reports = reports }

        func deliver(_ messages: [CampaignTextMessage], through inbox: Inbox, deadline: Duration) async -> [CampaignDeliveryOutcome] {
            do {
                try await reports(messages)
            } catch {
                Issue.record("the reports were not taken: \(error)")
            }
            return messages.map { .sent(messageID: "SM\($0.sendID)") }
        }
    }

    @Test("a delivered and a failed report that came during the hand-over mark their sends when the batch is recorded; one signed for another inbox marks nothing; unclaimed ones go after an hour; none is held with no batch in flight", arguments: TestDatabase.available)
    func earlyReports(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let inbox = try await ConversationTests.smsInbox(services)
            let otherInbox = try await ConversationTests.smsInbox(services)
            let delivered = "+4915112000001", failed = "+4915112000002", signedElsewhere = "+4915112000003"
            var members: [String] = []
            for phone in [delivered, failed, signedElsewhere] { members.append(try await CampaignTextTests.customer(services, phone: phone, actor: actor)) }
            let texts = ReportingTextTransport { messages in
                let id = { (phone: String) in "SM" + (messages.first { $0.address == phone }?.sendID ?? "") }
                let outcome = try await services.conversations.receive(
                    ChannelPayload(deliveries: [
                        DeliveryUpdate(providerMessageID: id(delivered), status: .delivered),
                        DeliveryUpdate(providerMessageID: id(failed), status: .failed, failureReason: "30003"),
                        DeliveryUpdate(providerMessageID: "SMnothing-we-sent", status: .delivered),
                    ]), inbox: inbox)
                #expect(outcome.deliveriesApplied == 0, "held, not applied yet")
                // The same report signed for another inbox (no batch of its own in flight) is
                // neither held nor applied, so it cannot mark this inbox's send.
                let elsewhere = try await services.conversations.receive(
                    ChannelPayload(deliveries: [DeliveryUpdate(providerMessageID: id(signedElsewhere), status: .failed)]), inbox: otherInbox)
                #expect(elsewhere.deliveriesApplied == 0)
            }
            let sender = CampaignDispatcher(
                campaigns: services.campaigns, transport: CampaignAudienceTests.RecordingTransport(), textTransport: texts, signer: store.linkSigner,
                links: CampaignAudienceTests.Links())
            let segment = try await CampaignTextTests.list(services, members, actor: actor)
            let campaign = try await CampaignTextTests.campaign(
                services, channel: .sms, inbox: inbox, segment: segment, content: #"{"en":{"text":"Sale today"}}"#, actor: actor)
            _ = try await services.campaigns.send(id: campaign.id, as: actor)
            try await CampaignTextTests.drain(sender, rounds: 3)

            let stats = try await services.campaigns.stats(id: campaign.id, as: actor)
            #expect(stats.sent == 3 && stats.statuses[.delivered] == 1 && stats.statuses[.bounced] == 1 && stats.statuses[.sent] == 1, "\(stats)")
            // The one the batch did not claim (a message nobody sent) waits out its hour, then goes.
            #expect(try await services.campaigns.purgeEarlyReports() == 0)
            services.clock.advance(by: CampaignEarlyReport.lifetime + 1)
            #expect(try await services.campaigns.purgeEarlyReports() == 1)

            // With no batch in flight, a report on an unknown message is not held at all.
            let late = try await services.conversations.receive(
                ChannelPayload(deliveries: [DeliveryUpdate(providerMessageID: "SMunknown", status: .delivered)]), inbox: inbox)
            #expect(late.deliveriesApplied == 0)
            services.clock.advance(by: CampaignEarlyReport.lifetime + 1)
            #expect(try await services.campaigns.purgeEarlyReports() == 0)
        }
    }
}
