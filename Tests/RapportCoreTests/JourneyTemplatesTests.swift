import Foundation
import RapportCore
import Testing

@Suite("Built-in journeys")
struct JourneyTemplatesTests {
    @Test("the nine classic flows are there by key, each a valid journey once its inbox and segment are filled in, with English and Indonesian messages; their segments are valid")
    func catalogue() throws {
        #expect(JourneyTemplates.all.map(\.key) == [
            "abandoned_cart", "browse_abandonment", "welcome", "post_purchase_review", "replenishment", "win_back", "birthday", "vip_onboarding",
            "lead_nurture",
        ])
        for template in JourneyTemplates.all {
            let segmentID = template.segment == nil ? nil : "seg_01JD8Z6Q3V6N1K2M3P4Q5R6S7T"
            let definition = try template.definition(inboxID: "inb_01JD8Z6Q3V6N1K2M3P4Q5R6S7T", segmentID: segmentID)
            #expect(!template.definitionText.contains(JourneyTemplate.segmentPlaceholder) || template.segment != nil, "\(template.key)")
            let sends = definition.steps.compactMap { step -> JourneySend? in if case .send(let send, _) = step.kind { send } else { nil } }
            #expect(!sends.isEmpty, "\(template.key) sends something")
            for send in sends {
                #expect(Set(send.content.keys) == ["en", "id"] && send.inboxID.hasPrefix("inb_"), "\(template.key)")
            }
            if let segment = template.segment {
                _ = try SegmentDefinitionParser.parse(try segment.definition())
                #expect(definition.trigger == .segmentEntered(try #require(segmentID)), "\(template.key)")
            }
            #expect(JourneyTemplates.template(template.key)?.name == template.name)
        }
        #expect(JourneyTemplates.template("nothing") == nil)
    }
}
