import RapportChannels
import RapportCore

/// Meta's webhooks: WhatsApp Cloud API changes and Messenger/Instagram messaging entries,
/// read from JSON into messages and delivery updates.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMetaPayload(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let root = try? JSONParser.parse(FuzzInput.bytes(data, size)) else { return 0 }
    for payload in [WhatsAppWebhook.payload(root), MetaMessagingWebhook.payload(root)] {
        for message in payload.messages {
            FuzzInput.expect(!message.providerMessageID.isEmpty, "a Meta message has its id")
        }
    }
    return 0
}
