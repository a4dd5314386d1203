/// The kinds of state change written to the event log.
public enum DomainEventType: String, Sendable, Codable, CaseIterable {
    case customerCreated = "customer.created"
    case customerUpdated = "customer.updated"
    case customerDeleted = "customer.deleted"
    case customerRestored = "customer.restored"
    case customerIdentityAdded = "customer.identity_added"
    case customerIdentityRemoved = "customer.identity_removed"
    case customerMerged = "customer.merged"
    case customerUnmerged = "customer.unmerged"
    case interactionRecorded = "interaction.recorded"
}
