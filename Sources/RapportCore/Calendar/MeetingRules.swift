import Foundation

/// What a meeting's fields must be: a title of 1 to 200 characters, an end after its start
/// within 14 days, an IANA time zone, at most 100 attendees with addresses, and a recurrence
/// of 1 to 365 days, weeks or months, ended by a count (at most 1,000) or a moment after the
/// start, not both.
enum MeetingRules {
    static let maximumTitleLength = 200
    static let maximumAttendees = 100

    static func title(_ text: String) throws -> String {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty, trimmed.count <= maximumTitleLength else {
            throw RapportError.invalid(field: "title", "is required: 1 to \(maximumTitleLength) characters")
        }
        return trimmed
    }

    static func times(_ start: Date, _ end: Date) throws {
        guard end > start else { throw RapportError.invalid(field: "ends_at", "must come after starts_at") }
        guard end.timeIntervalSince(start) <= 14 * 86_400 else { throw RapportError.invalid(field: "ends_at", "must be within 14 days of starts_at") }
    }

    /// The zone's own name (what the feed's `TZID` and `VTIMEZONE` both say).
    static func timeZone(_ identifier: String) throws -> String {
        guard identifier.count <= 64, let zone = TimeZone(identifier: identifier), TimeZone.knownTimeZoneIdentifiers.contains(zone.identifier) || zone.identifier == "UTC"
        else { throw RapportError.invalid(field: "time_zone", "must be an IANA time zone such as Europe/Berlin") }
        return zone.identifier
    }

    /// A weekly recurrence on given days includes the start's own weekday (in the meeting's
    /// zone), or clients disagree on whether the start is an occurrence (RFC 5545 §3.8.5.3).
    static func recurrence(_ recurrence: MeetingRecurrence, startingAt start: Date, in zone: String) throws -> MeetingRecurrence {
        guard (1...365).contains(recurrence.interval) else { throw RapportError.invalid(field: "recurrence.interval", "must be from 1 to 365") }
        guard recurrence.weekdays.allSatisfy(MeetingRecurrence.weekdayCodes.contains), Set(recurrence.weekdays).count == recurrence.weekdays.count else {
            throw RapportError.invalid(field: "recurrence.by_day", "lists days as MO, TU, WE, TH, FR, SA, SU, each once")
        }
        guard recurrence.weekdays.isEmpty || recurrence.frequency == .weekly else {
            throw RapportError.invalid(field: "recurrence.by_day", "goes with a weekly recurrence")
        }
        if let count = recurrence.count, !(1...1000).contains(count) { throw RapportError.invalid(field: "recurrence.count", "must be from 1 to 1000") }
        if let until = recurrence.until, until <= start { throw RapportError.invalid(field: "recurrence.until", "must come after starts_at") }
        guard recurrence.count == nil || recurrence.until == nil else { throw RapportError.invalid(field: "recurrence.until", "cannot come with a count: give one") }
        var recurrence = recurrence
        // One form for one rule: days in week order, the end in whole seconds (as the rule keeps it).
        recurrence.weekdays = MeetingRecurrence.weekdayCodes.filter(recurrence.weekdays.contains)
        recurrence.until = recurrence.until.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
        if !recurrence.weekdays.isEmpty, let timeZone = TimeZone(identifier: zone) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            // Calendar weekdays run from Sunday (1) to Saturday (7).
            let code = MeetingRecurrence.weekdayCodes[(calendar.component(.weekday, from: start) + 5) % 7]
            guard recurrence.weekdays.contains(code) else {
                throw RapportError.invalid(field: "recurrence.by_day", "must include the start's own day (\(code) in \(zone))")
            }
        }
        return recurrence
    }

    static func text(_ text: String?, field: String, maximum: Int) throws -> String? {
        try DealRules.text(text, field: field, maximum: maximum)
    }

    /// The attendees from their drafts: a user's or a customer's address, or the one given.
    static func attendees(_ drafts: [MeetingAttendeeDraft], actor: Actor, session: any StoreSession) async throws -> [MeetingAttendee] {
        guard drafts.count <= maximumAttendees else { throw RapportError.invalid(field: "attendees", "holds at most \(maximumAttendees) people") }
        let users = try await session.inboxes.agents(workspaceID: actor.workspaceID)
        var attendees: [MeetingAttendee] = []
        for (index, draft) in drafts.enumerated() {
            let field = "attendees[\(index)]"
            var attendee = MeetingAttendee(email: draft.email?.trimmed.lowercased() ?? "", name: draft.name?.trimmed, userID: draft.userID, customerID: draft.customerID)
            if draft.userID != nil && draft.customerID != nil {
                throw RapportError.invalid(field: "\(field).customer_id", "cannot come with a user_id: an attendee is a user or a customer")
            }
            if let userID = draft.userID {
                guard let user = users.first(where: { $0.id == userID && $0.deactivatedAt == nil }) else {
                    throw RapportError.invalid(field: "\(field).user_id", "names no active user of this workspace (\(userID.prefix(64)))")
                }
                attendee.email = user.email.lowercased()
                attendee.name = attendee.name ?? user.name
            } else if let customerID = draft.customerID {
                guard let customer = try await session.customers.find(id: customerID, workspaceID: actor.workspaceID), customer.deletedAt == nil,
                    customer.mergedIntoID == nil
                else { throw RapportError.invalid(field: "\(field).customer_id", "names no customer of this workspace (\(customerID.prefix(64)))") }
                if attendee.email.isEmpty {
                    guard let address = customer.identities.first(where: { $0.kind == .email })?.value else {
                        throw RapportError.invalid(field: "\(field).email", "is required: the customer has no e-mail address")
                    }
                    attendee.email = address
                }
            }
            let parts = attendee.email.split(separator: "@", omittingEmptySubsequences: false)
            // What a mail server takes and a header can carry: printable ASCII, no quoting.
            guard attendee.email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                attendee.email.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !"<>\",;:\\()[]".unicodeScalars.contains($0) })
            else { throw RapportError.invalid(field: "\(field).email", "must be an e-mail address") }
            if let name = attendee.name, name.count > 200 { throw RapportError.invalid(field: "\(field).name", "must be at most 200 characters") }
            if attendee.name?.isEmpty == true { attendee.name = nil }
            guard !attendees.contains(where: { $0.email == attendee.email }) else { continue }
            attendees.append(attendee)
        }
        return attendees
    }
}
