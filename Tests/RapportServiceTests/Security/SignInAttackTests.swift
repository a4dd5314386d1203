import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Attacks on signing in: guessing in parallel, locking an owner out, spraying from one
/// address, stalling the server with bcrypt, shadowing an account from another workspace.
@Suite("Security: sign-in")
struct SignInAttackTests {
    static let password = "correct horse battery"

    static func owner(_ services: Services, email: String = "owner@shop.test") async throws -> User {
        try await services.users.create(
            email: email, name: "Owner", role: .agent, password: password, as: .operator(workspaceID: services.workspaceID)).user
    }

    @Test("guesses sent in parallel each count towards the lock", arguments: TestDatabase.available)
    func parallelGuesses(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            _ = try await Self.owner(services)
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<UserService.lockoutThreshold {
                    group.addTask { _ = try? await services.users.signIn(email: "owner@shop.test", password: "guess-\(index)") }
                }
            }
            await #expect(throws: RapportError.self) {
                _ = try await services.users.signIn(email: "owner@shop.test", password: Self.password)
            }
        }
    }

    @Test("a stranger's one guess an hour never locks the owner out", arguments: TestDatabase.available)
    func slowGuesses(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            _ = try await Self.owner(services)
            for index in 0..<(UserService.lockoutThreshold * 2) {
                _ = try? await services.users.signIn(email: "owner@shop.test", password: "guess-\(index)")
                services.clock.advance(by: UserService.failureWindow + 60)
            }
            let signedIn = try await services.users.signIn(email: "owner@shop.test", password: Self.password)
            #expect(signedIn.user.email == "owner@shop.test")
        }
    }

    @Test("a stranger locks the account, but its owner's known device still signs in with the right password", arguments: TestDatabase.available)
    func knownDevicePassesTheLock(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            _ = try await Self.owner(services)
            let first = try await services.users.signIn(SignInAttempt(email: "owner@shop.test", password: Self.password, address: "203.0.113.5"))
            let device = try #require(first.deviceToken)
            for index in 0..<(UserService.lockoutThreshold + 2) {
                _ = try? await services.users.signIn(SignInAttempt(email: "owner@shop.test", password: "guess-\(index)", address: "198.51.100.\(index)"))
            }
            await #expect(throws: RapportError.self, "an unknown device waits out the lock") {
                _ = try await services.users.signIn(SignInAttempt(email: "owner@shop.test", password: Self.password, address: "198.51.100.99"))
            }
            let again = try await services.users.signIn(
                SignInAttempt(email: "owner@shop.test", password: Self.password, address: "203.0.113.5", deviceToken: device))
            #expect(again.deviceToken == nil, "a known device keeps its token")
            await #expect(throws: RapportError.self, "the device token alone is no password") {
                _ = try await services.users.signIn(SignInAttempt(email: "owner@shop.test", password: "guess", deviceToken: device))
            }
            // Signing out everywhere forgets the devices too: a lost laptop no longer passes a lock.
            try await services.users.signOutEverywhere(userID: first.user.id)
            for index in 0..<(UserService.lockoutThreshold + 2) {
                _ = try? await services.users.signIn(SignInAttempt(email: "owner@shop.test", password: "again-\(index)"))
            }
            await #expect(throws: RapportError.self) {
                _ = try await services.users.signIn(SignInAttempt(email: "owner@shop.test", password: Self.password, deviceToken: device))
            }
        }
    }

    @Test("one address spraying guesses across many accounts is told to wait, other addresses are not", arguments: TestDatabase.available)
    func sprayFromOneAddress(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            _ = try await Self.owner(services)
            let throttle = SignInThrottle()
            for index in 0..<throttle.limit {
                _ = try? await services.users.signIn(SignInAttempt(email: "user\(index)@shop.test", password: "guess", address: "192.0.2.66"))
            }
            await #expect(throws: RapportError.self) {
                _ = try await services.users.signIn(SignInAttempt(email: "owner@shop.test", password: Self.password, address: "192.0.2.66"))
            }
            let elsewhere = try await services.users.signIn(SignInAttempt(email: "owner@shop.test", password: Self.password, address: "192.0.2.67"))
            #expect(elsewhere.user.email == "owner@shop.test")
            // IPv6 clients hold a whole /64: its addresses count together.
            for index in 0..<throttle.limit {
                _ = try? await services.users.signIn(SignInAttempt(email: "user\(index)@shop.test", password: "guess", address: "2001:db8:1:2::\(index + 1)"))
            }
            await #expect(throws: RapportError.self) {
                _ = try await services.users.signIn(SignInAttempt(email: "owner@shop.test", password: Self.password, address: "2001:db8:1:2:ffff::9"))
            }
        }
    }

    @Test("a burst of password checks queues on a few threads and past the queue is refused with 429, not stalling everything")
    func boundedPasswordWork() async throws {
        let work = PasswordWork(width: 1, queueLimit: 2)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    do {
                        _ = try await work.run { Thread.sleep(forTimeInterval: 0.2); return true }
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 3, "one running and two queued: \(outcomes)")
        #expect(outcomes.filter { !$0 }.count == 3)
    }

    @Test("an admin of another workspace shadows a user by creating an account with the same address", arguments: TestDatabase.available)
    func shadowFromAnotherWorkspace(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            _ = try await Self.owner(services)
            let other = try await services.workspaces.create(name: "Other shop")
            await #expect(throws: RapportError.self) {
                _ = try await services.users.create(
                    email: "Owner@shop.test", name: "Shadow", role: .admin, password: "another long password", as: .operator(workspaceID: other.id))
            }
            let signedIn = try await services.users.signIn(email: "owner@shop.test", password: Self.password)
            #expect(signedIn.user.workspaceID == services.workspaceID)
        }
    }
}
