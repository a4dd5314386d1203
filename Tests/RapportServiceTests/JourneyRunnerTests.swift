import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Journeys run on the simulated clock (ADR 0013): customers let in by what happens to them,
/// walked by the runner through waits, events, branches, splits and profile changes, ended by
/// the goal or by leaving their segment; each step once per visit, whatever dies on the way.
@Suite("Journeys run")
struct JourneyRunnerTests {
    static func json(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    /// A journey created from `definition`, published.
    static func live(_ services: Services, _ definition: String, actor: Actor) async throws -> Journey {
        let journey = try await services.journeys.create(JourneyDraft(name: "J \(UUID().uuidString.prefix(6))", definition: try json(definition)), as: actor)
        return try await services.journeys.publish(id: journey.id, as: actor)
    }

    /// A customer known by `userID` to tracking.
    static func customer(_ services: Services, _ userID: String, actor: Actor) async throws -> String {
        _ = try await services.tracking.ingest(
            [TrackingMessage(type: .identify, messageID: "id-\(userID)", userID: userID, properties: ["email": .string("\(userID)@example.com")])],
            workspaceID: services.workspaceID, provenance: .proven)
        return try #require(try await services.customers.customerID(for: IdentityInput(kind: "email", value: "\(userID)@example.com"), as: actor))
    }

    static func track(_ services: Services, _ userID: String, _ event: String, properties: [String: JSONValue] = [:]) async throws {
        _ = try await services.tracking.ingest(
            [TrackingMessage(type: .track, messageID: UUID().uuidString, userID: userID, event: event, properties: properties)],
            workspaceID: services.workspaceID, provenance: .proven)
    }

    static func tags(_ services: Services, _ customerID: String, actor: Actor) async throws -> [String] {
        try await services.customers.view(id: customerID, as: actor).customer.profile.tags
    }

    static func enrolment(_ services: Services, _ customerID: String, journey: Journey, actor: Actor) async throws -> JourneyEnrolment? {
        try await services.journeys.enrolments(ofCustomer: customerID, as: actor).first { $0.journeyID == journey.id }
    }

    static let checkout = """
        {"trigger": {"tracked_event": "Checkout Started", "filters": [{"property": "value", "is": "gte", "value": 10}]},
         "entry": {"once_per_days": 7},
         "steps": [
           {"key": "settle", "type": "wait", "duration": {"hours": 1}, "next": "order"},
           {"key": "order", "type": "wait_for_event", "tracked_event": "Order Completed", "timeout": {"hours": 2}, "next": "bought", "on_timeout": "lost"},
           {"key": "bought", "type": "update_profile", "add_tags": ["recovered"]},
           {"key": "lost", "type": "update_profile", "add_tags": ["abandoned"], "attributes": {"cart": "lost"}}
         ]}
        """

    @Test("a tracked event that passes the filter lets the customer in; the wait passes on the simulated clock; the awaited event wakes them at once, its timeout sends the others the other way", arguments: TestDatabase.available)
    func waitsAndEvents(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let journey = try await Self.live(services, Self.checkout, actor: actor)
            let (buyer, leaver, small) = (
                try await Self.customer(services, "buyer", actor: actor), try await Self.customer(services, "leaver", actor: actor),
                try await Self.customer(services, "small", actor: actor))
            for user in ["buyer", "leaver"] { try await Self.track(services, user, "Checkout Started", properties: ["value": .number(25)]) }
            try await Self.track(services, "small", "Checkout Started", properties: ["value": .number(5)])
            #expect(try await Self.enrolment(services, small, journey: journey, actor: actor) == nil, "the filter keeps a small cart out")
            #expect(try await services.journeyRunner.runDue() == 0, "an hour's wait is not over at once")
            #expect(try await Self.enrolment(services, buyer, journey: journey, actor: actor)?.position?.stepKey == "settle")

            services.clock.advance(by: 3_600)
            #expect(try await services.journeyRunner.runDue() == 2, "both pass the wait and start waiting for the order")
            let waiting = try #require(try await Self.enrolment(services, buyer, journey: journey, actor: actor))
            #expect(waiting.status == .waiting && waiting.position?.stepKey == "order" && waiting.waitEvent == "tracked:Order Completed")

            services.clock.advance(by: 600)
            try await Self.track(services, "buyer", "Order Completed")
            #expect(try await Self.enrolment(services, buyer, journey: journey, actor: actor)?.dueAt == services.clock.now(), "the order makes them due now")
            #expect(try await services.journeyRunner.runDue() == 2, "the wait ends at the event and the tag is set")
            #expect(try await Self.tags(services, buyer, actor: actor) == ["recovered"])
            #expect(try await Self.tags(services, leaver, actor: actor).isEmpty, "the other still waits")

            services.clock.advance(by: 2 * 3_600)
            #expect(try await services.journeyRunner.runDue() == 2)
            #expect(try await Self.tags(services, leaver, actor: actor) == ["abandoned"])
            let attributes = try await services.customers.view(id: leaver, as: actor).customer.profile.attributes
            #expect(attributes["cart"] == .string("lost"))
            let ended = try #require(try await Self.enrolment(services, leaver, journey: journey, actor: actor))
            #expect(ended.status == .completed && ended.endReason == "end" && ended.finishedAt != nil)

            let report = try await services.journeys.report(id: journey.id, as: actor)
            #expect(report.stats.entered == 2 && report.stats.completed == 2 && report.stats.inFlight == 0)
            #expect(Dictionary(uniqueKeysWithValues: report.steps.map { ($0.stepKey, $0.passed) }) == ["settle": 2, "order": 2, "bought": 1, "lost": 1])
        }
    }

    @Test("reaching the goal ends the journey at whatever step, as a conversion; once per 7 days lets the same customer in again only after a week", arguments: TestDatabase.available)
    func goalAndEntryRule(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let journey = try await Self.live(
                services, """
                    {"trigger": {"tracked_event": "Product Viewed"}, "entry": {"once_per_days": 7},
                     "goal": {"tracked_event": "Order Completed", "within_days": 3},
                     "steps": [{"key": "later", "type": "wait", "duration": {"days": 2}, "next": "tag"},
                               {"key": "tag", "type": "update_profile", "add_tags": ["nudged"]}]}
                    """, actor: actor)
            let customer = try await Self.customer(services, "viewer", actor: actor)
            try await Self.track(services, "viewer", "Product Viewed")
            try await Self.track(services, "viewer", "Product Viewed")
            #expect(try await services.journeys.enrolments(ofCustomer: customer, as: actor).count == 1, "never twice at once")
            services.clock.advance(by: 86_400)
            try await Self.track(services, "viewer", "Order Completed")
            let converted = try #require(try await Self.enrolment(services, customer, journey: journey, actor: actor))
            #expect(converted.status == .completed && converted.endReason == "goal" && converted.convertedAt == services.clock.now())
            services.clock.advance(by: 2 * 86_400)
            #expect(try await services.journeyRunner.runDue() == 0, "the goal ended it: the wait never ends into the tag")
            #expect(try await Self.tags(services, customer, actor: actor).isEmpty)

            try await Self.track(services, "viewer", "Product Viewed")
            #expect(try await services.journeys.enrolments(ofCustomer: customer, as: actor).count == 1, "three days after entering: not yet again")
            services.clock.advance(by: 4 * 86_400)
            try await Self.track(services, "viewer", "Product Viewed")
            #expect(try await services.journeys.enrolments(ofCustomer: customer, as: actor).count == 2, "a week on, in again")
            let stats = try await services.journeys.report(id: journey.id, as: actor).stats
            #expect(stats.entered == 2 && stats.converted == 1 && stats.inFlight == 1 && stats.conversionRate == 0.5)
        }
    }

    @Test("a branch asks the segment language when reached, a split sends shares of customers each way; a 30-day journey passes in seconds", arguments: TestDatabase.available)
    func branchesAndSplits(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let journey = try await Self.live(
                services, """
                    {"trigger": {"manual": true}, "entry": "every_time",
                     "steps": [
                       {"key": "month", "type": "wait", "duration": {"days": 30}, "next": "vip"},
                       {"key": "vip", "type": "branch", "branches": [{"condition": {"field": "tags", "op": "contains", "value": "vip"}, "next": "gold"}], "otherwise": "ab"},
                       {"key": "gold", "type": "update_profile", "add_tags": ["gold"]},
                       {"key": "ab", "type": "split", "paths": [{"share": 0.5, "next": "a"}, {"share": 0.5, "next": "b"}]},
                       {"key": "a", "type": "update_profile", "add_tags": ["path-a"]},
                       {"key": "b", "type": "update_profile", "add_tags": ["path-b"]}
                     ]}
                    """, actor: actor)
            var customers: [String] = []
            for n in 0..<40 { customers.append(try await Self.customer(services, "c\(n)", actor: actor)) }
            _ = try await services.customers.addTags(id: customers[0], ["vip"], as: actor)
            let enrolled = try await services.journeys.enrol(id: journey.id, customerIDs: customers, segmentID: nil, as: actor)
            #expect(enrolled.count == 40 && enrolled.allSatisfy { $0.source == "api" })
            for _ in 0..<30 {
                services.clock.advance(by: 86_400)
                _ = try await services.journeyRunner.runDue()
            }
            #expect(try await Self.tags(services, customers[0], actor: actor) == ["gold", "vip"])
            var paths: [String: Int] = [:]
            for customer in customers.dropFirst() {
                let tags = try await Self.tags(services, customer, actor: actor)
                #expect(tags.count == 1)
                if let tag = tags.first { paths[tag, default: 0] += 1 }
            }
            #expect(paths["path-a", default: 0] >= 8 && paths["path-b", default: 0] >= 8, "\(paths)")
            let report = try await services.journeys.report(id: journey.id, as: actor)
            #expect(report.stats.completed == 40)
            #expect(report.steps.first { $0.stepKey == "vip" }?.passed == 40 && report.steps.first { $0.stepKey == "ab" }?.passed == 39)
        }
    }

    @Test("kill and resume: a runner that dies after claiming leaves its customers to the next after the lease, and every step runs once; two runners at once never walk a customer twice", arguments: TestDatabase.available)
    func killAndResume(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let journey = try await Self.live(
                services, """
                    {"trigger": {"manual": true},
                     "steps": [{"key": "tag", "type": "update_profile", "add_tags": ["once"], "next": "end"}, {"key": "end", "type": "exit"}]}
                    """, actor: actor)
            var customers: [String] = []
            for n in 0..<5 { customers.append(try await Self.customer(services, "k\(n)", actor: actor)) }
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: customers, segmentID: nil, as: actor)
            // A runner claims the due customers and dies before it writes anything.
            let claimed = try await store.write { session in
                try await session.journeys.claimDue(
                    journeyID: journey.id, now: services.clock.now(), until: services.clock.now().addingTimeInterval(JourneyRunner.lease), token: "dead",
                    limit: 100)
            }
            #expect(claimed.count == 5)
            #expect(try await services.journeyRunner.runDue() == 0, "while the dead runner's lease lasts, nobody walks them")
            services.clock.advance(by: JourneyRunner.lease + 1)
            #expect(try await services.journeyRunner.runDue() == 10, "after it, another runner walks each once: the tag and the exit")
            #expect(try await services.journeyRunner.runDue() == 0)
            for customer in customers {
                #expect(try await Self.tags(services, customer, actor: actor) == ["once"])
                let enrolment = try #require(try await Self.enrolment(services, customer, journey: journey, actor: actor))
                #expect(enrolment.status == .completed && enrolment.endReason == "exit")
            }
            // The dead runner's write, had it come late, takes nothing: its token no longer holds them.
            let late = try await store.write { session in try await session.journeys.confirm(ids: claimed.map(\.id), token: "dead") }
            #expect(late.isEmpty)

            // Two runners of two processes at once.
            var more: [String] = []
            for n in 0..<30 { more.append(try await Self.customer(services, "m\(n)", actor: actor)) }
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: more, segmentID: nil, as: actor)
            let other = services.anotherProcess()
            async let first = services.journeyRunner.runDue()
            async let second = other.journeyRunner.runDue()
            let steps = try await first + second
            #expect(steps == 60, "each of the 30 ran its two steps once, whichever runner took them")
            let report = try await services.journeys.report(id: journey.id, as: actor)
            #expect(report.steps.first { $0.stepKey == "tag" }?.passed == 35)
        }
    }

    @Test("versions: customers in flight stay on theirs when a new one is published; pause stops the walk and resume goes on; archive takes everyone out", arguments: TestDatabase.available)
    func versionsAndLifecycle(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let first = """
                {"trigger": {"manual": true}, "entry": "every_time",
                 "steps": [{"key": "wait", "type": "wait", "duration": {"days": 1}, "next": "tag"}, {"key": "tag", "type": "update_profile", "add_tags": ["v1"]}]}
                """
            let journey = try await Self.live(services, first, actor: actor)
            let early = try await Self.customer(services, "early", actor: actor)
            let late = try await Self.customer(services, "late", actor: actor)
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [early], segmentID: nil, as: actor)
            _ = try await services.journeys.update(
                id: journey.id, JourneyDraft(definition: try Self.json(first.replacingOccurrences(of: "\"v1\"", with: "\"v2\""))), as: actor)
            let republished = try await services.journeys.publish(id: journey.id, as: actor)
            #expect(republished.liveVersion == 2 && republished.status == .live)
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [late], segmentID: nil, as: actor)

            _ = try await services.journeys.pause(id: journey.id, as: actor)
            services.clock.advance(by: 86_400)
            #expect(try await services.journeyRunner.runDue() == 0, "paused: nobody walks on")
            await #expect(throws: RapportError.self) { try await services.journeys.enrol(id: journey.id, customerIDs: [late], segmentID: nil, as: actor) }
            _ = try await services.journeys.resume(id: journey.id, as: actor)
            #expect(try await services.journeyRunner.runDue() == 4)
            #expect(try await Self.tags(services, early, actor: actor) == ["v1"], "entered under version 1, walked it")
            #expect(try await Self.tags(services, late, actor: actor) == ["v2"])

            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [early, late], segmentID: nil, as: actor)
            let archived = try await services.journeys.archive(id: journey.id, as: actor)
            #expect(archived.status == .archived)
            for customer in [early, late] {
                let enrolment = try #require(try await Self.enrolment(services, customer, journey: journey, actor: actor))
                #expect(enrolment.status == .exited && enrolment.endReason == "archived")
            }
            await #expect(throws: RapportError.self) { try await services.journeys.publish(id: journey.id, as: actor) }
            await #expect(throws: RapportError.self) { try await services.journeys.delete(id: journey.id, as: actor) }
        }
    }

    @Test("a segment trigger lets members in as they enter; leaving the segment takes them out when the journey says so", arguments: TestDatabase.available)
    func segmentEntryAndExit(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let segment = try await services.segments.create(
                SegmentDraft(name: "VIPs", kind: .dynamic, definition: try Self.json(#"{"field": "tags", "op": "contains", "value": "vip"}"#)), as: actor)
            let journey = try await Self.live(
                services, """
                    {"trigger": {"segment_entered": "\(segment.id)"}, "exit_on_segment_left": true,
                     "steps": [{"key": "week", "type": "wait", "duration": {"days": 7}, "next": "tag"}, {"key": "tag", "type": "update_profile", "add_tags": ["welcomed-vip"]}]}
                    """, actor: actor)
            let customer = try await Self.customer(services, "vip", actor: actor)
            _ = try await services.customers.addTags(id: customer, ["vip"], as: actor)
            let entered = try #require(try await Self.enrolment(services, customer, journey: journey, actor: actor))
            #expect(entered.status == .active && entered.source == "trigger")
            _ = try await services.journeyRunner.runDue()
            _ = try await services.customers.removeTag(id: customer, "vip", as: actor)
            let left = try #require(try await Self.enrolment(services, customer, journey: journey, actor: actor))
            #expect(left.status == .exited && left.endReason == "segment_left")
            services.clock.advance(by: 7 * 86_400)
            #expect(try await services.journeyRunner.runDue() == 0)
            #expect(try await Self.tags(services, customer, actor: actor).isEmpty)
        }
    }

    @Test("bad input changes nothing: an unknown segment, an unknown outgoing webhook, enrolment in a draft, publishing without the right", arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            await #expect(throws: RapportError.self) {
                _ = try await services.journeys.create(
                    JourneyDraft(name: "X", definition: try Self.json(#"{"trigger": {"segment_entered": "seg_nope"}, "steps": [{"key": "a", "type": "exit"}]}"#)),
                    as: actor)
            }
            do {
                _ = try await services.journeys.create(
                    JourneyDraft(
                        name: "Hook", definition: try Self.json(#"{"trigger": {"manual": true}, "steps": [{"key": "a", "type": "webhook", "webhook_id": "whk_01M00000000000000000000000"}]}"#)),
                    as: actor)
                Issue.record("a webhook step naming no outgoing webhook of the workspace was saved")
            } catch RapportError.invalid(let errors) {
                #expect(errors.map(\.field) == ["definition.steps[0].webhook_id"])
            }
            let draft = try await services.journeys.create(
                JourneyDraft(name: "Plain", definition: try Self.json(#"{"trigger": {"manual": true}, "steps": [{"key": "a", "type": "exit"}]}"#)), as: actor)
            #expect(try await services.journeys.list(page: try PageRequest(limit: 10), as: actor).items.map(\.id) == [draft.id], "the refused creates saved nothing")
            let customer = try await Self.customer(services, "nobody", actor: actor)
            await #expect(throws: RapportError.self) { try await services.journeys.enrol(id: draft.id, customerIDs: [customer], segmentID: nil, as: actor) }
            let viewer = Actor(workspaceID: services.workspaceID, role: .agent, userID: nil, teamIDs: [], label: "agent")
            await #expect(throws: RapportError.self) { try await services.journeys.publish(id: draft.id, as: viewer) }
            #expect(try await services.journeys.find(id: draft.id, as: actor).status == .draft)
        }
    }

    @Test("an event that comes before the runner's first pass, or while a runner holds the enrolment, is not lost; a goal reached after the journey ended counts within its window; a goal reached while a runner holds the enrolment ends it and the runner's write takes nothing", arguments: TestDatabase.available)
    func eventsAroundTheRunner(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            // Waiting for the event from the first step: it comes at once, before any runner pass.
            let quick = try await Self.live(
                services, """
                    {"trigger": {"tracked_event": "Checkout Started"},
                     "steps": [{"key": "order", "type": "wait_for_event", "tracked_event": "Order Completed", "timeout": {"hours": 1}, "next": "bought", "on_timeout": "lost"},
                               {"key": "bought", "type": "update_profile", "add_tags": ["bought"]}, {"key": "lost", "type": "update_profile", "add_tags": ["lost"]}]}
                    """, actor: actor)
            let fast = try await Self.customer(services, "fast", actor: actor)
            try await Self.track(services, "fast", "Checkout Started")
            #expect(try await Self.enrolment(services, fast, journey: quick, actor: actor)?.waitEvent == "tracked:Order Completed", "listening from entry")
            services.clock.advance(by: 1)
            try await Self.track(services, "fast", "Order Completed")
            _ = try await services.journeyRunner.runDue()
            #expect(try await Self.tags(services, fast, actor: actor) == ["bought"])

            // The event comes while a runner holds the enrolment and is walking it to the wait.
            let slow = try await Self.live(
                services, """
                    {"trigger": {"manual": true},
                     "steps": [{"key": "settle", "type": "wait", "duration": {"hours": 1}, "next": "order"},
                               {"key": "order", "type": "wait_for_event", "tracked_event": "Order Completed", "timeout": {"days": 1}, "next": "bought"},
                               {"key": "bought", "type": "update_profile", "add_tags": ["bought-late"]}]}
                    """, actor: actor)
            let held = try await Self.customer(services, "held", actor: actor)
            _ = try await services.journeys.enrol(id: slow.id, customerIDs: [held], segmentID: nil, as: actor)
            services.clock.advance(by: 3_600)
            let claimedAt = services.clock.now()
            let claimed = try await store.write { session in
                try await session.journeys.claimDue(journeyID: slow.id, now: claimedAt, until: claimedAt.addingTimeInterval(60), token: "walking", limit: 10)
            }
            #expect(claimed.count == 1)
            services.clock.advance(by: 1)
            try await Self.track(services, "held", "Order Completed")
            // The runner's write: the walk passed the hour and reached the wait at the claim's moment.
            try await store.write { session in
                #expect(try await session.journeys.confirm(ids: claimed.map(\.id), token: "walking") == Set(claimed.map(\.id)))
                try await session.journeys.save(
                    [JourneyEnrolmentMove(
                        enrolmentID: claimed[0].id, status: .waiting, position: JourneyPosition(stepKey: "order", visit: 1, since: claimedAt),
                        dueAt: claimedAt.addingTimeInterval(86_400), waitEvent: "tracked:Order Completed")],
                    at: claimedAt)
            }
            let kept = try #require(try await Self.enrolment(services, held, journey: slow, actor: actor))
            #expect(kept.eventArrivedAt != nil && kept.dueAt == claimedAt, "the event that came during the walk is kept and makes it due")
            _ = try await services.journeyRunner.runDue()
            #expect(try await Self.tags(services, held, actor: actor) == ["bought-late"])

            // A journey that ended before the goal: the order within the window still converts.
            let short = try await Self.live(
                services, """
                    {"trigger": {"manual": true}, "goal": {"tracked_event": "Order Completed", "within_days": 3},
                     "steps": [{"key": "tag", "type": "update_profile", "add_tags": ["told"]}]}
                    """, actor: actor)
            let later = try await Self.customer(services, "later", actor: actor)
            _ = try await services.journeys.enrol(id: short.id, customerIDs: [later], segmentID: nil, as: actor)
            _ = try await services.journeyRunner.runDue()
            services.clock.advance(by: 86_400)
            try await Self.track(services, "later", "Order Completed")
            let done = try #require(try await Self.enrolment(services, later, journey: short, actor: actor))
            #expect(done.endReason == "end" && done.convertedAt == services.clock.now())
            #expect(try await services.journeys.report(id: short.id, as: actor).stats.converted == 1)

            // The goal while a runner holds the enrolment: it ends there, and the runner's write takes nothing.
            let goal = try await Self.live(
                services, """
                    {"trigger": {"manual": true}, "goal": {"tracked_event": "Order Completed"},
                     "steps": [{"key": "tag", "type": "update_profile", "add_tags": ["should-not"]}]}
                    """, actor: actor)
            let buyer = try await Self.customer(services, "goal-buyer", actor: actor)
            _ = try await services.journeys.enrol(id: goal.id, customerIDs: [buyer], segmentID: nil, as: actor)
            let taken = try await store.write { session in
                try await session.journeys.claimDue(
                    journeyID: goal.id, now: services.clock.now(), until: services.clock.now().addingTimeInterval(60), token: "slow", limit: 10)
            }
            try await Self.track(services, "goal-buyer", "Order Completed")
            let confirmed = try await store.write { session in try await session.journeys.confirm(ids: taken.map(\.id), token: "slow") }
            #expect(confirmed.isEmpty)
            let ended = try #require(try await Self.enrolment(services, buyer, journey: goal, actor: actor))
            #expect(ended.endReason == "goal" && ended.status == .completed)
            services.clock.advance(by: 120)
            _ = try await services.journeyRunner.runDue()
            #expect(try await Self.tags(services, buyer, actor: actor).isEmpty)
        }
    }

    @Test("a trigger and its awaited event in one tracking batch: the event after the trigger ends the wait, one before it does not; a wait listens to its own step's filters; a goal is credited to the latest entry only", arguments: TestDatabase.available)
    func orderWithinABatch(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            _ = try await Self.live(
                services, """
                    {"trigger": {"tracked_event": "Checkout Started"}, "entry": "every_time",
                     "steps": [{"key": "order", "type": "wait_for_event", "tracked_event": "Order Completed", "filters": [{"property": "total", "is": "gte", "value": 100}],
                                "timeout": {"hours": 1}, "next": "bought", "on_timeout": "lost"},
                               {"key": "bought", "type": "update_profile", "add_tags": ["bought"]},
                               {"key": "lost", "type": "update_profile", "add_tags": ["lost"], "next": "again"},
                               {"key": "again", "type": "wait_for_event", "tracked_event": "Order Completed", "timeout": {"hours": 1}}]}
                    """, actor: actor)
            let after = try await Self.customer(services, "after", actor: actor)
            let before = try await Self.customer(services, "before", actor: actor)
            let small = try await Self.customer(services, "small-order", actor: actor)
            func message(_ user: String, _ event: String, total: Double = 150) -> TrackingMessage {
                TrackingMessage(type: .track, messageID: UUID().uuidString, userID: user, event: event, properties: ["total": .number(total)])
            }
            _ = try await services.tracking.ingest(
                [message("after", "Checkout Started"), message("after", "Order Completed"), message("before", "Order Completed"),
                 message("before", "Checkout Started"), message("small-order", "Checkout Started"), message("small-order", "Order Completed", total: 50)],
                workspaceID: services.workspaceID, provenance: .proven)
            _ = try await services.journeyRunner.runDue()
            #expect(try await Self.tags(services, after, actor: actor) == ["bought"], "the order after the checkout ended the wait")
            #expect(try await Self.tags(services, before, actor: actor).isEmpty, "the order before the checkout did not")
            #expect(try await Self.tags(services, small, actor: actor).isEmpty, "an order of 50 fails the wait's own filter, though a later wait has none")
            services.clock.advance(by: 3_600)
            _ = try await services.journeyRunner.runDue()
            #expect(try await Self.tags(services, before, actor: actor) == ["lost"])
            #expect(try await Self.tags(services, small, actor: actor) == ["lost"])

            // Goal credited to the latest entry: two entries of an every-time journey, one order.
            let goal = try await Self.live(
                services, """
                    {"trigger": {"manual": true}, "entry": "every_time", "goal": {"tracked_event": "Bought", "within_days": 7},
                     "steps": [{"key": "tag", "type": "update_profile", "add_tags": ["entered"]}]}
                    """, actor: actor)
            let twice = try await Self.customer(services, "twice", actor: actor)
            for _ in 0..<2 {
                _ = try await services.journeys.enrol(id: goal.id, customerIDs: [twice], segmentID: nil, as: actor)
                _ = try await services.journeyRunner.runDue()
                services.clock.advance(by: 60)
            }
            try await Self.track(services, "twice", "Bought")
            let entries = try await services.journeys.enrolments(ofCustomer: twice, as: actor).filter { $0.journeyID == goal.id }
            #expect(entries.count == 2 && entries.filter { $0.convertedAt != nil }.count == 1 && entries[0].convertedAt != nil, "the newest entry, listed first, converted")
            #expect(try await services.journeys.report(id: goal.id, as: actor).stats.converted == 1)
        }
    }
}
