/// Why a key could not be used, or why a message was not signed. Each says what to fix.
public enum DKIMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is no private key Rapport can sign with.
    case unreadableKey(String)
    /// An RSA key that reads, but of fewer than 2048 bits (RFC 8301 §3.2 still accepts 1024,
    /// which can be broken; Rapport never signs with one).
    case keyTooSmall(bits: Int)
    /// A domain, selector or header name that would not stay one value of one tag.
    case invalidTagValue(tag: String, value: String)
    /// A CR or LF that is not part of a CRLF inside the header block (1-based line number). Some
    /// readers end a line there and others do not, so what was signed could differ from what a
    /// receiver shows: it is refused, never repaired.
    case bareLineBreakInHeader(line: Int)
    /// A header line that is neither `name: value` nor the continuation of one (1-based line number).
    case malformedHeader(line: Int)
    /// A CR or LF outside a CRLF in the body, when only the signature field was asked for: it
    /// would sign the body with CRLF line ends, which the message as given does not have.
    case bareLineBreakInBody
    /// RFC 6376 §5.4: a signature must cover From, and the message has none.
    case missingFrom
    /// The cryptographic library refused to sign.
    case signingFailed(String)

    /// What went wrong and what to do about it, for logs and the settings page.
    public var description: String {
        switch self {
        case .unreadableKey(let reason): "The DKIM key cannot be used: \(reason)"
        case .keyTooSmall(let bits): "The DKIM key has \(bits) bits; Rapport signs only with RSA keys of 2048 bits or more: make a new key"
        case .invalidTagValue(let tag, let value):
            "The DKIM \(tag) \(value.debugDescription.prefix(80)) is not valid: use letters, digits, hyphens and dots (header names: visible ASCII without a colon)"
        case .bareLineBreakInHeader(let line): "Header line \(line) has a CR or LF that is not part of a CRLF; compose headers with CRLF line ends only"
        case .malformedHeader(let line): "Header line \(line) is neither \"Name: value\" nor a folded continuation"
        case .bareLineBreakInBody: "The body has a CR or LF that is not part of a CRLF; send it with CRLF line ends, or sign it whole with sign(_:at:), which converts them"
        case .missingFrom: "The message has no From header, which a DKIM signature must cover"
        case .signingFailed(let reason): "The DKIM signature could not be made: \(reason)"
        }
    }
}
