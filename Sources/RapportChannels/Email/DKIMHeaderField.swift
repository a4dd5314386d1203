/// One header field of a message being signed: its name in lower case, and where its bytes lie
/// in the message (from the first byte of the name to the end of its last line, without the CRLF).
struct DKIMHeaderField: Sendable, Equatable {
    let name: String
    let range: Range<Int>
}
