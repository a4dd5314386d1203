import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// A survey speaks the customer's language (their profile's locale): the question and its
/// scale, the thanks, and the answer page.
@Suite("Surveys in the customer's language")
struct SurveyLanguageTests {
    @Test("an Indonesian customer's CSAT by SMS asks, thanks and shows its page in Indonesian, also when a late answer is refused", arguments: TestDatabase.available)
    func indonesianBySMS(database: TestDatabase) async throws {
        let twilio = try await FakeProvider.start()
        defer { twilio.stop() }
        twilio.script("/Messages.json", status: .created, body: #"{"sid":"SMout{{seq}}","status":"queued"}"#)
        try await APIHarness.run(on: database) { api in
            #expect(try await api.send(.put, "/api/v1/surveys/settings", json: #"{"csat_after_conversations":true}"#).status == .ok)
            let (_, path, form, conversationID, customerID) = try await SurveyChannelTests.smsConversation(api, twilio: twilio)
            #expect(try await api.send(.patch, "/api/v1/customers/\(customerID)", json: #"{"locale": "id-ID"}"#).status == .ok)
            #expect(try await api.send(.post, "/api/v1/conversations/\(conversationID)/resolve").status == .ok)
            try await api.runJobs()

            let question = try #require(twilio.requests.last { $0.body.contains("puas") })
            let body = try #require(Dictionary(FormBody.parse(question.body), uniquingKeysWith: { first, _ in first })["Body"])
            #expect(body.contains("Seberapa puas Anda dengan bantuan yang Anda terima dari"), "\(body)")
            #expect(body.contains("Balas dengan angka dari 1 (sangat tidak puas) sampai 5 (sangat puas)"), "\(body)")
            let survey = try #require(try await SurveyChannelTests.surveys(api, customerID: customerID).first)
            #expect((survey["question"] as? String)?.hasPrefix("Seberapa puas") == true && survey["language"] as? String == "id")

            let answer = form.replacingOccurrences(of: "Body=Where+is+my+order+%231001%3F", with: "Body=5")
                .replacingOccurrences(of: "SM1234567890abcdef1234567890abcdef", with: "SManswer0000000000000000000000001")
            let answered = try await MetaAndTwilioChannelTests.postTwilio(api, path: path, form: answer, token: "twilio-token")
            #expect(answered.status == .ok && answered.text.contains("Terima kasih atas jawaban Anda."), "\(answered.text)")

            let link = try #require(body.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix(APIHarness.publicURL + "/survey/") })
            let page = try await api.client.execute(uri: String(link.dropFirst(APIHarness.publicURL.count)), method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"id\">") && page.text.contains("Terima kasih atas jawaban Anda: 5."), "\(page.text)")
            #expect(page.text.contains("Saya tidak ingin menerima survei lagi") && !page.text.contains("No more surveys"))
            #expect(page.text.contains("<title>Pertanyaan dari") && !page.text.contains("A question from"))

            // Past its 30 days, an answer posted from a tab left open is told on the page, in Indonesian.
            api.clock.advance(by: 31 * 86_400)
            let late = try await api.client.execute(
                uri: String(link.dropFirst(APIHarness.publicURL.count)), method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "score=3"))
            #expect(late.status == .conflict && late.text.contains("Terima kasih atas jawaban Anda: 5."), "answered already: the page shows the answer")
        }
    }

    @Test("the language comes from the profile's locale; the web chat card carries its words, label and language, and a card stored before languages reads as English")
    func localeAndCard() {
        #expect(["id", "id-ID", "ID", "ind", "in"].allSatisfy { BotLanguage.of(locale: $0) == .indonesian })
        #expect(["en-GB", "en-ID", "", "de"].allSatisfy { BotLanguage.of(locale: $0) == .english } && BotLanguage.of(locale: nil) == .english)
        let card = SurveyCard(surveyID: "srv_1", kind: .nps, language: .indonesian)
        #expect(card.lowestMeans == "sama sekali tidak mungkin" && card.label == "Jawaban Anda, dari 0 (sama sekali tidak mungkin) sampai 10 (sangat mungkin)")
        #expect(SurveyCard(content: card.content) == card)
        let stored = JSONValue.object(["survey": .object(["id": .string("srv_1"), "kind": .string("nps")])])
        #expect(SurveyCard(content: stored)?.highestMeans == "extremely likely" && SurveyCard(content: stored)?.language == .english)
        #expect(SurveyReply("9 dari 10 pelayanannya cepat", kind: .nps)?.score == 9)
        #expect(SurveyReply("9 dari 10 pelayanannya cepat", kind: .nps)?.comment == "pelayanannya cepat")
    }
}
