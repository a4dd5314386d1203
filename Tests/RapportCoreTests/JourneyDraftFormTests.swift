import Foundation
import RapportCore
import Testing

@Suite("Journey draft forms: a draft edited part by part")
struct JourneyDraftFormTests {
    static let draft = try! JourneyDraftForm.json(
        """
        {"trigger": {"tracked_event": "Checkout Started"}, "entry": {"once_per_days": 7}, "holdout_share": 0.1,
         "steps": [
           {"key": "settle", "type": "wait", "duration": {"hours": 1}, "next": "remind"},
           {"key": "remind", "type": "send", "channel": "email", "inbox_id": "inb_1", "marketing": true,
            "content": {"en": {"subject": "Your cart", "body": "Hi"}}, "next": "check"},
           {"key": "check", "type": "branch", "branches": [{"condition": {"field": "orders.count", "op": ">", "value": 0}, "next": null}], "otherwise": "tag"},
           {"key": "tag", "type": "update_profile", "add_tags": ["cart"]}
         ]}
        """, field: "definition")

    @Test("each step's values by dotted path in the input their value needs, its ways always offered; the settings likewise, without the steps")
    func fields() throws {
        let forms = JourneyDraftForm.forms(of: Self.draft)
        #expect(forms.steps.map(\.key) == ["settle", "remind", "check", "tag"])
        let byPath = { (key: String) in Dictionary(uniqueKeysWithValues: forms.steps.first { $0.key == key }!.fields.map { ($0.path, $0) }) }
        #expect(byPath("settle")["duration.hours"] == JourneyFormField(path: "duration.hours", input: .number, value: "1"))
        #expect(byPath("settle")["next"] == JourneyFormField(path: "next", input: .step, value: "remind"))
        let remind = byPath("remind")
        #expect(remind["content.en.subject"]?.input == .text && remind["content.en.body"]?.input == .longText)
        #expect(remind["marketing"] == JourneyFormField(path: "marketing", input: .flag, value: "true"))
        #expect(remind["key"] == nil && remind["type"] == nil)
        #expect(byPath("check")["branches"]?.input == .json && byPath("check")["otherwise"]?.value == "tag")
        #expect(byPath("tag")["next"] == JourneyFormField(path: "next", input: .step, value: ""), "the last step offers a way on it does not have yet")
        #expect(Set(forms.settings.map(\.path)) == ["trigger.tracked_event", "entry.once_per_days", "holdout_share"])
        #expect(!forms.settingsJSON.contains("steps"))
    }

    @Test("a submitted form changes the values it names, read by their input; a bad number or JSON is a 422 naming the field")
    func applying() throws {
        let forms = JourneyDraftForm.forms(of: Self.draft)
        guard case .object(let root) = Self.draft, case .array(let steps)? = root["steps"], case .object(let remind) = steps[1] else { Issue.record(); return }
        let fields = forms.steps[1].fields
        let changed = try JourneyDraftForm.applying(
            ["content.en.subject": "Still there?", "content.en.body": "Line one\r\nLine two", "marketing": "false", "next": ""],
            to: remind, fields: fields, field: "definition.steps[1]")
        guard case .object(let content)? = changed["content"], case .object(let english)? = content["en"] else { Issue.record(); return }
        #expect(english["subject"] == .string("Still there?") && english["body"] == .string("Line one\nLine two"))
        #expect(changed["marketing"] == .bool(false) && changed["next"] == nil && changed["inbox_id"] == .string("inb_1"))
        #expect(throws: RapportError.invalid(field: "definition.steps[0].duration.hours", "must be a number")) {
            _ = try JourneyDraftForm.applying(["duration.hours": "soon"], to: [:], fields: forms.steps[0].fields, field: "definition.steps[0]")
        }
        #expect(throws: RapportError.invalid(field: "definition.steps[2].branches", "is not JSON")) {
            _ = try JourneyDraftForm.applying(["branches": "[{"], to: [:], fields: forms.steps[2].fields, field: "definition.steps[2]")
        }
    }

    @Test("a step added after another takes its way on; one taken out leaves the ways to it going where it went; the result still checks out")
    func insertAndRemove() throws {
        guard case .object(var root) = Self.draft, case .array(let steps)? = root["steps"] else { Issue.record(); return }
        let wait = try JourneyDraftForm.newStep(type: "wait", key: "pause", ids: [:], field: "type")
        let inserted = try JourneyDraftForm.inserting(wait, after: "settle", into: steps, field: "after")
        #expect(inserted.compactMap { JourneyDraftFormTests.key($0) } == ["settle", "pause", "remind", "check", "tag"])
        root["steps"] = .array(inserted)
        let definition = try JourneyDefinitionParser.parse(.object(root))
        #expect(definition.steps[0].kind.successors == ["pause"] && definition.steps[1].kind.successors == ["remind"])

        let removed = try JourneyDraftForm.removing("remind", from: inserted, field: "key")
        root["steps"] = .array(removed)
        #expect(try JourneyDefinitionParser.parse(.object(root)).steps[1].kind.successors == ["check"], "pause goes where remind went")
        let withoutTag = try JourneyDraftForm.removing("tag", from: removed, field: "key")
        root["steps"] = .array(withoutTag)
        #expect(try JourneyDefinitionParser.parse(.object(root)).steps.last?.kind.successors == [], "the branch's otherwise ends the journey now")

        #expect(throws: RapportError.self) { _ = try JourneyDraftForm.inserting(wait, after: "check", into: steps, field: "after") }
        #expect(throws: RapportError.invalid(field: "type", "a `send` step needs an e-mail inbox: add one in the settings first")) {
            _ = try JourneyDraftForm.newStep(type: "send", key: "mail", ids: [:], field: "type")
        }
        for type in JourneyDraftForm.stepTypes {
            let step = try JourneyDraftForm.newStep(type: type, key: "new", ids: ["inbox_id": "inb_1", "team_id": "tea_1", "webhook_id": "whk_1"], field: "type")
            var one = root
            one["steps"] = .array(try JourneyDraftForm.inserting(step, after: "tag", into: steps, field: "after"))
            #expect(throws: Never.self, "a new \(type) step checks out") { _ = try JourneyDefinitionParser.parse(.object(one)) }
        }
    }

    @Test("every way out of an inserted branch or wait for an event goes on; taking out a step never leaves one leading to itself; the first taken out, the one it led to starts")
    func linking() throws {
        let steps = try JourneyDraftForm.json(
            """
            [{"key": "a", "type": "wait", "duration": {"hours": 2}, "next": "r"},
             {"key": "r", "type": "update_profile", "add_tags": ["x"], "next": "s"},
             {"key": "s", "type": "wait", "duration": {"hours": 2}, "next": "r"}]
            """, field: "steps")
        guard case .array(let items) = steps else { Issue.record(); return }
        func definition(_ steps: [JSONValue]) throws -> JourneyDefinition {
            try JourneyDefinitionParser.parse(.object(["trigger": .object(["manual": .bool(true)]), "steps": .array(steps)]))
        }
        let branch = try JourneyDraftForm.newStep(type: "branch", key: "b", ids: [:], field: "type")
        let withBranch = try definition(try JourneyDraftForm.inserting(branch, after: "a", into: items, field: "after"))
        #expect(withBranch.steps[1].kind.successors == ["r", "r"], "the branch and otherwise both go on to r")
        let wait = try JourneyDraftForm.newStep(type: "wait_for_event", key: "w", ids: [:], field: "type")
        let withWait = try definition(try JourneyDraftForm.inserting(wait, after: "a", into: items, field: "after"))
        #expect(withWait.steps[1].kind.successors == ["r", "r"], "the event and the timeout both go on to r")

        let withoutR = try definition(try JourneyDraftForm.removing("r", from: items, field: "key"))
        #expect(withoutR.steps.map(\.key) == ["a", "s"] && withoutR.steps[0].kind.successors == ["s"])
        #expect(withoutR.steps[1].kind.successors == [], "s led to r, which led to s: it ends rather than loop on itself")
        let withoutFirst = try JourneyDraftForm.removing("a", from: [items[1], items[2], items[0]].map { $0 }, field: "key")
        #expect(withoutFirst.compactMap(Self.key) == ["r", "s"])
        let moved = try JourneyDraftForm.removing("a", from: [items[0], items[2], items[1]], field: "key")
        #expect(moved.compactMap(Self.key) == ["r", "s"], "r, where the first step led, starts the journey")
    }

    static func key(_ step: JSONValue) -> String? {
        if case .object(let object) = step, case .string(let key)? = object["key"] { key } else { nil }
    }
}
