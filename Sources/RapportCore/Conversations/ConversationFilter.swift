/// Which conversations a list shows; every field narrows it.
public struct ConversationFilter: Sendable, Equatable {
    public var status: ConversationStatus?
    public var inboxID: String?
    public var assigneeID: String?
    /// Only conversations nobody is assigned to.
    public var unassigned: Bool
    public var customerID: String?
    public var teamID: String?
    public var label: String?
    public var channel: InboxChannel?
    /// Only conversations with members of this segment or list (`seg_…`), by its maintained
    /// membership; the service checks that it is one of the actor's workspace.
    public var segmentID: String?
    /// Only what an agent may see (set by the service from who is asking).
    public var scope: ConversationScope?

    public init(
        status: ConversationStatus? = nil, inboxID: String? = nil, assigneeID: String? = nil, unassigned: Bool = false,
        customerID: String? = nil, teamID: String? = nil, label: String? = nil,
        channel: InboxChannel? = nil, segmentID: String? = nil
    ) {
        self.channel = channel
        self.segmentID = segmentID
        self.status = status
        self.inboxID = inboxID
        self.assigneeID = assigneeID
        self.unassigned = unassigned
        self.customerID = customerID
        self.teamID = teamID
        self.label = label
    }
}
