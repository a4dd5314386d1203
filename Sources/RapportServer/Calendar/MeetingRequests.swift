import Foundation
import Hummingbird
import RapportCore

/// Reads a meeting change from a request body: `title`, `starts_at`, `ends_at`, `time_zone`,
/// `location`, `description`, `owner_id`, `attendees` (each `email` and `name`, or `user_id`,
/// or `customer_id`), `recurrence` (`frequency`, `interval`, `by_day`, `count`, `until`; null
/// ends it), `status`, `deal_id`, `customer_id`, and `send_invitations` (false: this change
/// e-mails no one).
enum MeetingRequests {
    static func change(of request: Request, context: AuthenticatedRequestContext) async throws -> MeetingChange {
        var body = try await JSONObjectReader.body(of: request, context: context)
        var change = MeetingChange()
        if let title = body.nullableString("title", maxLength: 400) {
            change.title = title
            if title == nil { body.fail("title", "cannot be null: 1 to 200 characters") }
        }
        change.startsAt = body.date("starts_at")
        change.endsAt = body.date("ends_at")
        change.timeZone = body.string("time_zone", maxLength: 64)
        if let location = body.nullableString("location", maxLength: 1000) { change.location = .some(location) }
        if let description = body.nullableString("description", maxLength: 10_000) { change.description = .some(description) }
        if let owner = body.string("owner_id", maxLength: 64) {
            if ResourceID.isValid(owner, prefix: .user) { change.ownerID = owner } else { body.fail("owner_id", "must be a user's id (`usr_…`)") }
        }
        if let items = body.array("attendees") {
            change.attendees = items.enumerated().compactMap { index, item in
                body.nested(item, at: "attendees[\(index)]") { attendee in
                    var draft = MeetingAttendeeDraft()
                    draft.email = attendee.string("email", maxLength: 254)
                    draft.name = attendee.string("name", maxLength: 400)
                    if let user = attendee.string("user_id", maxLength: 64) {
                        if ResourceID.isValid(user, prefix: .user) { draft.userID = user } else { attendee.fail("user_id", "must be a user's id (`usr_…`)") }
                    }
                    if let customer = attendee.string("customer_id", maxLength: 64) {
                        if ResourceID.isValid(customer, prefix: .customer) { draft.customerID = customer } else { attendee.fail("customer_id", "must be a customer's id (`cus_…`)") }
                    }
                    if draft.email == nil && draft.userID == nil && draft.customerID == nil { attendee.fail("email", "is required without a user_id or customer_id") }
                    return draft
                }
            }
        }
        switch body.any("recurrence") {
        case nil: break
        case .null?: change.recurrence = .some(nil)
        case let value?:
            let read: MeetingRecurrence?? = body.nested(value, at: "recurrence") { recurrence -> MeetingRecurrence? in
                guard let text = recurrence.requiredString("frequency", maxLength: 16) else { return nil }
                guard let frequency = MeetingFrequency(rawValue: text) else {
                    recurrence.fail("frequency", "must be one of \(MeetingFrequency.allCases.map(\.rawValue).joined(separator: ", "))")
                    return nil
                }
                return MeetingRecurrence(
                    frequency: frequency, interval: Int(recurrence.integer("interval", in: 1...365) ?? 1),
                    weekdays: (recurrence.stringArray("by_day") ?? []).map { $0.uppercased() }, count: recurrence.integer("count", in: 1...1000).map(Int.init),
                    until: recurrence.date("until"))
            }
            if let parsed = read ?? nil { change.recurrence = .some(parsed) }
        }
        if let send = body.bool("send_invitations") { change.sendInvitations = send }
        if let status = body.string("status", maxLength: 16) {
            change.status = MeetingStatus(rawValue: status)
            if change.status == nil { body.fail("status", "must be one of \(MeetingStatus.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        for (key, prefix) in [("deal_id", IDPrefix.deal), ("customer_id", .customer)] {
            guard let value = body.nullableString(key, maxLength: 64) else { continue }
            if let id = value, !ResourceID.isValid(id, prefix: prefix) {
                body.fail(key, "must be an id (`\(prefix.rawValue)_…`) or null")
                continue
            }
            if key == "deal_id" { change.dealID = .some(value) } else { change.customerID = .some(value) }
        }
        try body.finish()
        return change
    }
}
