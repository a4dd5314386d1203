import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Users and sign-in")
struct UserTests {
    @Test("a user signs in with their password; the hash is bcrypt; a wrong password or unknown address is refused alike", arguments: TestDatabase.available)
    func signIn(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let (agent, generated) = try await services.users.create(
                email: "Ana@Shop.test", name: "Ana", role: .agent, password: nil, as: .operator(workspaceID: services.workspaceID))
            let password = try #require(generated)
            #expect(password.count == 20)
            #expect(agent.role == .agent)
            let hash = try await store.read { session in try await session.users.credentials(email: "ana@shop.test") }.first?.passwordHash
            #expect(hash?.hasPrefix("$2b$") == true)
            #expect(hash?.contains(password) == false)
            let signedIn = try await services.users.signIn(email: " ana@shop.test ", password: password)
            #expect(signedIn.user.id == agent.id)
            #expect(signedIn.session.csrfToken.count == 32)
            let active = try #require(try await services.users.session(token: signedIn.token))
            #expect(active.user.email == "ana@shop.test")
            #expect(active.session.id != signedIn.token)
            #expect(active.actor.role == .agent && active.actor.userID == agent.id)
            await #expect(throws: RapportError.unauthorized("The e-mail address or the password is wrong.")) {
                _ = try await services.users.signIn(email: "ana@shop.test", password: password + "x")
            }
            await #expect(throws: RapportError.unauthorized("The e-mail address or the password is wrong.")) {
                _ = try await services.users.signIn(email: "nobody@shop.test", password: password)
            }
            await #expect(throws: RapportError.self) {
                _ = try await services.users.create(email: "short@shop.test", name: nil, role: .marketer, password: "short", as: .operator(workspaceID: services.workspaceID))
            }
            await #expect(throws: RapportError.conflict("A user with the e-mail address ana@shop.test exists already (an address leads to one account, in whichever workspace).")) {
                _ = try await services.users.create(email: "ana@shop.test", name: nil, role: .admin, password: nil, as: .operator(workspaceID: services.workspaceID))
            }
            // A team that does not exist refuses the whole user, who is then not stored.
            await #expect(throws: RapportError.invalid(field: "team[0]", "names no team of this workspace")) {
                _ = try await services.users.create(
                    email: "new@shop.test", name: nil, role: .agent, password: nil, teamIDs: ["tea_01M86CQHZ4T1VX2681S1J31B8R"],
                    as: .operator(workspaceID: services.workspaceID))
            }
            #expect(try await store.read { session in try await session.users.credentials(email: "new@shop.test") }.isEmpty)
        }
    }

    @Test("five failures lock the account with a doubling wait, even for the right password; time unlocks it", arguments: TestDatabase.available)
    func lockout(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            _ = try await services.users.create(
                email: "max@shop.test", name: nil, role: .manager, password: "correct horse battery", as: .operator(workspaceID: services.workspaceID))
            for _ in 1..<UserService.lockoutThreshold {
                await #expect(throws: RapportError.self) { _ = try await services.users.signIn(email: "max@shop.test", password: "guess") }
            }
            await #expect(throws: RapportError.unauthorized("The e-mail address or the password is wrong.")) {
                _ = try await services.users.signIn(email: "max@shop.test", password: "guess")
            }
            do {
                _ = try await services.users.signIn(email: "max@shop.test", password: "correct horse battery")
                Issue.record("a locked account signed in")
            } catch RapportError.tooManyAttempts(_, let seconds) {
                #expect(seconds == 30)
            }
            #expect(UserService.lockout(afterFailures: 6) == 60)
            #expect(UserService.lockout(afterFailures: 30) == 3600)
            services.clock.advance(by: 31)
            let signedIn = try await services.users.signIn(email: "max@shop.test", password: "correct horse battery")
            #expect(signedIn.user.role == .manager)
            // Success resets the count: one more failure does not lock again.
            await #expect(throws: RapportError.unauthorized("The e-mail address or the password is wrong.")) {
                _ = try await services.users.signIn(email: "max@shop.test", password: "guess")
            }
        }
    }

    @Test("sessions expire, sign out one by one, or everywhere at once", arguments: TestDatabase.available)
    func sessions(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let (user, _) = try await services.users.create(
                email: "lee@shop.test", name: "Lee", role: .admin, password: "a long enough password", as: .operator(workspaceID: services.workspaceID))
            let laptop = try await services.users.signIn(email: "lee@shop.test", password: "a long enough password")
            let phone = try await services.users.signIn(email: "lee@shop.test", password: "a long enough password")
            let tablet = try await services.users.signIn(email: "lee@shop.test", password: "a long enough password")
            try await services.users.signOut(token: laptop.token)
            #expect(try await services.users.session(token: laptop.token) == nil)
            #expect(try await services.users.session(token: phone.token) != nil)
            #expect(try await services.users.signOutEverywhere(userID: user.id) == 2)
            #expect(try await services.users.session(token: tablet.token) == nil)
            let later = try await services.users.signIn(email: "lee@shop.test", password: "a long enough password")
            services.clock.advance(by: UserService.sessionLifetime + 1)
            #expect(try await services.users.session(token: later.token) == nil)
        }
    }

    @Test("an admin changes roles and deactivates users: their sessions end, sign-in is refused, routing skips them; others may not", arguments: TestDatabase.available)
    func deactivation(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let ws = services.workspaceID
            let (admin, adminPassword) = try await services.users.create(email: "admin@shop.test", name: "Ada", role: .admin, password: nil, as: .operator(workspaceID: ws))
            let (agent, password) = try await services.users.create(email: "ana@shop.test", name: "Ana", role: .agent, password: nil, as: .operator(workspaceID: ws))
            let (manager, _) = try await services.users.create(email: "max@shop.test", name: "Max", role: .manager, password: nil, as: .operator(workspaceID: ws))
            let signedAdmin = try await services.users.signIn(email: "admin@shop.test", password: try #require(adminPassword))
            let adminActor = try #require(try await services.users.session(token: signedAdmin.token)).actor
            let team = try await services.inboxes.createTeam(name: "Support", memberIDs: [agent.id], as: adminActor)
            let inbox = try await ConversationTests.smsInbox(services, teamID: team.id)
            let session = try await services.users.signIn(email: "ana@shop.test", password: try #require(password))

            await #expect(throws: RapportError.forbidden("A manager may not manage users.")) {
                try await services.users.setActive(false, userID: agent.id, as: .user(manager, teamIDs: []))
            }
            await #expect(throws: RapportError.conflict("You cannot deactivate yourself; another admin can.")) {
                try await services.users.setActive(false, userID: admin.id, as: adminActor)
            }
            await #expect(throws: RapportError.conflict("You cannot change your own role; another admin can.")) {
                try await services.users.changeRole(userID: admin.id, to: .agent, as: adminActor)
            }
            try await services.users.changeRole(userID: agent.id, to: .manager, as: adminActor)
            #expect(try await services.users.session(token: session.token)?.actor.role == .manager)

            try await services.users.setActive(false, userID: agent.id, as: adminActor)
            #expect(try await services.users.session(token: session.token) == nil)
            await #expect(throws: RapportError.unauthorized("This account is deactivated; an admin of the workspace can reactivate it.")) {
                _ = try await services.users.signIn(email: "ana@shop.test", password: try #require(password))
            }
            let routed = try await services.conversations.receive(ConversationTests.inbound("SM1"), inbox: inbox).stored[0]
            #expect(try await services.conversations.conversation(id: routed.conversationID, as: adminActor).assigneeID == nil)

            try await services.users.setActive(true, userID: agent.id, as: adminActor)
            _ = try await services.users.signIn(email: "ana@shop.test", password: try #require(password))
        }
    }
}
