import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Idempotency keys")
struct IdempotencyTests {
    static func actor(_ label: String, _ workspaceID: String, role: UserRole = .admin) -> Actor {
        Actor(workspaceID: workspaceID, role: role, userID: nil, teamIDs: [], label: label)
    }

    @Test("a claim whose request died with its process is taken over after a minute, not stuck at 409 forever", arguments: TestDatabase.available)
    func stuckClaim(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let service = IdempotencyService(store: store, clock: services.clock)
            let admin = Self.actor("api_key:key_1", services.workspaceID)
            guard case .proceed(let dead) = try await service.begin(key: "k1", fingerprint: "f", as: admin) else { Issue.record("no claim"); return }
            // The process is killed here: neither complete nor release runs.
            await #expect(throws: RapportError.self) { _ = try await service.begin(key: "k1", fingerprint: "f", as: admin) }
            services.clock.advance(by: IdempotencyService.claimLifetime + 1)
            await #expect(throws: RapportError.self, "another request under the key takes nothing over") {
                _ = try await service.begin(key: "k1", fingerprint: "other body", as: admin)
            }
            guard case .proceed(let retry) = try await service.begin(key: "k1", fingerprint: "f", as: admin) else { Issue.record("no takeover"); return }
            // The first request finishing late records nothing and frees nothing.
            try await service.complete(key: "k1", token: dead, status: 500, location: nil, body: "late", as: admin)
            try await service.release(key: "k1", token: dead, as: admin)
            try await service.complete(key: "k1", token: retry, status: 201, location: "/x", body: "{}", as: admin)
            #expect(try await service.begin(key: "k1", fingerprint: "f", as: admin) == .replay(status: 201, location: "/x", body: "{}"))
        }
    }

    @Test("keys belong to whoever sent them: another actor with the same key and body gets no stored answer", arguments: TestDatabase.available)
    func scopedToActor(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let service = IdempotencyService(store: store, clock: services.clock)
            let admin = Self.actor("user:usr_admin", services.workspaceID)
            let agent = Self.actor("user:usr_agent", services.workspaceID, role: .agent)
            guard case .proceed(let token) = try await service.begin(key: "same", fingerprint: "f", as: admin) else { Issue.record("no claim"); return }
            try await service.complete(key: "same", token: token, status: 201, location: nil, body: #"{"secret":"admin-only"}"#, as: admin)
            guard case .proceed = try await service.begin(key: "same", fingerprint: "f", as: agent) else {
                Issue.record("the agent received the admin's answer"); return
            }
        }
    }

    @Test("an answer that held a secret is not kept, and a day later no answer is", arguments: TestDatabase.available)
    func secretsAndPurge(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let service = IdempotencyService(store: store, clock: services.clock)
            let admin = Self.actor("api_key:key_1", services.workspaceID)
            guard case .proceed(let hook) = try await service.begin(key: "hook", fingerprint: "f", as: admin) else { Issue.record("no claim"); return }
            try await service.complete(key: "hook", token: hook, status: 201, location: nil, body: nil, as: admin)
            await #expect(throws: RapportError.conflict(
                "A request with this Idempotency-Key was answered already; the answer held a secret shown only once, so it is not kept. Look the result up instead.")) {
                _ = try await service.begin(key: "hook", fingerprint: "f", as: admin)
            }
            guard case .proceed(let other) = try await service.begin(key: "other", fingerprint: "g", as: admin) else { Issue.record("no claim"); return }
            try await service.complete(key: "other", token: other, status: 200, location: nil, body: "{}", as: admin)
            services.clock.advance(by: IdempotencyService.retention + 1)
            #expect(try await service.purgeExpired() == 2)
            guard case .proceed = try await service.begin(key: "other", fingerprint: "h", as: admin) else { Issue.record("not purged"); return }
        }
    }
}
