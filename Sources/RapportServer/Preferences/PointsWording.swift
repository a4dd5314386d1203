/// The words of a customer's points on their preference centre, in English and Indonesian
/// (the language the page chose). `%@` takes a number, a name or a day, in order.
struct PointsWording: Sendable {
    let heading: String
    let usable: String
    let pending: String
    let belowZero: String
    let tier: String
    let nextTier: String
    /// The next tier when the tiers count spend: the amount still to spend, the tier.
    let nextTierSpend: String
    let expiring: String
    let expiringWithin: String
    let historyHeading: String
    let pendingMark: String
    let rewardsHeading: String
    let take: String
    let short: String
    let codesHeading: String
    let validUntil: String
    let used: String
    let expired: String
    let taken: String
    let notEnough: String
    let unknownReward: String

    static let english = PointsWording(
        heading: "Your points", usable: "%@ points to spend", pending: "%@ more once your latest orders are past their return window",
        belowZero: "Points were taken back for a return after you had spent them: new points make up for it first.",
        tier: "Your level: %@", nextTier: "%@ points to %@", nextTierSpend: "%@ more in orders to %@", expiring: "%@ points expire on %@ unless you spend them",
        expiringWithin: "%@ points expire within %@ days unless you spend them", historyHeading: "Latest points", pendingMark: "pending",
        rewardsHeading: "Spend your points", take: "Take it for %@ points", short: "%@ points: you need %@ more",
        codesHeading: "Your codes", validUntil: "valid until %@", used: "used", expired: "expired",
        taken: "Your code: %@. Use it at checkout by %@.", notEnough: "That reward takes more points than you have to spend.",
        unknownReward: "That reward is no longer offered.")

    static let indonesian = PointsWording(
        heading: "Poin Anda", usable: "%@ poin yang bisa ditukar", pending: "%@ poin lagi setelah masa pengembalian pesanan terakhir Anda lewat",
        belowZero: "Poin ditarik kembali karena pengembalian setelah Anda membelanjakannya: poin baru menutupinya lebih dulu.",
        tier: "Level Anda: %@", nextTier: "%@ poin lagi menuju %@", nextTierSpend: "Belanja %@ lagi menuju %@", expiring: "%@ poin kedaluwarsa pada %@ kecuali Anda membelanjakannya",
        expiringWithin: "%@ poin kedaluwarsa dalam %@ hari kecuali Anda membelanjakannya", historyHeading: "Riwayat poin", pendingMark: "tertunda",
        rewardsHeading: "Tukar poin Anda", take: "Tukar dengan %@ poin", short: "%@ poin: Anda butuh %@ lagi",
        codesHeading: "Kode Anda", validUntil: "berlaku sampai %@", used: "sudah dipakai", expired: "kedaluwarsa",
        taken: "Kode Anda: %@. Pakai saat checkout paling lambat %@.", notEnough: "Hadiah itu butuh lebih banyak poin daripada yang bisa Anda tukar.",
        unknownReward: "Hadiah itu tidak lagi ditawarkan.")

    /// The points words in the page's language.
    static func of(_ page: PreferenceWording) -> PointsWording {
        page.lang == PreferenceWording.indonesian.lang ? indonesian : english
    }

    /// `template` with each `%@` replaced by the next of `values`.
    static func fill(_ template: String, _ values: String...) -> String {
        var text = template
        for value in values {
            guard let slot = text.range(of: "%@") else { break }
            text.replaceSubrange(slot, with: value)
        }
        return text
    }
}
