/// Where a sign-in comes from: the client's address (for the per-address throttle) and the
/// device token a browser keeps from an earlier sign-in of the same user (a known device
/// passes the account's lock, so a stranger's guesses cannot lock its owner out).
public struct SignInAttempt: Sendable, Equatable {
    public var email: String
    public var password: String
    public var address: String?
    public var deviceToken: String?

    public init(email: String, password: String, address: String? = nil, deviceToken: String? = nil) {
        self.email = email
        self.password = password
        self.address = address
        self.deviceToken = deviceToken
    }
}
