import RapportCore

struct RoutingRuleResponse: JSONWritable {
    var rule: RoutingRule

    init(_ rule: RoutingRule) {
        self.rule = rule
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("created_at"); writer.timestamp(rule.createdAt)
        writer.key("customer_tag"); writer.string(rule.customerTag)
        writer.key("id"); writer.string(rule.id)
        writer.key("inbox_id"); writer.string(rule.inboxID)
        writer.key("object"); writer.string("routing_rule")
        writer.key("position"); writer.integer(Int64(rule.position))
        writer.key("priority"); writer.string(rule.priority?.rawValue)
        writer.key("team_id"); writer.string(rule.teamID)
        writer.endObject()
    }
}
