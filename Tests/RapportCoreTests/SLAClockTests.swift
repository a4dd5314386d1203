import Foundation
@testable import RapportCore
import Testing

@Suite("SLA clock rules, without a database")
struct SLAClockTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    static let policy = SLAPolicy(
        id: "sla_1", workspaceID: "wsp_1", name: "Fast", firstResponseSeconds: 600, nextResponseSeconds: 300,
        resolutionSeconds: 86_400, businessHours: nil, createdAt: start)

    static func conversation() -> Conversation {
        Conversation(
            id: "cnv_1", workspaceID: "wsp_1", inboxID: "inb_1", customerID: "cus_1", channel: .sms, contact: "+4930123456",
            lastMessageAt: start, createdAt: start, updatedAt: start)
    }

    @Test("a new conversation starts the first-response and resolution clocks, and a check is due for each")
    func started() throws {
        var conversation = Self.conversation()
        SLAClock(policy: Self.policy).started(&conversation, at: Self.start)
        #expect(conversation.firstResponseDue == Self.start.addingTimeInterval(600))
        #expect(conversation.resolutionDue == Self.start.addingTimeInterval(86_400))
        let checks = try SLAClock.checks(for: conversation, since: nil)
        #expect(checks.map(\.runAt) == [Self.start.addingTimeInterval(600), Self.start.addingTimeInterval(86_400)])
        #expect(checks.allSatisfy { $0.kind == .slaCheck })
        let payload = try JSONCoding.makeDecoder().decode(SLACheckPayload.self, from: Data(checks[0].payload.utf8))
        #expect(payload.target == .firstResponse)
        #expect(checks[0].uniqueKey == "cnv_1:first_response:\(payload.dueMicroseconds)")
    }

    @Test("only a due time the change set gets a check; one it kept or cleared gets none")
    func checksOnlyForNewDueTimes() throws {
        var before = Self.conversation()
        SLAClock(policy: Self.policy).started(&before, at: Self.start)
        var after = before
        SLAClock(policy: Self.policy).agentReplied(&after, at: Self.start.addingTimeInterval(60))
        #expect(try SLAClock.checks(for: after, since: before).isEmpty, "the answer cleared the response clock")
        var waiting = after
        SLAClock(policy: Self.policy).customerWrote(&waiting, at: Self.start.addingTimeInterval(120))
        let checks = try SLAClock.checks(for: waiting, since: after)
        #expect(checks.map(\.runAt) == [Self.start.addingTimeInterval(420)], "only the next-response clock is new")
    }

    @Test("the customer writing twice before an answer does not move the next-response clock")
    func waitingKeepsItsClock() {
        var conversation = Self.conversation()
        let clock = SLAClock(policy: Self.policy)
        clock.started(&conversation, at: Self.start)
        clock.agentReplied(&conversation, at: Self.start.addingTimeInterval(60))
        clock.customerWrote(&conversation, at: Self.start.addingTimeInterval(100))
        let due = conversation.nextResponseDue
        clock.customerWrote(&conversation, at: Self.start.addingTimeInterval(200))
        #expect(conversation.nextResponseDue == due)
        #expect(conversation.waitingSince == Self.start.addingTimeInterval(100))
    }

    @Test("a check finds a breach only while the due time it was scheduled for stands")
    func breachNeedsTheSameDueTime() throws {
        var conversation = Self.conversation()
        SLAClock(policy: Self.policy).started(&conversation, at: Self.start)
        let check = try JSONCoding.makeDecoder().decode(
            SLACheckPayload.self, from: Data(try SLAClock.checks(for: conversation, since: nil)[0].payload.utf8))
        #expect(SLAClock.isBreached(conversation, check: check))
        SLAClock(policy: Self.policy).agentReplied(&conversation, at: Self.start.addingTimeInterval(10))
        #expect(!SLAClock.isBreached(conversation, check: check))
    }

    @Test("without a policy no clock starts")
    func noPolicy() throws {
        var conversation = Self.conversation()
        SLAClock(policy: nil).started(&conversation, at: Self.start)
        #expect(conversation.firstResponseDue == nil && conversation.resolutionDue == nil)
        #expect(try SLAClock.checks(for: conversation, since: nil).isEmpty)
    }
}
