import Foundation
import RapportCore

/// Stands in for Twilio while the demo writes its past: accepts every reply at once (the demo
/// has no SMS account), so old conversations show their replies as sent.
struct DemoSMSProvider: ChannelSender {
    let channel = InboxChannel.sms

    func send(_ outbound: OutboundMessage) async throws -> String {
        "SMdemo\(outbound.message.id.suffix(20))"
    }
}
