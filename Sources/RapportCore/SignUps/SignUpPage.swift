import Foundation

/// What the confirmation page shows: what the person is asked to confirm, in which language,
/// and whether it is done already.
public struct SignUpPage: Sendable {
    public var address: String
    public var purposes: [ConsentPurpose]
    public var locale: String?
    public var confirmed: Bool
    public var text: String?
}
