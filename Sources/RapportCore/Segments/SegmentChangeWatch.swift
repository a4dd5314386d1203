/// Notes which customers a transaction's changes touched, and what about them, so their
/// segment memberships are settled before it commits (`SegmentUpkeep`).
struct SegmentChangeWatch: DomainChangeSubscriber {
    func handle(_ changes: [any DomainChange], in transaction: WriteTransaction) async throws {
        for change in changes {
            let reason = SegmentChangeReason(change.eventType)
            let all = Set(SegmentFacet.allCases)
            switch change {
            case let change as CustomerChange:
                switch change.kind {
                case .created, .restored, .deleted:
                    transaction.touchSegments(of: [change.customer.id], workspaceID: change.workspaceID, facets: all, events: nil, reason: reason)
                case .updated:
                    // An update may carry identities taken over by proof, too.
                    transaction.touchSegments(of: [change.customer.id], workspaceID: change.workspaceID, facets: [.profile, .identities], reason: reason)
                case .identityAdded, .identityRemoved:
                    transaction.touchSegments(of: [change.customer.id], workspaceID: change.workspaceID, facets: [.identities], reason: reason)
                case .merged(let merge), .unmerged(let merge):
                    transaction.touchSegments(
                        of: [merge.survivorID, merge.mergedID], workspaceID: change.workspaceID, facets: all, events: nil, reason: reason)
                }
            case let change as ConsentChange:
                transaction.touchSegments(of: [change.entry.customerID], workspaceID: change.workspaceID, facets: [.consent], reason: reason)
            case let change as OrderChange:
                transaction.touchSegments(of: [change.order.customerID], workspaceID: change.workspaceID, facets: [.orders], reason: reason)
            case let change as ReturnChange:
                transaction.touchSegments(of: [change.orderReturn.customerID], workspaceID: change.workspaceID, facets: [.returns, .orders], reason: reason)
            case let change as ConversationChange:
                transaction.touchSegments(of: [change.conversation.customerID], workspaceID: change.workspaceID, facets: [.conversations], reason: reason)
            case let change as MessageChange:
                transaction.touchSegments(of: [change.conversation.customerID], workspaceID: change.workspaceID, facets: [.conversations], reason: reason)
            case let change as SegmentMembershipChange where change.ofList:
                transaction.touchSegments(of: [change.customerID], workspaceID: change.workspaceID, facets: [.segments], reason: change.reason)
            default:
                break
            }
        }
    }
}
