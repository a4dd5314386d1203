import RapportCore

/// What importing a file of identities into a list did, row by row: `added`,
/// `already_member`, `not_found` and `invalid`, with the first lines not found and the first
/// invalid ones (and why), to find them in the file.
struct SegmentImportResponse: Encodable {
    /// A row that could not be read.
    struct Rejection: Encodable {
        let line: Int
        let reason: String
    }

    let object = "segment_import"
    let added: Int
    let alreadyMember: Int
    let notFound: Int
    let invalid: Int
    let notFoundLines: [Int]
    let invalidLines: [Rejection]

    init(_ outcome: SegmentListImportOutcome) {
        added = outcome.added
        alreadyMember = outcome.alreadyMember
        notFound = outcome.notFound
        invalid = outcome.invalid
        notFoundLines = outcome.notFoundLines
        invalidLines = outcome.invalidLines.map { Rejection(line: $0.line, reason: $0.reason) }
    }
}
