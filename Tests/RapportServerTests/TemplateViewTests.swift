@testable import RapportServer
import Testing

@Suite("Templates read typed views")
struct TemplateViewTests {
    struct Sample: TemplateView {
        struct Row: TemplateView {
            let name: String
        }

        let channelName: String
        let customerID: String
        let whenISO: String
        let note: String?
        let rows: [Row]
        let selected: Bool
    }

    @Test("each property is under its snake_case key, acronyms included; a nil property is absent; nested views are values too")
    func values() throws {
        let view = Sample(channelName: "SMS", customerID: "cus_1", whenISO: "2026-12-03", note: nil, rows: [.init(name: "a")], selected: false)
        let values = try view.templateValues()
        #expect(values["channel_name"] as? String == "SMS")
        #expect(values["customer_id"] as? String == "cus_1")
        #expect(values["when_iso"] as? String == "2026-12-03")
        #expect(values.keys.contains("note") == false)
        #expect(values["selected"] as? Bool == false)
        #expect((values["rows"] as? [[String: Any]])?.first?["name"] as? String == "a")
        #expect(values.count == 5)
    }

    @Test("the frame marks its section and leaves out what a signed-out page has not")
    func frame() throws {
        let values = try PageFrame(title: "Inbox", section: "inbox", signedIn: nil).templateValues()
        #expect(values["section_inbox"] as? Bool == true)
        #expect(values["title"] as? String == "Inbox")
        #expect(values["csrf"] == nil)
        #expect(values["user"] == nil)
    }

    @Test("a page renders inside its frame: the title the page lacks comes from the frame")
    func rendering() throws {
        let templates = try WebTemplates.load()
        let frame = try PageFrame(title: "Settings", section: "settings", signedIn: nil).templateValues()
        let page = try ErrorPageView(heading: "Gone", message: "No such page.").templateValues()
        let html = try templates.html("error", values: frame.merging(page) { _, page in page })
        #expect(html.contains("Gone"))
        #expect(html.contains("No such page."))
        #expect(html.contains("<title>Settings"))
    }

    /// A view that writes itself by hand, with containers asked for one inside another.
    struct HandWritten: TemplateView {
        enum Keys: String, CodingKey { case outer, list }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var outer = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
            try outer.encode("inner", forKey: .list)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            try list.encode("two")
        }
    }

    @Test("a refused form's fields keep their names; a view's own encode(to:) with nested containers is read whole")
    func encoderEdges() throws {
        struct Draft: TemplateView {
            let draft: [String: String]
            let noteText: String?
        }
        let draft = try Draft(draft: ["first_response_minutes": "x", "teamID": "y"], noteText: "n").templateValues()
        #expect(draft["draft"] as? [String: String] == ["first_response_minutes": "x", "teamID": "y"])
        #expect(draft["note_text"] as? String == "n")
        let written = try HandWritten().templateValues()
        #expect((written["outer"] as? [String: Any])?["list"] as? String == "inner")
        let list = try #require(written["list"] as? [Any])
        #expect(list.count == 2 && list.first as? Int == 1 && list.last as? String == "two")
    }
}
