import RapportCore

/// A workspace's referral programme as the API shows it.
struct ReferralProgramResponse: Encodable {
    let object = "referral_program"
    let enabled: Bool
    let referrerPoints: Int64
    let friendPoints: Int64
    let minimumOrderAmount: Int64
    let qualifyingDays: Int
    let maximumUsesPerCode: Int
    let landingUrl: String?

    init(_ program: ReferralProgram) {
        enabled = program.enabled
        referrerPoints = program.referrerPoints
        friendPoints = program.friendPoints
        minimumOrderAmount = program.minimumOrderAmount
        qualifyingDays = program.qualifyingDays
        maximumUsesPerCode = program.maximumUsesPerCode
        landingUrl = program.landingURL
    }
}
