/// What importing a file of identities into a list did, row by row: each row counts once, in
/// one of `added`, `alreadyMember` (the customer was a member, or an earlier row named them),
/// `notFound` (no live customer has any of its identities) and `invalid` (it could not be
/// read). The first few lines of the last two are given, to find them in the file.
public struct SegmentListImportOutcome: Sendable, Equatable {
    public var added = 0
    public var alreadyMember = 0
    public var notFound = 0
    public var invalid = 0
    /// The first lines (1 is the header) whose identities name no live customer.
    public var notFoundLines: [Int] = []
    /// The first lines that could not be read, with why.
    public var invalidLines: [ImportRejection] = []

    public init() {}
}
