import Foundation

/// The first half of a double opt-in, kept with the consent it led to: when the person signed
/// up, and the address and browser the sign-up came from (German practice keeps both the
/// sign-up and the confirmation).
public struct SignUpEvidence: Sendable, Equatable {
    public var signedUpAt: Date
    public var ipAddress: String?
    public var userAgent: String?

    public init(signedUpAt: Date, ipAddress: String? = nil, userAgent: String? = nil) {
        self.signedUpAt = signedUpAt
        self.ipAddress = ipAddress
        self.userAgent = userAgent
    }
}
