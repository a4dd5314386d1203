import RapportCore
import Testing

@Suite("What the segment builder offers, without a database")
struct SegmentFieldGuideTests {
    static let guides = SegmentFieldGuide.named + [SegmentFieldGuide(.attribute("plan"))]

    /// The paths of the parts a definition was refused for (empty when it was taken).
    static func refusedAt(_ condition: [String: JSONValue]) -> [String] {
        do {
            _ = try SegmentDefinitionParser.parse(.object(condition))
            return []
        } catch RapportError.invalid(let problems) {
            return problems.map(\.field)
        } catch {
            return ["\(error)"]
        }
    }

    @Test("every operator the builder offers for a field is one the parser takes for it, and no other")
    func operators() {
        for guide in Self.guides {
            for op in SegmentOperator.allCases {
                // A value every relative operator takes, so only the operator itself can be refused.
                let refused = Self.refusedAt(["field": .string(guide.field.name), "op": .string(op.rawValue), "value": .number(5)])
                if guide.operators.contains(op) {
                    #expect(!refused.contains("definition.op"), "\(guide.field.name) \(op.rawValue)")
                } else {
                    #expect(refused.contains("definition.op"), "\(guide.field.name) \(op.rawValue) is not offered, so it must be refused")
                }
            }
        }
    }

    @Test("every key the builder offers for a field is one the parser takes for it")
    func keys() {
        for guide in Self.guides {
            for key in guide.keys {
                let refused = Self.refusedAt(["field": .string(guide.field.name), "op": .string(guide.operators[0].rawValue), key: .string("x")])
                #expect(!refused.contains("definition.\(key)"), "\(guide.field.name) takes \(key)")
            }
            let unknown = Self.refusedAt(["field": .string(guide.field.name), "op": .string(guide.operators[0].rawValue), "zzz": .string("x")])
            #expect(unknown.contains("definition.zzz"))
        }
        #expect(SegmentFieldGuide(.bought).keys.contains("category"))
        #expect(SegmentFieldGuide(.firstName).keys.isEmpty)
    }
}
