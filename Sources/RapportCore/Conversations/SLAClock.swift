import Foundation

/// The rules of the SLA clocks: when each target starts and stops, and the `sla.check` job
/// scheduled for the moment it falls due (by `SLACheckScheduling`, when the change that set
/// the due time is recorded). A check whose due time has moved since is stale.
struct SLAClock {
    let policy: SLAPolicy?

    /// The clocks of an inbox's SLA policy (none, when it has no policy).
    static func of(_ inbox: Inbox, session: any StoreSession) async throws -> SLAClock {
        guard let id = inbox.slaPolicyID else { return SLAClock(policy: nil) }
        return SLAClock(policy: try await session.inboxes.slaPolicy(id: id, workspaceID: inbox.workspaceID))
    }

    /// A new conversation: first response and resolution clocks start.
    func started(_ conversation: inout Conversation, at now: Date) {
        guard let policy else { return }
        conversation.firstResponseDue = policy.due(policy.firstResponseSeconds, from: now)
        conversation.resolutionDue = policy.due(policy.resolutionSeconds, from: now)
    }

    /// The customer wrote again after being answered: the next-response clock starts.
    func customerWrote(_ conversation: inout Conversation, at now: Date) {
        let wasWaiting = conversation.waitingSince != nil
        if !wasWaiting { conversation.waitingSince = now }
        guard let policy, !wasWaiting, conversation.firstResponseAt != nil else { return }
        conversation.nextResponseDue = policy.due(policy.nextResponseSeconds, from: now)
    }

    /// An agent answered: the response clocks stop.
    func agentReplied(_ conversation: inout Conversation, at now: Date) {
        if conversation.firstResponseAt == nil { conversation.firstResponseAt = now }
        conversation.firstResponseDue = nil
        conversation.nextResponseDue = nil
        conversation.waitingSince = nil
    }

    /// Resolved: every clock stops.
    func resolved(_ conversation: inout Conversation) {
        conversation.firstResponseDue = nil
        conversation.nextResponseDue = nil
        conversation.resolutionDue = nil
        conversation.waitingSince = nil
    }

    /// Whether the check finds a breach: the target's due time is still the one scheduled.
    static func isBreached(_ conversation: Conversation, check: SLACheckPayload) -> Bool {
        let due: Date? = switch check.target {
        case .firstResponse: conversation.firstResponseDue
        case .nextResponse: conversation.nextResponseDue
        case .resolution: conversation.resolutionDue
        }
        guard let due, Timestamp.microseconds(due) == check.dueMicroseconds else { return false }
        return !conversation.slaBreaches.contains(check.target.rawValue)
    }

    /// The checks for the targets whose due time the change set: each due time of
    /// `conversation` that `previous` did not have.
    static func checks(for conversation: Conversation, since previous: Conversation?) throws -> [JobRequest] {
        let targets: [(SLATarget, Date?, Date?)] = [
            (.firstResponse, conversation.firstResponseDue, previous?.firstResponseDue),
            (.nextResponse, conversation.nextResponseDue, previous?.nextResponseDue),
            (.resolution, conversation.resolutionDue, previous?.resolutionDue),
        ]
        return try targets.compactMap { target, due, before in
            guard let due, due != before else { return nil }
            let payload = SLACheckPayload(conversationID: conversation.id, target: target, dueMicroseconds: Timestamp.microseconds(due))
            return try JobRequest(
                payload, runAt: due, uniqueKey: "\(conversation.id):\(target.rawValue):\(payload.dueMicroseconds)", maxAttempts: 5)
        }
    }
}
