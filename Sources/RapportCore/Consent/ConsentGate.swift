import Foundation

/// The one rule every send asks before a message leaves: a service message (no purpose: an
/// answer to the customer, an order update) goes unless its address is suppressed in a way
/// that holds service too; a message for a purpose (marketing, surveys, …) goes only with a
/// consent that holds now for that purpose on that channel — unknown is no — while the
/// customer has not paused, and the address is not suppressed at all. A channel no consent
/// covers (web chat, a store visit) carries service messages only.
public enum ConsentGate {
    public static func decide(
        purpose: ConsentPurpose?, channel: ConsentChannel?, consents: [ConsentState], preferences: ContactPreferences?,
        suppressions: [SuppressionReason], now: Date
    ) -> GateDecision {
        if let held = suppressions.first(where: { purpose != nil || $0.holdsServiceMessages }) {
            return .suppressed("the address is suppressed on this channel (\(held.rawValue.replacingOccurrences(of: "_", with: " ")))")
        }
        guard let purpose else { return .send }
        guard let channel else { return .noConsent("\(purpose.rawValue) messages cannot be sent on this channel, which only answers") }
        let state = consents.first { $0.purpose == purpose && $0.channel == channel }
        let effect = state?.effect(at: now)
        guard effect == .granted else {
            let answer = effect.map { "\($0)" } ?? "no answer"
            return .noConsent("the customer has not agreed to \(purpose.rawValue) by \(channel.rawValue) (\(answer))")
        }
        if let preferences, preferences.isPaused(at: now) {
            return .noConsent("the customer paused messages until \(Timestamp.iso8601(preferences.pausedUntil ?? now))")
        }
        return .send
    }
}
