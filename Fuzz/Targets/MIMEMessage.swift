@testable import RapportChannels

/// A raw e-mail as SMTP or a provider's `body-mime` delivers it: the MIME tree, every part's
/// decoded body, and the message Rapport files. Whatever of it a reply copies into a header
/// (subject, sender, thread ids) must stay one header.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIMEMessage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let root = MIMEParser.parse(bytes)
    var pending = [root]
    while let part = pending.popLast() {
        _ = part.decodedBody
        _ = part.disposition
        pending += part.parts
    }
    guard let message = InboundEmail.message(from: root, raw: bytes) else { return 0 }
    let sender = EmailAddress(name: message.fromName, address: message.from).headerValue
    for line in [HeaderText.line("Subject", message.subject ?? ""), HeaderText.line("From", sender)] {
        FuzzInput.expect(HeaderLineCheck.isSingleHeader(line), "a parsed header written back stays one header: \(line.debugDescription)")
    }
    for id in message.references + [message.providerMessageID] where HeaderText.isSafeMessageID(id) {
        FuzzInput.expect(HeaderLineCheck.isSingleHeader(HeaderText.line("References", "<\(id)>")), "a thread id stays in its header")
    }
    return 0
}
