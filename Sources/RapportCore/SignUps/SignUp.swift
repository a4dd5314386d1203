import Foundation

/// A sign-up form's request to hear from the store (double opt-in): nothing is granted until
/// the person follows the signed link mailed to the address. Both halves are kept: when and
/// from where they signed up, and when and from where they confirmed.
public struct SignUp: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    /// The e-mail address, normalised.
    public var address: String
    /// What they signed up for, on e-mail.
    public var purposes: [ConsentPurpose]
    /// The wording the form showed, by the hash of the stored text.
    public var textHash: String?
    /// The language of the confirmation e-mail and page (`en`, `id`).
    public var locale: String?
    /// The e-mail inbox the confirmation is sent from.
    public var inboxID: String
    /// The key the sign-up came with.
    public var requestedBy: String
    public var request: SignUpEvidence
    public var expiresAt: Date
    public var status: SignUpStatus
    /// When the confirmation e-mail was handed to the mail server.
    public var sentAt: Date?
    public var confirmation: ConsentWitness?
    public var confirmedAt: Date?
    /// The customer the confirmation granted consent to.
    public var customerID: String?

    public init(
        id: String, workspaceID: String, address: String, purposes: [ConsentPurpose], textHash: String?, locale: String?, inboxID: String,
        requestedBy: String, request: SignUpEvidence, expiresAt: Date, status: SignUpStatus = .pending, sentAt: Date? = nil,
        confirmation: ConsentWitness? = nil, confirmedAt: Date? = nil, customerID: String? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.address = address
        self.purposes = purposes
        self.textHash = textHash
        self.locale = locale
        self.inboxID = inboxID
        self.requestedBy = requestedBy
        self.request = request
        self.expiresAt = expiresAt
        self.status = status
        self.sentAt = sentAt
        self.confirmation = confirmation
        self.confirmedAt = confirmedAt
        self.customerID = customerID
    }
}
