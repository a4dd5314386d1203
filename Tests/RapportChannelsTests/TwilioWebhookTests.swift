import RapportChannels
import RapportCore
import Testing

@Suite("Twilio webhook bodies")
struct TwilioWebhookTests {
    @Test("A negative NumMedia reads as no media instead of trapping")
    func negativeMediaCount() {
        let payload = TwilioWebhook.payload(FormBody.parse("MessageSid=SM1&From=%2B4915112345678&Body=hi&NumMedia=-1"))
        #expect(payload.messages.count == 1)
        #expect(payload.messages.first?.attachments.isEmpty == true)
    }

    @Test("A message without a SID or a sender is not a message (found by the Twilio fuzzer)")
    func emptyIdentifiers() {
        #expect(TwilioWebhook.payload(FormBody.parse("MessageSid&From=%2B4915112345678&Body=hi")).messages.isEmpty)
        #expect(TwilioWebhook.payload(FormBody.parse("MessageSid=SM1&From=&Body=hi")).messages.isEmpty)
        #expect(TwilioWebhook.payload(FormBody.parse("MessageSid=SM1&From=%2B4915112345678&Body=hi")).messages.count == 1)
    }
}
