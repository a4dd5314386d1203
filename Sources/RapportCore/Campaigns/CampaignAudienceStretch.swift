/// One step of the set-based audience resolution: how many sends it wrote, and the last member
/// it covered (nil once no member is left).
public struct CampaignAudienceStretch: Sendable, Equatable {
    public var added: Int
    public var last: String?

    public init(added: Int, last: String?) {
        self.added = added
        self.last = last
    }
}
