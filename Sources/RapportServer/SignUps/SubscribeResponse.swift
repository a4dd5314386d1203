import Foundation

/// What a sign-up form is told: a confirmation e-mail is on its way (or, for an address that
/// may not be mailed, nothing different), and until when its link works.
struct SubscribeResponse: Encodable {
    let expiresAt: Date
    let object = "sign_up"
    let status = "pending"
}
