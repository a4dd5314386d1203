import RapportCore

/// A customer's referral code, link and counts as the API shows them.
struct ReferralAccountResponse: Encodable {
    let object = "referral_account"
    let customerId: String
    let code: String
    let link: String?
    let referred: Int
    let rewarded: Int

    init(_ account: ReferralAccount) {
        customerId = account.customerID
        code = account.code
        link = account.link
        referred = account.referred
        rewarded = account.rewarded
    }
}
