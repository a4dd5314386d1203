/// When usable points expire: never; a number of days after they became usable; or at the end
/// of the calendar year (UTC) they became usable in, or of the year after it. Points expire
/// oldest first: points spent, returned or expired before are taken from the oldest.
public enum LoyaltyExpiryRule: String, Sendable, Codable, CaseIterable {
    case never
    case afterDays = "after_days"
    case endOfYear = "end_of_year"
    case endOfNextYear = "end_of_next_year"
}
