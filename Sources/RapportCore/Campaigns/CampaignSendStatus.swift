/// Where one recipient's message is: `queued` to go; `held_out` (the baseline, never sent) or
/// `skipped` (see `CampaignSkipReason`) when it will not go; `sending` while a sender holds it;
/// `sent` once the provider took it, then `delivered` or `bounced`; `failed` when it could not
/// be handed over. In an A/B/n test, whoever is not in the test is `waiting` for the winner,
/// then `queued` with it.
public enum CampaignSendStatus: String, Sendable, CaseIterable {
    case queued
    case waiting
    case heldOut = "held_out"
    case skipped
    case sending
    case sent
    case delivered
    case bounced
    case failed
}
