import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// `anniversary_within_days`: a date's month and day coming round today or within the next
/// `d` days (UTC), for birthdays written in attributes and for the day a customer signed up;
/// members moved in and out by flips at UTC midnight.
@Suite("Segment anniversaries")
struct SegmentAnniversaryTests {
    static func time(_ text: String) -> Date {
        Timestamp.parse(text)!
    }

    /// Sets the test clock to `date` (only ever forwards in these tests).
    static func move(_ services: Services, to date: Date) {
        services.clock.advance(by: date.timeIntervalSince(services.clock.now()))
    }

    /// A new customer with a `birthday` attribute (none when nil); answers the id.
    static func customer(_ services: Services, _ email: String, birthday: AttributeValue?) async throws -> String {
        let input = CustomerInput(identities: [IdentityInput(.email, value: email)], attributes: birthday.map { ["birthday": $0] } ?? [:])
        return try await services.customers.upsert(input, as: .operator(workspaceID: services.workspaceID)).customer.id
    }

    /// Who a definition holds now (the previews here hold fewer than its sample of ten).
    static func holds(_ services: Services, _ text: String) async throws -> Set<String> {
        let preview = try await services.segments.preview(try SegmentTests.definition(text), as: .operator(workspaceID: services.workspaceID))
        #expect(preview.count == preview.sample.count)
        return Set(preview.sample.map(\.id))
    }

    static func birthdayWithin(_ days: Int) -> String {
        #"{"field": "attributes.birthday", "op": "anniversary_within_days", "value": \#(days)}"#
    }

    @Test("a birthday today or up to d days ahead is in; one d + 1 days ahead, yesterday's, and values that are no date are out",
          arguments: TestDatabase.available)
    func window(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            Self.move(services, to: Self.time("2027-06-10T15:00:00Z"))
            let today = try await Self.customer(services, "today@example.com", birthday: .string("1990-06-10"))
            let inSeven = try await Self.customer(services, "seven@example.com", birthday: .string("1985-06-17"))
            let inEight = try await Self.customer(services, "eight@example.com", birthday: .string("1985-06-18"))
            let yesterday = try await Self.customer(services, "yesterday@example.com", birthday: .string("1992-06-09"))
            let asTime = try await Self.customer(services, "time@example.com", birthday: .string("1980-06-12T22:30:00Z"))
            // None of these names a day; PostgreSQL must not fail on casting them.
            for (email, value) in [("number@example.com", AttributeValue.number(5)), ("feb30@example.com", .string("1990-02-30")),
                                   ("junk@example.com", .string("2000-ab-cd")), ("word@example.com", .string("June 10"))] {
                _ = try await Self.customer(services, email, birthday: value)
            }
            _ = try await Self.customer(services, "none@example.com", birthday: nil)

            #expect(try await Self.holds(services, Self.birthdayWithin(7)) == [today, inSeven, asTime])
            #expect(try await Self.holds(services, Self.birthdayWithin(0)) == [today])
            #expect(try await Self.holds(services, Self.birthdayWithin(1)) == [today])
            #expect(try await Self.holds(services, Self.birthdayWithin(8)) == [today, inSeven, inEight, asTime])
            #expect(try await Self.holds(services, Self.birthdayWithin(364)).contains(yesterday) == false, "yesterday's comes round again in 365 days")
            #expect(try await Self.holds(services, Self.birthdayWithin(365)).contains(yesterday))
            let others = try await services.segments.preview(try SegmentTests.definition("{\"not\": \(Self.birthdayWithin(7))}"), as: actor)
            #expect(others.count == 7, "everyone else, those without a date included")

            // Saved, its flips are scheduled for everyone: a text that names no day gets none.
            let week = try await services.segments.create(
                SegmentDraft(name: "Birthday this week", definition: try SegmentTests.definition(Self.birthdayWithin(7))), as: actor)
            #expect(week.memberCount == 3)
            #expect(Set(try await services.segments.members(id: week.id, page: try PageRequest(), as: actor).items.map(\.id)) == [today, inSeven, asTime])
            #expect(try await services.segments.drift(id: week.id, as: actor).isEmpty)
            let flips = try await store.integers("SELECT COUNT(*) FROM segment_flips WHERE segment_id = '\(week.id)'")
            #expect(flips == [[5]], "the five customers whose birthday names a day, and no one else")
        }
    }

    @Test("the window runs on over the new year", arguments: TestDatabase.available)
    func yearWrap(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            Self.move(services, to: Self.time("2027-12-28T09:00:00Z"))
            let secondOfJanuary = try await Self.customer(services, "jan2@example.com", birthday: .string("1990-01-02"))
            let newYearsEve = try await Self.customer(services, "dec31@example.com", birthday: .string("1990-12-31"))
            _ = try await Self.customer(services, "jan5@example.com", birthday: .string("1990-01-05"))
            _ = try await Self.customer(services, "dec27@example.com", birthday: .string("1990-12-27"))
            #expect(try await Self.holds(services, Self.birthdayWithin(7)) == [secondOfJanuary, newYearsEve])
        }
    }

    @Test("29 February comes round on 28 February in a year without one, and on the 29th in a leap year", arguments: TestDatabase.available)
    func leapDay(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let leapling = try await Self.customer(services, "leap@example.com", birthday: .string("2000-02-29"))
            let march = try await Self.customer(services, "march@example.com", birthday: .string("2000-03-01"))
            let lateFebruary = try await Self.customer(services, "feb28@example.com", birthday: .string("2001-02-28"))

            Self.move(services, to: Self.time("2027-02-27T12:00:00Z"))
            #expect(try await Self.holds(services, Self.birthdayWithin(0)) == [])
            #expect(try await Self.holds(services, Self.birthdayWithin(1)) == [leapling, lateFebruary])
            #expect(try await Self.holds(services, Self.birthdayWithin(2)) == [leapling, lateFebruary, march])
            Self.move(services, to: Self.time("2027-02-28T00:00:00Z"))
            #expect(try await Self.holds(services, Self.birthdayWithin(0)) == [leapling, lateFebruary])
            Self.move(services, to: Self.time("2027-03-01T00:00:00Z"))
            #expect(try await Self.holds(services, Self.birthdayWithin(0)) == [march])
            Self.move(services, to: Self.time("2028-02-28T12:00:00Z"))
            #expect(try await Self.holds(services, Self.birthdayWithin(0)) == [lateFebruary])
            #expect(try await Self.holds(services, Self.birthdayWithin(1)) == [lateFebruary, leapling])
            Self.move(services, to: Self.time("2028-02-29T12:00:00Z"))
            #expect(try await Self.holds(services, Self.birthdayWithin(0)) == [leapling])
        }
    }

    @Test("created_at comes round as the sign-up anniversary, a customer who signed up today included", arguments: TestDatabase.available)
    func signUpAnniversary(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            Self.move(services, to: Self.time("2026-09-21T15:00:00Z"))
            let veteran = try await Self.customer(services, "veteran@example.com", birthday: nil)
            Self.move(services, to: Self.time("2027-09-14T23:00:00Z"))
            let newcomer = try await Self.customer(services, "new@example.com", birthday: nil)
            let within = { (days: Int) in #"{"field": "created_at", "op": "anniversary_within_days", "value": \#(days)}"# }
            #expect(try await Self.holds(services, within(7)) == [veteran, newcomer])
            #expect(try await Self.holds(services, within(6)) == [newcomer])
            #expect(try await Self.holds(services, """
                {"all": [\(within(7)), {"field": "created_at", "op": "more_than_days_ago", "value": 300}]}
                """) == [veteran], "a newcomer is left out by its age")
            Self.move(services, to: Self.time("2027-09-21T23:59:59Z"))
            #expect(try await Self.holds(services, within(0)) == [veteran])
        }
    }

    @Test("a customer enters at the UTC midnight the birthday comes into the window and leaves at the one after it",
          arguments: TestDatabase.available)
    func flips(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            Self.move(services, to: Self.time("2027-06-01T12:00:00Z"))
            let customer = try await Self.customer(services, "june@example.com", birthday: .string("1990-06-10"))
            let week = try await services.segments.create(
                SegmentDraft(name: "Birthday this week", definition: try SegmentTests.definition(Self.birthdayWithin(7))), as: actor)
            func members() async throws -> [String] {
                try await services.segments.members(id: week.id, page: try PageRequest(), as: actor).items.map(\.id)
            }
            #expect(week.memberCount == 0, "10 June is 9 days away")

            Self.move(services, to: Self.time("2027-06-02T23:59:59Z"))
            _ = try await services.segments.settleDueFlips()
            #expect(try await members().isEmpty, "a second before 3 June the birthday is 8 days away")
            services.clock.advance(by: 1)
            _ = try await services.segments.settleDueFlips()
            #expect(try await members() == [customer], "at midnight it is 7 days away")

            Self.move(services, to: Self.time("2027-06-10T23:59:59Z"))
            _ = try await services.segments.settleDueFlips()
            #expect(try await members() == [customer], "all through the birthday")
            services.clock.advance(by: 1)
            _ = try await services.segments.settleDueFlips()
            #expect(try await members().isEmpty, "the day after it")
            #expect(try await services.segments.drift(id: week.id, as: actor).isEmpty)

            _ = try await services.customers.patch(id: customer, CustomerPatch(attributes: ["birthday": .string("1990-06-13")]), as: actor)
            #expect(try await members() == [customer], "a changed birthday is read at once")
            Self.move(services, to: Self.time("2027-06-14T00:00:00Z"))
            _ = try await services.segments.settleDueFlips()
            #expect(try await members().isEmpty)

            #expect(try await SegmentTests.moves(services) == [
                "segment.entered \(customer) time_passed",
                "segment.left \(customer) time_passed",
                "segment.entered \(customer) customer.updated",
                "segment.left \(customer) time_passed",
            ])
        }
    }

    @Test("flips walked midnight by midnight over the new year and February never leave a member behind", arguments: TestDatabase.available)
    func walk(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let birthdays = ["1990-12-24", "1990-12-31", "1991-01-01", "1991-01-05", "2000-02-29", "1990-02-28", "1990-03-01", "1990-03-04"]
            for (index, birthday) in birthdays.enumerated() {
                _ = try await Self.customer(services, "walk\(index)@example.com", birthday: .string(birthday))
            }
            Self.move(services, to: Self.time("2026-12-20T00:00:00Z"))
            var segments: [Segment] = []
            for days in [0, 3] {
                segments.append(try await services.segments.create(
                    SegmentDraft(name: "Within \(days)", definition: try SegmentTests.definition(Self.birthdayWithin(days))), as: actor))
            }
            // Every change happens at a midnight: checked at each one, a late flip shows as drift.
            while services.clock.now() < Self.time("2027-03-08T00:00:00Z") {
                services.clock.advance(by: 86_400)
                _ = try await services.segments.settleDueFlips()
                for segment in segments {
                    let drift = try await services.segments.drift(id: segment.id, as: actor)
                    #expect(drift.isEmpty, "\(segment.name) on \(Timestamp.iso8601(services.clock.now())): missing \(drift.missing), extra \(drift.extra)")
                }
            }
        }
    }

    @Test("the month-days of a window, without a database")
    func monthDays() {
        #expect(SegmentAnniversary.monthDays(within: 0, of: Self.time("2027-02-28T23:00:00Z")) == ["02-28", "02-29"])
        #expect(SegmentAnniversary.monthDays(within: 0, of: Self.time("2028-02-28T23:00:00Z")) == ["02-28"])
        #expect(SegmentAnniversary.monthDays(within: 3, of: Self.time("2027-12-30T01:00:00Z")) == ["12-30", "12-31", "01-01", "01-02"])
        for start in ["2026-03-01T00:00:00Z", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", "2027-03-01T00:00:00Z"] {
            #expect(Set(SegmentAnniversary.monthDays(within: 365, of: Self.time(start))).count == 366, "a year and a day holds every date from \(start)")
        }
        #expect([(1, 1), (2, 29), (3, 1), (12, 31)].map { SegmentAnniversary.dayOfLeapYear(month: $0.0, day: $0.1) } == [0, 59, 60, 365])
    }

    @Test("a bad anniversary is refused naming the part at fault; a good one reads back as written")
    func parsing() throws {
        let cases: [(String, String)] = [
            (#"{"field": "attributes.birthday", "op": "anniversary_within_days", "value": 400}"#, "definition.value"),
            (#"{"field": "created_at", "op": "anniversary_within_days", "value": -1}"#, "definition.value"),
            (#"{"field": "created_at", "op": "anniversary_within_days", "value": 2.5}"#, "definition.value"),
            (#"{"field": "created_at", "op": "anniversary_within_days", "value": "7"}"#, "definition.value"),
            (#"{"field": "created_at", "op": "anniversary_within_days"}"#, "definition.value"),
            (#"{"all": [{"field": "tags", "op": "contains", "value": "vip"}, {"field": "first_name", "op": "anniversary_within_days", "value": 7}]}"#,
             "definition.all[1].op"),
            (#"{"field": "orders.count", "op": "anniversary_within_days", "value": 7}"#, "definition.op"),
        ]
        for (text, field) in cases {
            do {
                _ = try SegmentDefinitionParser.parse(try SegmentTests.definition(text))
                Issue.record("accepted \(text)")
            } catch RapportError.invalid(let errors) {
                #expect(errors.map(\.field) == [field], "\(text)")
            }
        }
        let good = try SegmentDefinitionParser.parse(try SegmentTests.definition("""
            {"any": [\(Self.birthdayWithin(0)), {"field": "created_at", "op": "anniversary_within_days", "value": 365}]}
            """))
        #expect(try SegmentDefinitionParser.parse(good.json) == good)
        #expect(good.dependsOnTime, "its flips are scheduled")
    }

    @Test("saving a window out of range is refused (a 422) naming the value, and nothing is saved", arguments: TestDatabase.available)
    func refusedByTheService(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            do {
                _ = try await services.segments.create(
                    SegmentDraft(name: "Too far", definition: try SegmentTests.definition(Self.birthdayWithin(400))), as: actor)
                Issue.record("saved a window of 400 days")
            } catch RapportError.invalid(let errors) {
                #expect(errors.map(\.field) == ["definition.value"])
            }
            #expect(try await services.segments.list(as: actor).isEmpty)
        }
    }
}
