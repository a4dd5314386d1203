import Foundation

/// The rules of the SLA clocks: when each target starts and stops, and the `sla.check` job
/// scheduled for the moment it falls due. A check whose due time has moved since is stale.
struct SLAClock {
    let policy: SLAPolicy?

    /// A new conversation: first response and resolution clocks start.
    func started(_ conversation: inout Conversation, at now: Date) -> [JobRequest] {
        guard let policy else { return [] }
        conversation.firstResponseDue = policy.due(policy.firstResponseSeconds, from: now)
        conversation.resolutionDue = policy.due(policy.resolutionSeconds, from: now)
        return checks(for: conversation)
    }

    /// The customer wrote again after being answered: the next-response clock starts.
    func customerWrote(_ conversation: inout Conversation, at now: Date) -> [JobRequest] {
        let wasWaiting = conversation.waitingSince != nil
        if !wasWaiting { conversation.waitingSince = now }
        guard let policy, !wasWaiting, conversation.firstResponseAt != nil else { return [] }
        conversation.nextResponseDue = policy.due(policy.nextResponseSeconds, from: now)
        return checks(for: conversation).filter { $0.uniqueKey?.contains(SLATarget.nextResponse.rawValue) ?? false }
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

    private func checks(for conversation: Conversation) -> [JobRequest] {
        let targets: [(SLATarget, Date?)] = [
            (.firstResponse, conversation.firstResponseDue), (.nextResponse, conversation.nextResponseDue),
            (.resolution, conversation.resolutionDue),
        ]
        let encoder = JSONCoding.makeEncoder()
        return targets.compactMap { target, due in
            guard let due else { return nil }
            let payload = SLACheckPayload(conversationID: conversation.id, target: target, dueMicroseconds: Timestamp.microseconds(due))
            guard let data = try? encoder.encode(payload) else { return nil }
            return JobRequest(
                kind: SLACheckPayload.jobKind, payload: String(decoding: data, as: UTF8.self), runAt: due,
                uniqueKey: "\(conversation.id):\(target.rawValue):\(payload.dueMicroseconds)", maxAttempts: 5)
        }
    }
}
