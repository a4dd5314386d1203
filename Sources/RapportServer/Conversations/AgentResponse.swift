import RapportCore

struct AgentResponse: JSONWritable {
    var agent: Agent

    init(_ agent: Agent) {
        self.agent = agent
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("availability"); writer.string(agent.availability.rawValue)
        writer.key("created_at"); writer.timestamp(agent.createdAt)
        writer.key("email"); writer.string(agent.email)
        writer.key("id"); writer.string(agent.id)
        writer.key("max_conversations"); writer.integer(Int64(agent.maxConversations))
        writer.key("name"); writer.string(agent.name)
        writer.key("object"); writer.string("agent")
        writer.key("role"); writer.string(agent.role.rawValue)
        writer.endObject()
    }
}
