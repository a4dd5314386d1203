import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportChannels
import RapportCore
import RapportServer
import RapportTestSupport
import Testing

/// Text a stranger controls goes into the workspace's pages escaped, even where Swift's
/// grapheme clusters would hide a quote: `"` followed by a combining mark is one `Character`,
/// which an escaper that walks characters does not recognise as a quote (found by the
/// help-Markdown fuzzer).
@Suite("Security: markup injection")
struct MarkupInjectionAttackTests {
    static let payload = "x\"\u{0610} autofocus onfocus=alert(1) y=\"\u{0610}>\u{0610}<b>bold</b>"
    /// A quote, and a bracket, with a combining mark after it, as a browser would meet them raw.
    static let rawQuote = "\"\u{0610}"
    static let rawBracket = "<\u{0610}"
    static let escapedQuote = "&quot;\u{0610} autofocus"

    @Test("a link to the customer list carries a quote with a combining mark out of the search field", arguments: TestDatabase.available)
    func reflectedQuote(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await WebWorkspaceTests.user(api, .agent)
            let agent = try await WebWorkspaceTests.signIn(api, "agent@shop.test")
            let query = try #require(Self.payload.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz")))
            let page = try await WebWorkspaceTests.get(api, "/customers?q=\(query)", cookie: agent.cookie)
            #expect(page.status == .ok)
            #expect(!page.text.contains(Self.rawQuote), "the quote ends the attribute")
            #expect(!page.text.contains("<b>bold</b>"))
            #expect(page.text.contains(Self.escapedQuote))
        }
    }

    @Test("a help article's link target or text carries a quote or bracket with a combining mark into the public page", arguments: TestDatabase.available)
    func helpArticle(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await api.services.bot.saveArticle(
                id: nil, slug: "marks", title: "Marks",
                body: "# Marks\n\n[see](https://shop.example/\"\u{0610}onclick=alert(1)) and <\u{0610}b> \"\u{0610} autofocus",
                as: .operator(workspaceID: api.workspaceID))
            let page = try await api.client.execute(uri: "/help/\(api.workspaceID)/marks", method: .get)
            #expect(page.status == .ok)
            #expect(!page.text.contains(Self.rawQuote), "no raw quote with a mark")
            #expect(!page.text.contains(Self.rawBracket))
        }
    }

    @Test("a name read out on the phone carries a bracket with a combining mark into the call's TwiML")
    func twiml() {
        var twiml = TwiML(voice: "alice")
        twiml.say("Hello \(Self.rawBracket)/Say><Redirect>https://evil.example</Redirect> \(Self.rawQuote)")
        #expect(!twiml.document.contains(Self.rawBracket))
        #expect(!twiml.document.contains(Self.rawQuote))
        #expect(!twiml.document.contains("<Redirect>"))
    }

    @Test("an inbox form's list filters carry CRLF (one Swift character) into the redirect", arguments: TestDatabase.available)
    func redirectQuery(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            _ = try await WebWorkspaceTests.user(api, .manager)
            let manager = try await WebWorkspaceTests.signIn(api, "manager@shop.test")
            let conversation = try await WebWorkspaceTests.conversation(api, teamID: nil)
            let answer = try await WebWorkspaceTests.post(
                api, "/inbox/\(conversation.id)/actions",
                [("_csrf", manager.csrf), ("action", "resolve"), ("query", "?status=open\r\nSet-Cookie: rapport_session=stolen")], cookie: manager.cookie)
            #expect(answer.status == .seeOther)
            #expect(answer.headers[.location] == "/inbox/\(conversation.id)")
            #expect(answer.headers[.setCookie] == nil)
        }
    }
}
