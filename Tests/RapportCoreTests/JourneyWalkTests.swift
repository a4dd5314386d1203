import Foundation
import RapportCore
import Testing

@Suite("Journey walk: a customer moved through the steps on a simulated clock")
struct JourneyWalkTests {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30T00:53:20Z
    static let inbox = "inb_01JD8Z6Q3V6N1K2M3P4Q5R6S7T"

    static func definition(_ text: String) throws -> JourneyDefinition {
        try JourneyDefinitionParser.parse(try JSONParser.parse(Array(text.utf8)))
    }

    static func facts(zone: String = "UTC", open: Bool = false, branch: [String: Int?] = [:], draw: Double = 0.5) -> JourneyWalkFacts {
        JourneyWalkFacts(timeZone: TimeZone(identifier: zone)!, hasOpenConversation: open, branchTaken: branch, splitDraw: { _ in draw })
    }

    static func walk(_ definition: JourneyDefinition, at step: String, since: Date, now: Date, facts: JourneyWalkFacts, visits: [String: Int] = [:])
        -> (runs: [JourneyStepRun], end: JourneyWalkEnd)
    {
        JourneyWalk.walk(definition, from: JourneyPosition(stepKey: step, visit: 1, since: since), at: now, facts: facts, visits: { visits[$0] ?? 0 })
    }

    @Test("the abandoned cart: nothing for an hour, then the first reminder and a wait of a day counted from then; the second reminder after it; then out")
    func abandonedCart() throws {
        let cart = try #require(JourneyTemplates.template("abandoned_cart")).definition(inboxID: Self.inbox, segmentID: nil)
        let early = Self.walk(cart, at: "settle", since: Self.start, now: Self.start.addingTimeInterval(600), facts: Self.facts())
        #expect(early.runs.isEmpty && early.end == .waiting(JourneyPosition(stepKey: "settle", visit: 1, since: Self.start), until: Self.start.addingTimeInterval(3_600)))

        let late = Self.start.addingTimeInterval(3_700)
        let reminded = Self.walk(cart, at: "settle", since: Self.start, now: late, facts: Self.facts())
        #expect(reminded.runs.map(\.stepKey) == ["settle", "first_reminder"])
        #expect(reminded.runs[0].at == Self.start.addingTimeInterval(3_600), "the wait ended at its time, not when the runner came")
        guard case .send(let send)? = reminded.runs[1].effect else { Issue.record("no message"); return }
        #expect(send.content["en"]?.subject == "You left something in your cart")
        #expect(reminded.end == .waiting(JourneyPosition(stepKey: "a_day", visit: 1, since: late), until: late.addingTimeInterval(86_400)))

        let next = late.addingTimeInterval(86_400)
        let second = Self.walk(cart, at: "a_day", since: late, now: next, facts: Self.facts())
        #expect(second.runs.map(\.stepKey) == ["a_day", "second_reminder"] && second.end == .finished)
    }

    @Test("a marketing message while a support conversation is open: waits for it to be resolved (a week at most, then skipped), is skipped, or goes, as the journey says; a transactional one goes")
    func openConversation() throws {
        let steps = #"""
            "steps": [{"key": "promo", "type": "send", "channel": "email", "inbox_id": "\#(Self.inbox)", "content": {"en": {"subject": "Sale", "body": "Sale"}}, "next": "done"},
                      {"key": "done", "type": "exit"}]
            """#
        let waiting = try Self.definition(#"{"trigger": {"manual": true}, "open_conversation": "wait", \#(steps)}"#)
        let held = Self.walk(waiting, at: "promo", since: Self.start, now: Self.start, facts: Self.facts(open: true))
        #expect(held.runs.isEmpty)
        #expect(held.end == .held(
            JourneyPosition(stepKey: "promo", visit: 1, since: Self.start, heldSince: Self.start),
            until: Self.start.addingTimeInterval(JourneyOpenConversationRule.longestWait)))
        // Still open a week later: skipped, and the journey goes on.
        let week = Self.start.addingTimeInterval(JourneyOpenConversationRule.longestWait)
        let giveUp = JourneyWalk.walk(
            waiting, from: JourneyPosition(stepKey: "promo", visit: 1, since: Self.start, heldSince: Self.start), at: week, facts: Self.facts(open: true),
            visits: { _ in 0 })
        #expect(giveUp.runs.map(\.skipped) == ["open_conversation_timeout", nil] && giveUp.end == .finished)
        // Resolved: it goes.
        let sent = JourneyWalk.walk(
            waiting, from: JourneyPosition(stepKey: "promo", visit: 1, since: Self.start, heldSince: Self.start), at: Self.start.addingTimeInterval(60),
            facts: Self.facts(open: false), visits: { _ in 0 })
        #expect(sent.runs.first?.effect != nil && sent.end == .finished)

        let skipping = try Self.definition(#"{"trigger": {"manual": true}, "open_conversation": "skip", \#(steps)}"#)
        #expect(Self.walk(skipping, at: "promo", since: Self.start, now: Self.start, facts: Self.facts(open: true)).runs.first?.skipped == "open_conversation")
        let ignoring = try Self.definition(#"{"trigger": {"manual": true}, "open_conversation": "ignore", \#(steps)}"#)
        #expect(Self.walk(ignoring, at: "promo", since: Self.start, now: Self.start, facts: Self.facts(open: true)).runs.first?.effect != nil)
        let notice = try Self.definition(#"{"trigger": {"manual": true}, \#(steps.replacingOccurrences(of: #""channel": "email""#, with: #""channel": "email", "marketing": false"#))}"#)
        #expect(Self.walk(notice, at: "promo", since: Self.start, now: Self.start, facts: Self.facts(open: true)).runs.first?.effect != nil)
    }

    @Test("a branch stops the walk until its conditions are asked, then takes the branch they chose, or `otherwise`; a split takes the path the draw falls in")
    func branchAndSplit() throws {
        let definition = try Self.definition(#"""
            {"trigger": {"manual": true}, "steps": [
              {"key": "vip", "type": "branch", "branches": [{"condition": {"field": "tags", "op": "contains", "value": "vip"}, "next": "tag_vip"}], "otherwise": "ab"},
              {"key": "ab", "type": "split", "paths": [{"share": 0.25, "next": "tag_a"}, {"share": 0.75, "next": "tag_b"}]},
              {"key": "tag_vip", "type": "update_profile", "add_tags": ["seen-vip"]},
              {"key": "tag_a", "type": "update_profile", "add_tags": ["a"]},
              {"key": "tag_b", "type": "update_profile", "add_tags": ["b"]}]}
            """#)
        let asking = Self.walk(definition, at: "vip", since: Self.start, now: Self.start, facts: Self.facts())
        #expect(asking.runs.isEmpty && asking.end == .needsBranch(JourneyPosition(stepKey: "vip", visit: 1, since: Self.start)))
        let vip = Self.walk(definition, at: "vip", since: Self.start, now: Self.start, facts: Self.facts(branch: ["vip": 0]))
        #expect(vip.runs.map(\.stepKey) == ["vip", "tag_vip"] && vip.runs.last?.effect == .updateProfile(JourneyProfileUpdate(addTags: ["seen-vip"])))
        let a = Self.walk(definition, at: "vip", since: Self.start, now: Self.start, facts: Self.facts(branch: ["vip": nil as Int?], draw: 0.2))
        #expect(a.runs.map(\.stepKey) == ["vip", "ab", "tag_a"])
        let b = Self.walk(definition, at: "vip", since: Self.start, now: Self.start, facts: Self.facts(branch: ["vip": nil as Int?], draw: 0.25))
        #expect(b.runs.map(\.stepKey) == ["vip", "ab", "tag_b"] && b.end == .finished)
    }

    @Test("wait_until goes by the customer's own clock: 09:00 in Jakarta is 02:00 UTC, today's if still ahead, else tomorrow's")
    func localTime() throws {
        let definition = try Self.definition(#"{"trigger": {"manual": true}, "steps": [{"key": "morning", "type": "wait_until", "time": "09:00"}]}"#)
        // 2026-12-05T01:00Z is 08:00 in Jakarta: today at 09:00 local, 02:00Z.
        let before = Date(timeIntervalSince1970: 1_796_432_400)
        let today = Self.walk(definition, at: "morning", since: before, now: before, facts: Self.facts(zone: "Asia/Jakarta"))
        #expect(today.end == .waiting(JourneyPosition(stepKey: "morning", visit: 1, since: before), until: before.addingTimeInterval(3_600)))
        // At 10:00 local it is tomorrow's.
        let after = before.addingTimeInterval(7_200)
        let tomorrow = Self.walk(definition, at: "morning", since: after, now: after, facts: Self.facts(zone: "Asia/Jakarta"))
        #expect(tomorrow.end == .waiting(JourneyPosition(stepKey: "morning", visit: 1, since: after), until: before.addingTimeInterval(3_600 + 86_400)))
    }

    @Test("a loop through a long wait comes back to a step as its next visit; a wait for an event waits, and its timeout leads to on_timeout")
    func visitsAndEventWaits() throws {
        let definition = try Self.definition(#"""
            {"trigger": {"manual": true}, "steps": [
              {"key": "remind", "type": "update_profile", "add_tags": ["reminded"], "next": "pause"},
              {"key": "pause", "type": "wait", "duration": {"days": 30}, "next": "ordered"},
              {"key": "ordered", "type": "wait_for_event", "event": "order.created", "timeout": {"days": 1}, "next": null, "on_timeout": "remind"}]}
            """#)
        let month = Self.start.addingTimeInterval(30 * 86_400)
        let first = Self.walk(definition, at: "remind", since: Self.start, now: Self.start, facts: Self.facts())
        #expect(first.runs.map(\.stepKey) == ["remind"] && first.end == .waiting(JourneyPosition(stepKey: "pause", visit: 1, since: Self.start), until: month))
        let waiting = Self.walk(definition, at: "pause", since: Self.start, now: month, facts: Self.facts())
        #expect(waiting.end == .waitingForEvent(
            JourneyPosition(stepKey: "ordered", visit: 1, since: month), JourneyEvent(source: .domain, name: "order.created"), until: month.addingTimeInterval(86_400)))
        let timedOut = Self.walk(definition, at: "ordered", since: month, now: month.addingTimeInterval(86_400), facts: Self.facts(), visits: ["remind": 1, "pause": 1])
        #expect(timedOut.runs.map(\.stepKey) == ["ordered", "remind"] && timedOut.runs.last?.visit == 2)
        #expect(timedOut.end == .waiting(JourneyPosition(stepKey: "pause", visit: 2, since: month.addingTimeInterval(86_400)), until: month.addingTimeInterval(31 * 86_400)))
    }

    @Test("a late runner: a wait for an event starts listening when the walk gets there, not when the wait before it ended; the event that came takes `next`")
    func lateRunnerAndEvents() throws {
        let definition = try Self.definition(#"""
            {"trigger": {"manual": true}, "steps": [
              {"key": "pause", "type": "wait", "duration": {"days": 1}, "next": "ordered"},
              {"key": "ordered", "type": "wait_for_event", "event": "order.created", "timeout": {"days": 1}, "next": "thanks", "on_timeout": null},
              {"key": "thanks", "type": "update_profile", "add_tags": ["ordered"]}]}
            """#)
        let late = Self.start.addingTimeInterval(4 * 86_400)
        let walked = Self.walk(definition, at: "pause", since: Self.start, now: late, facts: Self.facts())
        #expect(walked.runs.map(\.stepKey) == ["pause"])
        #expect(walked.end == .waitingForEvent(
            JourneyPosition(stepKey: "ordered", visit: 1, since: late), JourneyEvent(source: .domain, name: "order.created"), until: late.addingTimeInterval(86_400)))
        let arrived = JourneyWalk.walk(
            definition, from: JourneyPosition(stepKey: "ordered", visit: 1, since: late), at: late.addingTimeInterval(60),
            facts: JourneyWalkFacts(timeZone: .gmt, eventArrived: true, splitDraw: { _ in 0 }), visits: { _ in 0 })
        #expect(arrived.runs.map(\.stepKey) == ["ordered", "thanks"] && arrived.end == .finished)
    }

    @Test("a morning message overdue by days goes at the next morning, not at the hour the runner came back")
    func overdueLocalTime() throws {
        let definition = try Self.definition(#"{"trigger": {"manual": true}, "steps": [{"key": "morning", "type": "wait_until", "time": "09:00", "next": "tag"}, {"key": "tag", "type": "update_profile", "add_tags": ["x"]}]}"#)
        let before = Date(timeIntervalSince1970: 1_796_432_400)  // 08:00 in Jakarta
        let back = before.addingTimeInterval(3 * 86_400 + 4 * 3_600)  // three days later, at noon there
        let walked = Self.walk(definition, at: "morning", since: before, now: back, facts: Self.facts(zone: "Asia/Jakarta"))
        #expect(walked.runs.isEmpty)
        #expect(walked.end == .waiting(JourneyPosition(stepKey: "morning", visit: 1, since: before), until: before.addingTimeInterval(4 * 86_400 + 3_600)))
    }

    @Test("a loop of waits all overdue stops after a bounded number of steps and goes on in the next round; a branch reached after an effect waits to be asked")
    func boundedWalks() throws {
        let loop = try Self.definition(#"""
            {"trigger": {"manual": true}, "steps": [
              {"key": "a", "type": "wait", "duration": {"hours": 1}, "next": "b"},
              {"key": "b", "type": "wait", "duration": {"hours": 1}, "next": "a"}]}
            """#)
        let far = Self.start.addingTimeInterval(365 * 86_400)
        let spun = Self.walk(loop, at: "a", since: Self.start, now: far, facts: Self.facts())
        #expect(spun.runs.count == 5)
        guard case .waiting(let position, let until) = spun.end else { Issue.record("finished: \(spun.end)"); return }
        #expect(until == far && position.visit == 3)

        let tagThenAsk = try Self.definition(#"""
            {"trigger": {"manual": true}, "steps": [
              {"key": "tag", "type": "update_profile", "add_tags": ["vip"], "next": "vip"},
              {"key": "vip", "type": "branch", "branches": [{"condition": {"field": "tags", "op": "contains", "value": "vip"}, "next": null}], "otherwise": null}]}
            """#)
        let walked = Self.walk(tagThenAsk, at: "tag", since: Self.start, now: Self.start, facts: Self.facts(branch: ["vip": 0]))
        #expect(walked.runs.map(\.stepKey) == ["tag"] && walked.end == .needsBranch(JourneyPosition(stepKey: "vip", visit: 1, since: Self.start)))
    }
}
