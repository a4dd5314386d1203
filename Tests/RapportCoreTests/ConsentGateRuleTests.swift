import Foundation
import RapportCore
import Testing

@Suite("The consent gate's rule")
struct ConsentGateRuleTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func state(_ status: ConsentStatus, expires: Date? = nil, channel: ConsentChannel = .email) -> ConsentState {
        let entry = ConsentEntry(
            id: "cst_1", workspaceID: "wsp_1", customerID: "cus_1", purpose: .marketing, channel: channel, status: status, expiresAt: expires,
            evidence: ConsentEvidence(source: .form, actor: "api_key:key_1", ipAddress: nil, userAgent: nil, textHash: nil, occurredAt: now - 60),
            recordedAt: now - 60)
        return ConsentState.states(from: [entry])[0]
    }

    static func decide(
        _ purpose: ConsentPurpose?, _ consents: [ConsentState], channel: ConsentChannel? = .email, paused: Bool = false,
        suppressions: [SuppressionReason] = []
    ) -> GateDecision {
        let preferences = ContactPreferences(customerID: "cus_1", workspaceID: "wsp_1", pausedUntil: paused ? now + 3600 : nil, updatedAt: now)
        return ConsentGate.decide(
            purpose: purpose, channel: channel, consents: consents, preferences: preferences, suppressions: suppressions, now: now)
    }

    @Test("a purpose needs a consent that holds now on that channel: missing, denied, withdrawn, expired, another channel or a pause hold it")
    func purpose() {
        #expect(Self.decide(.marketing, [Self.state(.granted)]) == .send)
        #expect(Self.decide(.marketing, [Self.state(.granted, expires: Self.now + 60)]) == .send)
        for consents in [[], [Self.state(.denied)], [Self.state(.withdrawn)], [Self.state(.granted, expires: Self.now - 1)],
                         [Self.state(.granted, channel: .sms)]] {
            guard case .noConsent = Self.decide(.marketing, consents) else { Issue.record("sent with \(consents)"); continue }
        }
        guard case .noConsent(let reason) = Self.decide(.marketing, [Self.state(.granted)], paused: true) else { Issue.record("sent while paused"); return }
        #expect(reason.contains("paused"))
        guard case .noConsent = Self.decide(.marketing, [Self.state(.granted)], channel: nil) else { Issue.record("marketing on web chat"); return }
    }

    @Test("service messages need no consent; a STOP or a hard bounce holds them, a complaint does not; any suppression holds a purpose")
    func service() {
        #expect(Self.decide(nil, []) == .send)
        #expect(Self.decide(nil, [], channel: nil) == .send)
        #expect(Self.decide(nil, [Self.state(.withdrawn)], paused: true) == .send)
        #expect(Self.decide(nil, [], suppressions: [.complaint]) == .send)
        for reason in [SuppressionReason.stopKeyword, .hardBounce] {
            guard case .suppressed = Self.decide(nil, [], suppressions: [reason]) else { Issue.record("\(reason) let a service message through"); continue }
        }
        guard case .suppressed = Self.decide(.marketing, [Self.state(.granted)], suppressions: [.complaint]) else {
            Issue.record("a complaint let marketing through"); return
        }
    }

    @Test("SMS keywords are one word, any case; the replies are Twilio's defaults")
    func keywords() {
        #expect(OptOutKeyword(message: " stop\n") == .stop)
        #expect(OptOutKeyword(message: "Unsubscribe") == .stop)
        #expect(OptOutKeyword(message: "unstop") == .start)
        #expect(OptOutKeyword(message: "INFO") == .help)
        #expect(OptOutKeyword(message: "stop please") == nil)
        #expect(OptOutKeyword(message: "stopp") == nil)
        #expect(OptOutKeyword.help.reply == "Reply STOP to unsubscribe. Msg&Data Rates May Apply.")
    }
}
