import Foundation
import RapportCore

/// The inbox's action buttons as conversation actions: `assign_me`, `assign`, `unassign`,
/// `resolve`, `reopen`, `snooze`, `label_add`, `label_remove`, `priority`.
enum InboxAction {
    static let snoozeChoices: [(value: String, words: String, seconds: TimeInterval)] = [
        ("1h", "1 hour", 3600), ("4h", "4 hours", 4 * 3600), ("1d", "1 day", 86_400), ("7d", "1 week", 7 * 86_400),
    ]

    static func parse(_ form: InboxPages.ActionForm, actor: Actor, now: Date) throws -> ConversationAction {
        switch form.action {
        case "assign_me":
            guard let userID = actor.userID else { throw RapportError.invalid(field: "action", "needs a signed-in user") }
            return .assign(agentID: userID, teamID: nil)
        case "assign":
            guard let agentID = form.assigneeID else { return .unassign }
            return .assign(agentID: agentID, teamID: nil)
        case "unassign": return .unassign
        case "resolve": return .resolve
        case "reopen": return .reopen
        case "snooze":
            guard let choice = snoozeChoices.first(where: { $0.value == form.snoozeFor }) else {
                throw RapportError.invalid(field: "snooze_for", "must be one of \(snoozeChoices.map(\.value).joined(separator: ", "))")
            }
            return .snooze(until: now.addingTimeInterval(choice.seconds))
        case "label_add":
            guard let label = form.label else { throw RapportError.invalid(field: "label", "is required: type the label to add") }
            return .label(add: [label], remove: [])
        case "label_remove":
            return .label(add: [], remove: [form.label ?? ""])
        case "priority":
            guard let priority = form.priority else {
                throw RapportError.invalid(field: "priority", "must be low, normal, high or urgent")
            }
            return .priority(priority)
        default:
            throw RapportError.invalid(field: "action", "is not an action of the inbox")
        }
    }
}
