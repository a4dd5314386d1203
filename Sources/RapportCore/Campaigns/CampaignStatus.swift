/// Where a campaign is in its life: `draft` while it is written; `scheduled` once it waits for
/// its time; `sending` (and `paused`) while messages go out; `sent` when every recipient was
/// handled; `cancelled` when stopped for good.
public enum CampaignStatus: String, Sendable, CaseIterable {
    case draft
    case scheduled
    case sending
    case paused
    case sent
    case cancelled

    /// The statuses in which a campaign's name, channel, inbox and definition may still change:
    /// once messages go out, what was sent must stay what the campaign says.
    public static let editable: Set<CampaignStatus> = [.draft, .scheduled]
}
