import RapportCore

struct SLAPolicyResponse: JSONWritable {
    var policy: SLAPolicy

    init(_ policy: SLAPolicy) {
        self.policy = policy
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("business_hours")
        if let hours = policy.businessHours {
            writer.beginObject()
            writer.key("days")
            writer.beginObject()
            for (day, window) in hours.days.sorted(by: { $0.key < $1.key }) {
                writer.key(SLARequests.dayNames[day - 1])
                writer.strings([SLARequests.clock(window.start), SLARequests.clock(window.end)])
            }
            writer.endObject()
            writer.key("time_zone"); writer.string(hours.timeZone)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("created_at"); writer.timestamp(policy.createdAt)
        writer.key("first_response_seconds"); optional(policy.firstResponseSeconds, &writer)
        writer.key("id"); writer.string(policy.id)
        writer.key("name"); writer.string(policy.name)
        writer.key("next_response_seconds"); optional(policy.nextResponseSeconds, &writer)
        writer.key("object"); writer.string("sla_policy")
        writer.key("resolution_seconds"); optional(policy.resolutionSeconds, &writer)
        writer.endObject()
    }

    private func optional(_ value: Int?, _ writer: inout JSONWriter) {
        if let value { writer.integer(Int64(value)) } else { writer.null() }
    }
}
