import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Tasks on both engines: made and changed by people (checked, audited), made once by a
/// journey's task step; the built-in VIP onboarding and lead nurture journeys end to end.
@Suite("Tasks")
struct WorkTaskTests {
    @Test("a task is made with its owner, team and customer checked; done records who and when, open again clears it; the list filters; a marketer may read but not change", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let agent = try await services.inboxes.createAgent(name: "Ana", email: "ana@shop.test", as: actor)
            let team = try await services.inboxes.createTeam(name: "VIP care", memberIDs: [agent.id], as: actor)
            let customer = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "t@example.com")]), as: actor).customer.id
            let due = services.clock.now().addingTimeInterval(86_400)
            let task = try await services.tasks.create(
                WorkTaskChange(kind: .call, title: "  Call about the wholesale order  ", dueAt: .some(due), ownerID: .some(agent.id), teamID: .some(team.id),
                    customerID: .some(customer)), as: actor)
            #expect(task.title == "Call about the wholesale order" && task.kind == .call && task.status == .open && task.dueAt == due)

            for bad in [
                WorkTaskChange(title: " "), WorkTaskChange(title: "x", ownerID: .some("usr_nobody")), WorkTaskChange(title: "x", teamID: .some("tea_nobody")),
                WorkTaskChange(title: "x", customerID: .some("cus_nobody")), WorkTaskChange(kind: .todo),
            ] {
                await #expect(throws: RapportError.self) { try await services.tasks.create(bad, as: actor) }
            }
            #expect(try await services.tasks.list(page: try PageRequest(), as: actor).items.map(\.id) == [task.id], "nothing of a refused task is kept")

            services.clock.advance(by: 60)
            let done = try await services.tasks.update(id: task.id, WorkTaskChange(status: .done), as: actor)
            #expect(done.status == .done && done.completedAt == services.clock.now() && done.completedBy == actor.label)
            let reopened = try await services.tasks.update(id: task.id, WorkTaskChange(status: .open, ownerID: .some(nil)), as: actor)
            #expect(reopened.status == .open && reopened.completedAt == nil && reopened.ownerID == nil && reopened.teamID == team.id)

            _ = try await services.tasks.create(WorkTaskChange(title: "Tidy the catalogue"), as: actor)
            #expect(try await services.tasks.list(filter: WorkTaskFilter(customerID: customer), page: try PageRequest(), as: actor).items.map(\.id) == [task.id])
            #expect(try await services.tasks.list(filter: WorkTaskFilter(status: .done), page: try PageRequest(), as: actor).items.isEmpty)
            let audit = try await services.audit.entries(filter: AuditFilter(subjectID: task.id), page: try PageRequest(), as: actor).items.map(\.action)
            #expect(Set(audit) == ["task.created", "task.updated"])

            let marketer = Actor(workspaceID: services.workspaceID, role: .marketer, userID: nil, teamIDs: [], label: "marketer")
            #expect(try await services.tasks.find(id: task.id, as: marketer).id == task.id)
            await #expect(throws: RapportError.self) { try await services.tasks.update(id: task.id, WorkTaskChange(status: .done), as: marketer) }
        }
    }

    @Test("an owner must be an active user who works tasks; a user deactivated hands their open tasks back to the team; a merge takes tasks to the surviving customer", arguments: TestDatabase.available)
    func ownersAndMerges(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let admin = try await services.users.create(email: "boss@shop.test", name: "Boss", role: .admin, password: nil, as: .operator(workspaceID: services.workspaceID)).user
            let actor = Actor.user(admin, teamIDs: [])
            let agent = try await services.users.create(email: "ana@shop.test", name: "Ana", role: .agent, password: nil, as: actor).user
            let marketer = try await services.users.create(email: "mo@shop.test", name: "Mo", role: .marketer, password: nil, as: actor).user
            do {
                _ = try await services.tasks.create(WorkTaskChange(title: "Call", ownerID: .some(marketer.id)), as: actor)
                Issue.record("a marketer, who cannot complete tasks, was made an owner")
            } catch RapportError.invalid(let errors) {
                #expect(errors.map(\.field) == ["owner_id"])
            }
            let open = try await services.tasks.create(WorkTaskChange(title: "Call", ownerID: .some(agent.id)), as: actor)
            let closed = try await services.tasks.update(
                id: try await services.tasks.create(WorkTaskChange(title: "Old call", ownerID: .some(agent.id)), as: actor).id, WorkTaskChange(status: .done),
                as: actor)
            try await services.users.setActive(false, userID: agent.id, as: actor)
            #expect(try await services.tasks.find(id: open.id, as: actor).ownerID == nil, "an open task goes back to the team")
            #expect(try await services.tasks.find(id: closed.id, as: actor).ownerID == agent.id, "a done one keeps who did it")
            await #expect(throws: RapportError.self) {
                try await services.tasks.update(id: open.id, WorkTaskChange(ownerID: .some(agent.id)), as: actor)
            }

            let survivor = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "a@example.com")]), as: actor).customer.id
            let duplicate = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "phone", value: "+4915112345678")]), as: actor).customer.id
            let about = try await services.tasks.create(WorkTaskChange(title: "Follow up", customerID: .some(duplicate)), as: actor)
            _ = try await services.customers.merge(into: survivor, from: duplicate, as: actor)
            #expect(try await services.tasks.find(id: about.id, as: actor).customerID == survivor)
            #expect(try await services.tasks.list(filter: WorkTaskFilter(customerID: survivor), page: try PageRequest(), as: actor).items.map(\.id) == [about.id])
        }
    }

    @Test("VIP onboarding, built in: the customer is tagged vip, the team gets a welcome call due in two days (once, however often the step is written), and the personal e-mail goes", arguments: TestDatabase.available)
    func vipOnboarding(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            let (services, actor) = (world.services, world.actor)
            let draft = try await services.journeys.create(JourneyDraft(), templateKey: "vip_onboarding", inboxID: world.inbox.id, as: actor)
            let journey = try await services.journeys.publish(id: draft.id, as: actor)
            let vip = try await JourneyMessageTests.customer(world, "vip@example.com")
            // Its trigger is entering the Champions (RFM) segment; let in by hand here.
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [vip], segmentID: nil, as: actor)
            let started = services.clock.now()
            try await JourneyMessageTests.settle(world)

            #expect(try await JourneyRunnerTests.tags(services, vip, actor: actor) == ["vip"])
            let tasks = try await services.tasks.list(filter: WorkTaskFilter(customerID: vip), page: try PageRequest(), as: actor).items
            #expect(tasks.count == 1)
            #expect(tasks.first.map { ($0.title, $0.status, $0.dueAt, $0.journeyID) } ?? ("", .done, nil, nil)
                == ("Welcome call for a new VIP", .open, started.addingTimeInterval(2 * 86_400), journey.id))
            #expect(world.transport.emails.map(\.subject) == ["You are one of our best customers"])

            // The task's origin is its enrolment, step and visit: written again, it is not made twice.
            let again = try #require(tasks.first)
            var copy = again
            copy.id = ResourceID.make(.task, at: services.clock.now())
            let written = copy
            let added = try await store.write { session in try await session.tasks.insert([written]) }
            #expect(added == 0)
        }
    }

    @Test("lead nurture, built in: material goes a day after they are let in; a lead who looks at products again within three days becomes a task for a person, one who does not gets more material and, still silent, leaves; an order is the goal", arguments: TestDatabase.available)
    func leadNurture(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            let (services, actor) = (world.services, world.actor)
            let draft = try await services.journeys.create(JourneyDraft(), templateKey: "lead_nurture", inboxID: world.inbox.id, as: actor)
            let journey = try await services.journeys.publish(id: draft.id, as: actor)
            let (keen, silent) = (try await JourneyTemplateRunTests.shopper(world, "keen"), try await JourneyTemplateRunTests.shopper(world, "silent"))
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [keen, silent], segmentID: nil, as: actor)
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.isEmpty, "a day to think it over first")
            services.clock.advance(by: 86_400)
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.filter { $0.subject == "More about what you asked us" }.count == 2)

            services.clock.advance(by: 86_400)
            try await JourneyRunnerTests.track(services, "keen", "Product Viewed")
            try await JourneyMessageTests.settle(world)
            let told = try await services.tasks.list(filter: WorkTaskFilter(customerID: keen), page: try PageRequest(), as: actor).items
            #expect(told.map(\.title) == ["A nurtured lead is looking at products again: get in touch"])
            #expect(try await JourneyRunnerTests.enrolment(services, keen, journey: journey, actor: actor)?.status == .completed)

            services.clock.advance(by: 2 * 86_400)
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.filter { $0.subject == "Questions others asked" }.map(\.address) == ["silent@example.com"])
            services.clock.advance(by: 4 * 86_400)
            try await JourneyMessageTests.settle(world)
            let left = try #require(try await JourneyRunnerTests.enrolment(services, silent, journey: journey, actor: actor))
            #expect(left.status == .completed && left.endReason == "end")
            #expect(try await services.tasks.list(filter: WorkTaskFilter(customerID: silent), page: try PageRequest(), as: actor).items.isEmpty)

            // In again a month later, and an order within the goal's window converts.
            services.clock.advance(by: 30 * 86_400)
            _ = try await services.journeys.enrol(id: journey.id, customerIDs: [silent], segmentID: nil, as: actor)
            _ = try await services.commerce.upsertOrders([OrderTests.guestOrder("7001", email: "silent@example.com")], as: actor)
            let converted = try #require(try await JourneyRunnerTests.enrolment(services, silent, journey: journey, actor: actor))
            #expect(converted.endReason == "goal" && converted.convertedAt != nil)
        }
    }
}
