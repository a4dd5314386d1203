import RapportChannels

/// What SendGrid's Inbound Parse and Mailgun's routes post: the first line is the request's
/// Content-Type (so the fuzzer reaches multipart boundaries and urlencoded bodies alike), the
/// rest is the body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEmailForm(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    let newline = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
    let contentType = String(decoding: bytes[..<newline], as: UTF8.self)
    let body = Array(bytes[min(newline + 1, bytes.endIndex)...])
    guard let form = InboundEmailForm.read(body: body, contentType: contentType) else { return 0 }
    for field in form.fields { _ = field.text }
    _ = form.sendGridMessage()
    _ = form.mailgunMessage()
    return 0
}
