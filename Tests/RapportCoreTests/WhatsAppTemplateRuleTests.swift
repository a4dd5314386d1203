import RapportCore
import Testing

@Suite("WhatsApp templates and a campaign's template message, without a database")
struct WhatsAppTemplateRuleTests {
    /// The account's list: an approved two-parameter template in English and Indonesian, one
    /// awaiting review, and one with a location header.
    static let account: [WhatsAppTemplate] = [
        WhatsAppTemplate(
            name: "order_update", language: "en_US", status: "APPROVED", category: "UTILITY", body: "Hi {{1}}, order #{{2}} is on its way."),
        WhatsAppTemplate(
            name: "order_update", language: "id", status: "APPROVED", category: "UTILITY", body: "Halo {{1}}, pesanan #{{2}} sedang dikirim."),
        WhatsAppTemplate(name: "autumn_sale", language: "en_US", status: "PENDING", category: "MARKETING", body: "New mugs, {{1}}!"),
        WhatsAppTemplate(
            name: "order_delivery_update", language: "en_US", status: "APPROVED", category: "UTILITY", body: "Good news {{1}}! Order #{{2}}.",
            headerFormat: "LOCATION"),
    ]

    static func message(_ name: String, _ language: String, _ parameters: [String]) -> TemplateMessage {
        TemplateMessage(name: name, language: language, parameters: parameters)
    }

    @Test("an approved template in the language asked, given as many parameters as its body has, has no problem")
    func fine() {
        #expect(WhatsAppTemplate.problem(with: Self.message("order_update", "en_US", ["{{customer.first_name}}", "1001"]), among: Self.account) == nil)
        #expect(WhatsAppTemplate.problem(with: Self.message("order_update", "id", ["Budi", "1002"]), among: Self.account) == nil)
    }

    @Test("an unknown name is refused, naming the account's templates (or saying it has none)")
    func unknownName() throws {
        let problem = try #require(WhatsAppTemplate.problem(with: Self.message("order_updates", "en_US", ["a", "b"]), among: Self.account))
        #expect(problem.contains("no template named order_updates"))
        #expect(problem.contains("autumn_sale, order_delivery_update, order_update"))
        let none = try #require(WhatsAppTemplate.problem(with: Self.message("order_update", "en_US", ["a", "b"]), among: []))
        #expect(none.contains("has no templates at all"))
    }

    @Test("a name in another language is refused, naming the languages it exists in")
    func wrongLanguage() throws {
        let problem = try #require(WhatsAppTemplate.problem(with: Self.message("order_update", "en", ["a", "b"]), among: Self.account))
        #expect(problem == "Template order_update has no version in en: it exists in en_US, id.")
    }

    @Test("a template Meta has not approved is refused with its status")
    func notApproved() throws {
        let problem = try #require(WhatsAppTemplate.problem(with: Self.message("autumn_sale", "en_US", ["Ana"]), among: Self.account))
        #expect(problem.hasPrefix("Template autumn_sale (en_US) is pending, not approved"))
    }

    @Test("too few or too many parameters are refused, saying how many the body takes")
    func wrongParameterCount() throws {
        let few = try #require(WhatsAppTemplate.problem(with: Self.message("order_update", "en_US", ["Ana"]), among: Self.account))
        #expect(few == "Template order_update (en_US) takes 2 body parameters ({{1}}, {{2}}); 1 given.")
        let many = try #require(WhatsAppTemplate.problem(with: Self.message("order_update", "en_US", ["Ana", "1", "x"]), among: Self.account))
        #expect(many.hasSuffix("; 3 given."))
    }

    @Test("a template needing a media or location header, or a button's value, is refused: campaigns fill only the body")
    func partsCampaignsCannotFill() throws {
        let problem = try #require(WhatsAppTemplate.problem(with: Self.message("order_delivery_update", "en_US", ["Ana", "1"]), among: Self.account))
        #expect(problem.contains("needs a location header"))
        let coupon = WhatsAppTemplate(
            name: "coupon", language: "en", status: "APPROVED", category: "MARKETING", body: "Your code", header: "Hi {{1}}",
            variableButtons: ["Copy code"])
        #expect(coupon.partsCampaignsCannotFill == ["a variable in its header", "the value of its button “Copy code”"])
        let plainHeader = WhatsAppTemplate(name: "plain", language: "en", status: "APPROVED", category: "UTILITY", body: "Hi", headerFormat: "TEXT", header: "News")
        #expect(plainHeader.partsCampaignsCannotFill.isEmpty)
    }

    @Test("parameters are the body's distinct placeholders in order: numbered, or named when the format says so")
    func placeholders() {
        let positional = WhatsAppTemplate(name: "a", language: "en", status: "approved", category: "utility", body: "{{2}} then {{1}}, {{2}} again, {{name}}")
        #expect(positional.parameters == ["2", "1"] && positional.parameterCount == 2 && !positional.namedParameters)
        #expect(positional.status == "APPROVED" && positional.category == "UTILITY", "Meta's words are compared in upper case")
        let named = WhatsAppTemplate(
            name: "reservation_confirmation", language: "en_US", status: "APPROVED", category: "UTILITY",
            body: "Your reservation for {{number_of_guests}} on {{day}}, {{date}}, at {{time}}, is confirmed.", parameterFormat: "named")
        #expect(named.namedParameters && named.parameters == ["number_of_guests", "day", "date", "time"])
        #expect(
            WhatsAppTemplate.problem(with: Self.message("reservation_confirmation", "en_US", ["2", "Mon", "1 Dec", "7pm"]), among: [named])?
                .contains("named parameters") == true, "campaigns send parameters by position")
        let unsaid = WhatsAppTemplate(name: "b", language: "en", status: "APPROVED", category: "UTILITY", body: "Hi {{first_name}}")
        #expect(unsaid.namedParameters && unsaid.parameterCount == 1, "without a format, a body of named placeholders only is named")
        #expect(WhatsAppTemplate.placeholders(in: "{{1}} {{ 3 }} {{Name}} {{x-y}} {{", named: false) == ["1", "3"])
        #expect(WhatsAppTemplate.placeholders(in: "{{first_name}} {{Name}} {{1a}} {{a1_b}}", named: true) == ["first_name", "a1_b"])
        let none = WhatsAppTemplate(name: "c", language: "en", status: "APPROVED", category: "UTILITY", body: "Thanks!")
        #expect(WhatsAppTemplate.problem(with: Self.message("c", "en", []), among: [none]) == nil)
        #expect(WhatsAppTemplate.problem(with: Self.message("c", "en", ["x"]), among: [none]) == "Template c (en) takes no body parameters; 1 given.")
    }
}
