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

    @Test("a snake_case key finds the camelCase property, acronyms included; a nil property is absent")
    func lookup() {
        let view = Sample(channelName: "SMS", customerID: "cus_1", whenISO: "2026-12-03", note: nil, rows: [.init(name: "a")], selected: false)
        #expect(view.child(named: "channel_name") as? String == "SMS")
        #expect(view.child(named: "customer_id") as? String == "cus_1")
        #expect(view.child(named: "when_iso") as? String == "2026-12-03")
        #expect(view.child(named: "note") == nil)
        #expect(view.child(named: "missing") == nil)
        #expect(view.child(named: "selected") as? Bool == false)
        #expect((view.child(named: "rows") as? [Sample.Row])?.first?.name == "a")
    }

    @Test("a page renders inside its frame: the title the page lacks comes from the frame")
    func rendering() throws {
        let templates = try WebTemplates.load()
        let page = FramedPage(frame: PageFrame(title: "Settings", section: "settings", signedIn: nil), page: ErrorPageView(heading: "Gone", message: "No such page."))
        let html = try templates.html("error", page)
        #expect(html.contains("Gone"))
        #expect(html.contains("No such page."))
        #expect(html.contains("<title>Settings"))
    }
}
