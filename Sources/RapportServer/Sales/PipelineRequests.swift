import Hummingbird
import RapportCore

/// Reads a pipeline from a request body: `name`, `currency`, `monthly_target` (minor units; null
/// clears it), `stages` (each `id` to keep one,
/// `name`, `probability`, `kind`, `stuck_after_days`). A probability is a whole percent (25);
/// when every probability given lies between 0 and 1 and one of them is not whole (0.25), they
/// are read as fractions.
enum PipelineRequests {
    static func draft(of request: Request, context: AuthenticatedRequestContext) async throws -> PipelineDraft {
        var body = try await JSONObjectReader.body(of: request, context: context)
        var draft = PipelineDraft()
        if let name = body.nullableString("name", maxLength: PipelineService.maximumNameLength * 2) {
            draft.name = name
            if name == nil { body.fail("name", "cannot be null: 1 to \(PipelineService.maximumNameLength) characters") }
        }
        if let currency = body.nullableString("currency", maxLength: 16) { draft.currency = .some(currency) }
        switch body.any("monthly_target") {
        case nil: break
        case .null?: draft.monthlyTarget = .some(nil)
        default:
            if let target = body.integer("monthly_target", in: 0...PipelineService.maximumTarget) { draft.monthlyTarget = .some(target) }
        }
        if let items = body.array("stages") { draft.stages = stages(items, body: &body) }
        try body.finish()
        return draft
    }

    private static func stages(_ items: [JSONValue], body: inout JSONObjectReader) -> [PipelineStageDraft] {
        let given: [Double] = items.compactMap { item in
            if case .object(let fields) = item, case .number(let value)? = fields["probability"] { return value }
            return nil
        }
        let fractions = !given.isEmpty && given.allSatisfy { (0...1).contains($0) } && given.contains { $0 != $0.rounded() }
        var drafts: [PipelineStageDraft] = []
        for (index, item) in items.enumerated() {
            let draft: PipelineStageDraft? = body.nested(item, at: "stages[\(index)]") { stage in
                let id = stage.string("id", maxLength: 64)
                // A kept stage (with its id) may leave its name out.
                let name = (id == nil ? stage.requiredString("name", maxLength: PipelineService.maximumStageNameLength * 2)
                    : stage.string("name", maxLength: PipelineService.maximumStageNameLength * 2)) ?? ""
                var kind: PipelineStageKind?
                if let text = stage.string("kind", maxLength: 16) {
                    if let known = PipelineStageKind(rawValue: text) {
                        kind = known
                    } else {
                        stage.fail("kind", "must be one of \(PipelineStageKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                }
                var probability: Int?
                switch stage.any("probability") {
                case nil, .null?: break
                case .number(let value)?:
                    let percent = fractions ? (value * 100).rounded() : value
                    if percent == percent.rounded(), (0...100).contains(percent) {
                        probability = Int(percent)
                    } else {
                        stage.fail("probability", "must be a whole percent from 0 to 100 (or, for every stage, a fraction from 0 to 1)")
                    }
                default: stage.fail("probability", "must be a number: a whole percent from 0 to 100")
                }
                var days: Int?? = nil
                if case .null? = stage.any("stuck_after_days") {
                    days = .some(nil)
                } else if let given = stage.integer("stuck_after_days", in: 1...3650) {
                    days = .some(Int(given))
                }
                return PipelineStageDraft(id: id, name: name, probability: probability, kind: kind, stuckAfterDays: days)
            }
            if let draft { drafts.append(draft) }
        }
        return drafts
    }
}
