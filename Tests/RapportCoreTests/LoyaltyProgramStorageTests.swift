import Foundation
@testable import RapportCore
import Testing

@Suite("Loyalty programme storage, without a database")
struct LoyaltyProgramStorageTests {
    @Test("a programme stored before rewards existed reads with none, valid the default days; one with rewards round-trips")
    func oldAndNew() throws {
        let stored = """
            {"assumed_delivery_days":7,"earn_per_currency_unit_hundredths":100,"earning_base":"total","enabled":true,"pending_days":14,
             "points_per_order":0,"started_at":"2026-12-01T00:00:00Z","tiers":[{"minimum_points":500,"name":"Silver"}],
             "updated_at":"2026-12-01T00:00:00Z","workspace_id":"wsp_1"}
            """
        let old = try JSONCoding.makeDecoder().decode(LoyaltyProgram.self, from: Data(stored.utf8))
        #expect(old.workspaceID == "wsp_1" && old.tiers == [LoyaltyTier(name: "Silver", minimum: 500)])
        #expect(old.rewards.isEmpty && old.rewardValidDays == LoyaltyProgram.defaultRewardValidDays)
        #expect(old.bonuses == LoyaltyBonuses(), "one stored before bonuses gives none")
        var program = old
        program.rewards = [LoyaltyReward(key: "ship", name: "Free shipping", points: 300, kind: .freeShipping)]
        program.rewardValidDays = 30
        program.bonuses = LoyaltyBonuses(review: 25, reviewVerifiedOnly: false, signUp: 100, birthday: 200)
        let again = try JSONCoding.makeDecoder().decode(LoyaltyProgram.self, from: try JSONCoding.makeEncoder().encode(program))
        #expect(again == program)
    }
}
