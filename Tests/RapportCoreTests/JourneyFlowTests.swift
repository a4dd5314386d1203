import Foundation
import RapportCore
import Testing

@Suite("Journey flow: the steps laid out to be drawn")
struct JourneyFlowTests {
    @Test("each step in the row of its shortest distance from the first, in the order the ways reach it; a loop back goes up; each way out of a step that has several is labelled")
    func layout() throws {
        let definition = try JourneyWalkTests.definition("""
            {"trigger": {"manual": true}, "entry": "every_time",
             "steps": [
               {"key": "start", "type": "wait_for_event", "tracked_event": "Order Completed", "timeout": {"hours": 2}, "next": "vip", "on_timeout": "ab"},
               {"key": "vip", "type": "branch", "branches": [{"condition": {"field": "tags", "op": "contains", "value": "vip"}, "next": "tag"}], "otherwise": "ab"},
               {"key": "ab", "type": "split", "paths": [{"share": 0.25, "next": "tag"}, {"share": 0.75, "next": "rest"}]},
               {"key": "tag", "type": "update_profile", "add_tags": ["seen"], "next": "rest"},
               {"key": "rest", "type": "wait", "duration": {"days": 2}, "next": "start"}
             ]}
            """)
        let flow = JourneyFlow(definition)
        let placed = Dictionary(uniqueKeysWithValues: flow.nodes.map { ($0.stepKey, ($0.row, $0.column)) })
        #expect(placed["start"]! == (0, 0))
        #expect(placed["vip"]! == (1, 0) && placed["ab"]! == (1, 1))
        #expect(placed["tag"]! == (2, 0) && placed["rest"]! == (2, 1))
        #expect(flow.rows == 3 && flow.width == 2)
        let labels = Dictionary(uniqueKeysWithValues: flow.edges.map { ("\($0.from)>\($0.to)", $0.label ?? "-") })
        #expect(labels == [
            "start>vip": "event", "start>ab": "timeout", "vip>tag": "branch 1", "vip>ab": "otherwise", "ab>tag": "25%", "ab>rest": "75%",
            "tag>rest": "-", "rest>start": "-",
        ])
        #expect(flow.nodes.first { $0.stepKey == "start" }?.title == "Wait for Order Completed, at most 2 h")
        #expect(flow.nodes.first { $0.stepKey == "rest" }?.title == "Wait 2 d")
    }
}
