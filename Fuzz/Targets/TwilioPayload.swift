import RapportChannels

/// Twilio's SMS, WhatsApp and status callbacks: a form body read into messages and
/// delivery updates.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTwilioPayload(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let payload = TwilioWebhook.payload(FormBody.parse(FuzzInput.text(data, size)))
    for message in payload.messages {
        FuzzInput.expect(!message.providerMessageID.isEmpty, "a Twilio message has its SID")
    }
    return 0
}
