import Foundation

extension JourneyService {
    /// What the parser cannot check: every segment the journey names (its trigger, its
    /// branches' conditions) is the workspace's, every inbox a step uses is the workspace's
    /// and of the step's channel, every team is the workspace's.
    static func checkReferences(of definition: JourneyDefinition, workspaceID: String, session: any StoreSession) async throws {
        let known = Set(try await session.segments.all(workspaceID: workspaceID).map(\.id))
        switch definition.trigger {
        case .segmentEntered(let id), .segmentLeft(let id):
            guard known.contains(id) else { throw RapportError.invalid(field: "definition.trigger", "names no segment of this workspace (\(id))") }
        case .event, .manual:
            break
        }
        let teams = Set(try await session.inboxes.teams(workspaceID: workspaceID).map(\.id))
        for (index, step) in definition.steps.enumerated() {
            let path = "definition.steps[\(index)]"
            switch step.kind {
            case .branch(let branches, _):
                for (number, branch) in branches.enumerated() {
                    if let unknown = branch.condition.referencedSegmentIDs.sorted().first(where: { !known.contains($0) }) {
                        throw RapportError.invalid(field: "\(path).branches[\(number)].condition", "names no segment of this workspace (\(unknown))")
                    }
                }
            case .send(let send, _):
                try await CampaignService.requireInbox(send.inboxID, for: send.channel, field: "\(path).inbox_id", workspaceID: workspaceID, session: session)
            case .task(let task, _):
                if let team = task.teamID, !teams.contains(team) { throw RapportError.invalid(field: "\(path).team_id", "names no team of this workspace (\(team))") }
            case .note(let note, _):
                guard let inbox = try await session.inboxes.inbox(id: note.inboxID), inbox.workspaceID == workspaceID else {
                    throw RapportError.invalid(field: "\(path).inbox_id", "names no inbox of this workspace (\(note.inboxID.prefix(64)))")
                }
            case .assign(let team, _):
                if !teams.contains(team) { throw RapportError.invalid(field: "\(path).team_id", "names no team of this workspace (\(team))") }
            case .webhook(let webhookID, _):
                guard try await session.webhooks.find(id: webhookID, workspaceID: workspaceID) != nil else {
                    throw RapportError.invalid(field: "\(path).webhook_id", "names no outgoing webhook of this workspace (\(webhookID))")
                }
            case .wait, .waitRebuyInterval, .waitUntil, .waitUntilAnniversary, .waitForEvent, .split, .updateProfile, .survey, .exit:
                break
            }
        }
    }
}
