import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Insights refresh")
struct InsightsRefreshTests {
    @Test("refresh now is for managers, and a workspace runs one at a time: callers during a run join it", arguments: TestDatabase.available)
    func oneAtATime(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let refresh = InsightsRefreshService(lifetime: services.lifetime, rfm: services.rfm, recommendations: services.recommendations)
            let marketer = Actor(workspaceID: services.workspaceID, role: .marketer, userID: "usr_m", teamIDs: [], label: "user:usr_m")
            await #expect(throws: RapportError.self) { try await refresh.refresh(as: marketer) }
            let manager = Actor(workspaceID: services.workspaceID, role: .manager, userID: "usr_g", teamIDs: [], label: "user:usr_g")
            let started = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<8 { group.addTask { try await refresh.refresh(as: manager) } }
                return try await group.reduce(into: 0) { count, ran in if ran { count += 1 } }
            }
            #expect(started >= 1 && started < 8, "eight at once ran \(started) refreshes")
        }
    }
}
