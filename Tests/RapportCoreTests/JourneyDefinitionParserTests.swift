import Foundation
import RapportCore
import Testing

@Suite("Journey definitions")
struct JourneyDefinitionParserTests {
    static let segment = "seg_01JD8Z6Q3V6N1K2M3P4Q5R6S7T"
    static let inbox = "inb_01JD8Z6Q3V6N1K2M3P4Q5R6S7T"
    static let team = "tea_01JD8Z6Q3V6N1K2M3P4Q5R6S7T"

    static func json(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    /// The field the definition's 422 names, or nil when it parses.
    static func fault(_ text: String) throws -> String? {
        do {
            _ = try JourneyDefinitionParser.parse(try json(text))
            return nil
        } catch RapportError.invalid(let errors) {
            return errors.first?.field
        }
    }

    /// A definition with these steps, triggered by a tracked event.
    static func with(steps: String, extra: String = "") -> String {
        #"{"trigger": {"tracked_event": "Checkout Started"}\#(extra), "steps": [\#(steps)]}"#
    }

    @Test("an abandoned cart reads back as written: a filtered tracked trigger, waits, a wait for the order with its timeout, a message, a branch, a split, profile changes, a task and the goal")
    func wholeJourney() throws {
        let definition = try JourneyDefinitionParser.parse(try Self.json("""
            {"trigger": {"tracked_event": "Checkout Started", "filters": [{"property": "cart.total", "is": "gte", "value": 50}]},
             "entry": {"once_per_days": 7}, "open_conversation": "skip", "holdout_share": 0.1,
             "goal": {"tracked_event": "Order Completed", "within_days": 5},
             "steps": [
               {"key": "settle", "type": "wait", "duration": {"hours": 1}, "next": "ordered"},
               {"key": "ordered", "type": "wait_for_event", "tracked_event": "Order Completed", "timeout": {"minutes": 30}, "next": null, "on_timeout": "remind"},
               {"key": "remind", "type": "send", "channel": "email", "inbox_id": "\(Self.inbox)",
                "content": {"en": {"subject": "Still thinking?", "body": "Your cart waits, {{customer.first_name}}."}, "id": {"subject": "Masih ragu?", "body": "Keranjangmu menunggu."}},
                "default_locale": "en", "next": "vip"},
               {"key": "vip", "type": "branch", "branches": [{"condition": {"field": "tags", "op": "contains", "value": "vip"}, "next": "call"}], "otherwise": "ab"},
               {"key": "call", "type": "task", "title": "Call about the cart", "team_id": "\(Self.team)", "due_after": {"hours": 4}},
               {"key": "ab", "type": "split", "paths": [{"share": 0.5, "next": "tag"}, {"share": 0.5, "next": null}]},
               {"key": "tag", "type": "update_profile", "add_tags": [" Cart-Reminded "], "attributes": {"last_journey": "cart"}, "next": "morning"},
               {"key": "morning", "type": "wait_until", "time": "09:30", "next": "done"},
               {"key": "done", "type": "exit"}
             ]}
            """))
        guard case .event(let trigger) = definition.trigger else { Issue.record("not an event trigger"); return }
        #expect(trigger.source == .tracked && trigger.name == "Checkout Started")
        #expect(trigger.filters == [JourneyPropertyFilter(path: ["cart", "total"], comparison: .atLeast, value: .number(50))])
        #expect(definition.entry == .oncePer(days: 7) && definition.openConversation == .skip && definition.holdoutShare == 0.1)
        #expect(definition.goal == JourneyGoal(event: JourneyEvent(source: .tracked, name: "Order Completed"), withinDays: 5))
        #expect(definition.steps.map(\.key) == ["settle", "ordered", "remind", "vip", "call", "ab", "tag", "morning", "done"])
        #expect(definition.firstStep.kind == .wait(seconds: 3_600, next: "ordered"))
        #expect(definition.step("ordered")?.kind == .waitForEvent(JourneyEvent(source: .tracked, name: "Order Completed"), timeoutSeconds: 1_800, next: nil, onTimeout: "remind"))
        guard case .send(let send, let next)? = definition.step("remind")?.kind else { Issue.record("not a send"); return }
        #expect(send.channel == .email && send.inboxID == Self.inbox && send.isMarketing && next == "vip")
        #expect(send.content["id"]?.subject == "Masih ragu?" && send.defaultLocale == "en")
        #expect(definition.step("remind")?.kind.isMarketing == true)
        guard case .branch(let branches, let otherwise)? = definition.step("vip")?.kind else { Issue.record("not a branch"); return }
        #expect(branches.count == 1 && branches[0].next == "call" && otherwise == "ab")
        #expect(definition.step("call")?.kind == .task(JourneyTask(title: "Call about the cart", teamID: Self.team, dueAfterSeconds: 14_400), next: nil))
        #expect(definition.step("ab")?.kind == .split([JourneySplitPath(share: 0.5, next: "tag"), JourneySplitPath(share: 0.5, next: nil)]))
        #expect(definition.step("tag")?.kind == .updateProfile(JourneyProfileUpdate(addTags: ["cart-reminded"], attributes: ["last_journey": "cart"]), next: "morning"))
        #expect(definition.step("morning")?.kind == .waitUntil(CampaignTimeOfDay(text: "09:30")!, next: "done"))
        #expect(definition.step("done")?.kind == .exit)
    }

    @Test("the defaults: entry once, marketing waits for an open conversation to be resolved, no holdout, no goal; the other triggers")
    func defaultsAndTriggers() throws {
        let plain = try JourneyDefinitionParser.parse(try Self.json(Self.with(steps: #"{"key": "a", "type": "exit"}"#)))
        #expect(plain.entry == .once && plain.openConversation == .wait && plain.holdoutShare == 0 && plain.goal == nil && plain.quietHours == nil)
        let entered = try JourneyDefinitionParser.parse(try Self.json("""
            {"trigger": {"segment_entered": "\(Self.segment)"}, "exit_on_segment_left": true, "entry": "every_time", "steps": [{"key": "a", "type": "exit"}]}
            """))
        #expect(entered.trigger == .segmentEntered(Self.segment) && entered.exitsOnSegmentLeft && entered.entry == .everyTime)
        let delivered = try JourneyDefinitionParser.parse(try Self.json(#"{"trigger": {"event": "order.delivered"}, "steps": [{"key": "a", "type": "exit"}]}"#))
        #expect(delivered.trigger == .event(JourneyEvent(source: .domain, name: "order.delivered")))
        #expect(try JourneyDefinitionParser.parse(try Self.json(#"{"trigger": {"manual": true}, "steps": [{"key": "a", "type": "exit"}]}"#)).trigger == .manual)
    }

    @Test("each mistake is a 422 naming where it is", arguments: [
        (Self.with(steps: #"{"key": "a", "type": "wait", "duration": {"hours": 1}, "next": "b"}"#), "definition.steps[0]"),
        (Self.with(steps: #"{"key": "a", "type": "exit"}, {"key": "b", "type": "exit"}"#), "definition.steps[1]"),
        (Self.with(steps: #"{"key": "a", "type": "exit"}, {"key": "a", "type": "exit"}"#), "definition.steps[1].key"),
        (Self.with(steps: #"{"key": "a", "type": "update_profile", "add_tags": ["x"], "next": "b"}, {"key": "b", "type": "update_profile", "add_tags": ["y"], "next": "a"}"#), "definition.steps[0]"),
        (Self.with(steps: #"{"key": "a", "type": "split", "paths": [{"share": 0.5, "next": null}, {"share": 0.4, "next": null}]}"#), "definition.steps[0].paths"),
        (Self.with(steps: #"{"key": "a", "type": "exit", "next": "a"}"#), "definition.steps[0].next"),
        (Self.with(steps: #"{"key": "a", "type": "wait", "duration": {"hours": 0}}"#), "definition.steps[0].duration"),
        (Self.with(steps: #"{"key": "a", "type": "wait", "duration": {"weeks": 1}}"#), "definition.steps[0].duration.weeks"),
        (Self.with(steps: #"{"key": "a", "type": "webhook", "webhook_id": "https://example.com/hook"}"#), "definition.steps[0].webhook_id"),
        (Self.with(steps: #"{"key": "A b", "type": "exit"}"#), "definition.steps[0].key"),
        (Self.with(steps: #"{"key": "a", "type": "teleport"}"#), "definition.steps[0].type"),
        (Self.with(steps: #"{"key": "a", "type": "update_profile"}"#), "definition.steps[0]"),
        (Self.with(steps: #"{"key": "a", "type": "send", "channel": "email", "inbox_id": "inb_1", "content": {"en": {"body": "no subject"}}}"#), "definition.steps[0].content.en.subject"),
        (Self.with(steps: #"{"key": "a", "type": "exit"}"#, extra: #", "exit_on_segment_left": true"#), "definition.exit_on_segment_left"),
        (Self.with(steps: #"{"key": "a", "type": "exit"}"#, extra: #", "goal": {"event": "order.teleported"}"#), "definition.goal.event"),
        (#"{"trigger": {"tracked_event": "X", "filters": [{"property": "total", "is": "about", "value": 5}]}, "steps": [{"key": "a", "type": "exit"}]}"#, "definition.trigger.filters[0].is"),
        (#"{"trigger": {"segment_entered": "cus_1"}, "steps": [{"key": "a", "type": "exit"}]}"#, "definition.trigger.segment_entered"),
        (#"{"trigger": {"tracked_event": "X"}, "steps": []}"#, "definition.steps"),
        (#"{"trigger": {"tracked_event": "X"}, "steps": [{"key": "a", "type": "exit"}], "colour": "red"}"#, "definition.colour"),
        // A wait for an event does not bound a loop: tagging records customer.updated, which would wake it at once.
        (Self.with(steps: #"{"key": "a", "type": "wait_for_event", "event": "customer.updated", "timeout": {"hours": 1}, "next": "b", "on_timeout": null}, {"key": "b", "type": "update_profile", "add_tags": ["x"], "next": "a"}"#), "definition.steps[0]"),
        (Self.with(steps: #"{"key": "a", "type": "wait", "duration": {"minutes": 30}, "next": "b"}, {"key": "b", "type": "update_profile", "add_tags": ["x"], "next": "a"}"#), "definition.steps[0]"),
        (#"{"trigger": {"segment_left": "seg_1"}, "exit_on_segment_left": true, "steps": [{"key": "a", "type": "exit"}]}"#, "definition.exit_on_segment_left"),
        (#"{"trigger": {"event": "product.created"}, "steps": [{"key": "a", "type": "exit"}]}"#, "definition.trigger.event"),
        (#"{"trigger": {"event": "customer.erased"}, "steps": [{"key": "a", "type": "exit"}]}"#, "definition.trigger.event"),
        (#"{"trigger": {"tracked_event": "X", "filters": [{"property": "vip", "is": "gt", "value": true}]}, "steps": [{"key": "a", "type": "exit"}]}"#, "definition.trigger.filters[0].value"),
    ])
    func mistakes(definition: String, field: String) throws {
        #expect(try Self.fault(definition) == field)
    }

    @Test("a way round the journey is allowed when it passes a wait: a replenishment reminder every 30 days")
    func loopThroughWait() throws {
        let definition = try JourneyDefinitionParser.parse(try Self.json(Self.with(steps: """
            {"key": "remind", "type": "update_profile", "add_tags": ["reminded"], "next": "pause"},
            {"key": "pause", "type": "wait", "duration": {"days": 30}, "next": "remind"}
            """)))
        #expect(definition.steps.count == 2)
    }

    @Test("property filters: against a number, a number sent as text compares as one; two texts as text without case; a list by its items; a missing or null property passes only `neq`")
    func filters() {
        let properties = JSONValue.object([
            "total": .string("59.90"), "category": .string("Shoes"), "skus": .array([.string("A1"), .string("B2")]),
            "order": .object(["count": .number(3)]), "coupon": .null,
        ])
        func holds(_ path: String, _ comparison: JourneyPropertyFilter.Operator, _ value: JSONValue?) -> Bool {
            JourneyPropertyFilter(path: path.split(separator: ".").map(String.init), comparison: comparison, value: value).holds(for: properties)
        }
        #expect(holds("total", .atLeast, .number(50)) && !holds("total", .lessThan, .number(50)) && holds("total", .equals, .number(59.9)))
        #expect(holds("category", .equals, .string("shoes")) && holds("category", .contains, .string("HOE")) && !holds("category", .notEquals, .string("SHOES")))
        #expect(holds("skus", .contains, .string("b2")) && !holds("skus", .contains, .string("C3")))
        #expect(holds("order.count", .greaterThan, .number(2)) && holds("order.count", .atMost, .number(3)))
        #expect(!holds("coupon", .exists, nil) && holds("category", .exists, nil) && !holds("missing.deep", .exists, nil))
        #expect(!holds("missing", .equals, .string("x")) && holds("missing", .notEquals, .string("x")) && !holds("missing", .greaterThan, .number(0)))
        let codes = JSONValue.object(["sku": .string("007"), "size": .string("nan"), "brand": .string("apple")])
        func holdsFor(_ key: String, _ comparison: JourneyPropertyFilter.Operator, _ value: JSONValue) -> Bool {
            JourneyPropertyFilter(path: [key], comparison: comparison, value: value).holds(for: codes)
        }
        #expect(!holdsFor("sku", .equals, .string("7")) && holdsFor("sku", .equals, .number(7)), "two texts compare as text")
        #expect(!holdsFor("size", .equals, .number(0)) && !holdsFor("size", .lessThan, .number(1)), "\"nan\" is no number")
        #expect(holdsFor("brand", .greaterThan, .string("Amazon")) && holdsFor("brand", .lessThan, .string("BANANA")), "text orders without case")
        let event = JourneyEvent(source: .tracked, name: "Checkout Started", filters: [
            JourneyPropertyFilter(path: ["total"], comparison: .atLeast, value: .number(50)),
            JourneyPropertyFilter(path: ["category"], comparison: .equals, value: .string("shoes")),
        ])
        #expect(event.matches(properties))
        #expect(!event.matches(.object(["total": .number(10), "category": .string("shoes")])))
    }
}
