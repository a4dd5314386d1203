import Foundation
import RapportCore

struct RoutingRuleResponse: Encodable {
    let createdAt: Date
    let customerTag: String?
    let id: String
    let inboxID: String?
    let object = "routing_rule"
    let position: Int
    let priority: ConversationPriority?
    let teamID: String?

    init(_ rule: RoutingRule) {
        createdAt = rule.createdAt
        customerTag = rule.customerTag
        id = rule.id
        inboxID = rule.inboxID
        position = rule.position
        priority = rule.priority
        teamID = rule.teamID
    }
}
