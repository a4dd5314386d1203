import RapportCore
import Testing

@Suite("Message templates, without a database")
struct MessageTemplateTests {
    @Test("placeholders are filled, spaces inside braces allowed; unknown ones become empty text")
    func rendering() {
        let values = ["customer.first_name": "Ada", "order.number": "#1001"]
        #expect(MessageTemplate.render("Hi {{customer.first_name}}, order {{ order.number }}.", values: values) == "Hi Ada, order #1001.")
        #expect(MessageTemplate.render("Hi {{customer.last_name}}!", values: values) == "Hi !")
    }

    @Test("an unclosed placeholder stays as written, and a value is never read as a template")
    func unclosedAndLiteral() {
        #expect(MessageTemplate.render("Hi {{customer.first_name", values: ["customer.first_name": "Ada"]) == "Hi {{customer.first_name")
        #expect(MessageTemplate.render("{{a}}", values: ["a": "{{b}}", "b": "no"]) == "{{b}}")
    }

    @Test("a fallback stands in for a missing or empty value, quoted or not; a present value wins")
    func fallbacks() {
        let values = ["customer.first_name": "Ada", "customer.last_name": ""]
        #expect(MessageTemplate.render(#"Hi {{customer.first_name | default: "there"}}"#, values: values) == "Hi Ada")
        #expect(MessageTemplate.render(#"Hi {{customer.last_name | default: "there"}}!"#, values: values) == "Hi there!")
        #expect(MessageTemplate.render("Hi {{customer.nickname|default: 'friend'}}", values: values) == "Hi friend")
        #expect(MessageTemplate.render("Hi {{ customer.nickname | pal }}", values: values) == "Hi pal")
        #expect(MessageTemplate.render(#"{{x | default: "a | b"}}"#, values: [:]) == "a | b")
    }
}
