import RapportChannels

/// `application/x-www-form-urlencoded` bodies (Twilio's webhooks, the workspace's forms):
/// fields encoded again read back as the same fields, in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormFields(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let fields = FormBody.parse(FuzzInput.text(data, size))
    let again = FormBody.parse(FormBody.encode(fields))
    FuzzInput.expect(again.map(\.0) == fields.map(\.0) && again.map(\.1) == fields.map(\.1), "encoded form fields read back the same")
    return 0
}
