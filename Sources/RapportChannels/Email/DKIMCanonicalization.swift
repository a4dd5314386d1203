/// The "relaxed" canonicalizations of RFC 6376 (§3.4.2 for header fields, §3.4.4 for the body),
/// on bytes: what is hashed is exactly what these return, so a verifier that canonicalizes the
/// received message the same way gets the same hash although a relay refolded a header or
/// changed runs of white space.
enum DKIMCanonicalization {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let carriageReturn: UInt8 = 0x0D
    static let lineFeed: UInt8 = 0x0A
    static let colon: UInt8 = 0x3A
    static let lineEnd: [UInt8] = [carriageReturn, lineFeed]

    /// Appends one header field (from its name to the end of its last line, without the final
    /// CRLF) in relaxed form, without a CRLF: the name in lower case without the white space
    /// before the colon, then the value unfolded, each run of SP and HTAB made one SP, and the
    /// white space at both ends removed.
    static func appendRelaxedHeader(_ field: ArraySlice<UInt8>, to output: inout [UInt8]) {
        let colonIndex = field.firstIndex(of: colon) ?? field.endIndex
        var nameEnd = colonIndex
        while nameEnd > field.startIndex, isWhiteSpace(field[nameEnd - 1]) { nameEnd -= 1 }
        for byte in field[field.startIndex..<nameEnd] {
            output.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        output.append(colon)
        guard colonIndex < field.endIndex else { return }
        var pendingSpace = false
        var wroteValue = false
        for byte in field[(colonIndex + 1)...] {
            switch byte {
            case carriageReturn, lineFeed:
                // Unfolding: the CRLF of a fold goes, the white space after it stays (and joins the run).
                continue
            case space, tab:
                pendingSpace = wroteValue
            default:
                if pendingSpace {
                    output.append(space)
                    pendingSpace = false
                }
                output.append(byte)
                wroteValue = true
            }
        }
    }

    /// One header field in relaxed form, without a CRLF.
    static func relaxedHeader(_ field: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(field.count)
        appendRelaxedHeader(field, to: &output)
        return output
    }

    /// The body in relaxed form: white space at the end of each line dropped, each other run of SP
    /// and HTAB made one SP, the empty lines at the end dropped, and a CRLF after a last line
    /// that has none. An empty body (or one of empty lines only) stays empty: §3.4.4 adds the
    /// CRLF only to a non-empty body; it is "simple" (§3.4.3) that makes an empty body one CRLF.
    ///
    /// `body` must have CRLF line ends only (`DKIMMessage` makes sure of it). A last line
    /// without CRLF loses its trailing white space too, as it will once SMTP's end of data adds
    /// the CRLF that a receiver then sees.
    ///
    /// The relaxed body is handed to `consume` in pieces of about `pieceSize` bytes, in order, and
    /// never held whole: the signer hashes it as it comes, so a large message is not copied.
    static func relaxedBody(_ body: ArraySlice<UInt8>, pieceSize: Int = 16_384, _ consume: (UnsafeRawBufferPointer) -> Void) {
        var piece: [UInt8] = []
        piece.reserveCapacity(pieceSize + 2)
        func handOver() {
            piece.withUnsafeBytes { consume($0) }
            piece.removeAll(keepingCapacity: true)
        }
        body.withUnsafeBufferPointer { input in
            var pendingSpace = false
            var lineHasText = false
            var heldEmptyLines = 0
            for byte in input {
                switch byte {
                case space, tab:
                    pendingSpace = true
                case carriageReturn:
                    continue
                case lineFeed:
                    if lineHasText {
                        piece.append(carriageReturn)
                        piece.append(lineFeed)
                        if piece.count >= pieceSize { handOver() }
                    } else {
                        // Written only if text follows: empty lines at the end are ignored.
                        heldEmptyLines += 1
                    }
                    pendingSpace = false
                    lineHasText = false
                default:
                    if !lineHasText {
                        for _ in 0..<heldEmptyLines {
                            piece.append(carriageReturn)
                            piece.append(lineFeed)
                            if piece.count >= pieceSize { handOver() }
                        }
                        heldEmptyLines = 0
                    }
                    if pendingSpace {
                        piece.append(space)
                        pendingSpace = false
                    }
                    piece.append(byte)
                    lineHasText = true
                    if piece.count >= pieceSize { handOver() }
                }
            }
            if lineHasText {
                piece.append(carriageReturn)
                piece.append(lineFeed)
            }
        }
        if !piece.isEmpty { handOver() }
    }

    /// The whole relaxed body at once, for tests and checks.
    static func relaxedBody(_ body: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        relaxedBody(body) { output.append(contentsOf: $0) }
        return output
    }

    static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }
}
