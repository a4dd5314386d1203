import RapportCore

struct TeamResponse: JSONWritable {
    var team: Team

    init(_ team: Team) {
        self.team = team
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("created_at"); writer.timestamp(team.createdAt)
        writer.key("id"); writer.string(team.id)
        writer.key("member_ids"); writer.strings(team.memberIDs)
        writer.key("name"); writer.string(team.name)
        writer.key("object"); writer.string("team")
        writer.endObject()
    }
}
