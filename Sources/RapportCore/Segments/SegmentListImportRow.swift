/// One row of a list's import file: the identities it names, in the order they are matched
/// (the Rapport customer id first, then e-mail, phone, WhatsApp and external id).
struct SegmentListImportRow: Sendable, Equatable {
    /// The line of the file the row starts on (1 is the header).
    var line: Int
    var customerID: String?
    var keys: [IdentityKey]
}
