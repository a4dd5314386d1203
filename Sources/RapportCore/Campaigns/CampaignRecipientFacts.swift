import Foundation

/// What the audience resolution knows of one member of a campaign's segments: whether an
/// excluded segment holds them, the address on the campaign's channel, their latest consent
/// for marketing on it, their pause and chosen frequency, and when marketing last reached them.
public struct CampaignRecipientFacts: Sendable, Equatable {
    public var customerID: String
    /// A member of one of the campaign's exclusion segments.
    public var excluded: Bool
    /// The customer's address on the channel (their first e-mail identity); nil without one.
    public var address: String?
    /// The latest change to marketing consent on the channel; nil when they never answered.
    public var marketingConsent: ConsentEntry?
    public var preferences: ContactPreferences?
    /// When campaign messages went to them within the longest cap window.
    public var recentSends: [Date]
    /// Their consent to analytics on the channel or on the shop's site (a refusal wins when
    /// they differ): refused, their messages are not tracked (no open pixel, no click redirect).
    public var analyticsConsent: ConsentEntry?
    /// The profile's IANA time zone, as saved (it may name no real zone).
    public var timeZone: String?
    /// Their first phone number (E.164), whose calling code says where they are when the
    /// profile does not.
    public var phone: String?

    public init(
        customerID: String, excluded: Bool, address: String?, marketingConsent: ConsentEntry?, preferences: ContactPreferences?,
        recentSends: [Date], analyticsConsent: ConsentEntry? = nil, timeZone: String? = nil, phone: String? = nil
    ) {
        self.customerID = customerID
        self.excluded = excluded
        self.address = address
        self.marketingConsent = marketingConsent
        self.preferences = preferences
        self.recentSends = recentSends
        self.analyticsConsent = analyticsConsent
        self.timeZone = timeZone
        self.phone = phone
    }

    /// The zones their clock may run in (`RecipientTimeZone.resolve`), the store's default
    /// when nothing about them says. Without a phone number, an address of digits alone (a
    /// WhatsApp id is the number without its `+`) stands for one.
    public func recipientTimeZone(storeDefault: TimeZone) -> RecipientTimeZone {
        let number = phone ?? address.flatMap { address in
            !address.isEmpty && address.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ? "+" + address : nil
        }
        return RecipientTimeZone.resolve(profileTimeZone: timeZone, phone: number, storeDefault: storeDefault)
    }

    /// Whether their messages may be measured: unless they withdrew or denied analytics.
    public var allowsTracking: Bool {
        guard let status = analyticsConsent?.status else { return true }
        return status == .granted
    }
}
