import Hummingbird
import RapportCore

/// Reads a deal change from a request body: `title`, `pipeline_id`, `stage` (a stage's id or
/// name; `stage_id` too), `after_id` or `before_id` (the card it goes after or before, in its
/// stage), `status`, `close_reason`, `amount` (minor units), `currency`, `lines`,
/// `expected_close_on`, `owner_id`, `team_id`, `customer_id`, `company_id`, `next_step`; the ids and texts may
/// be null to clear them.
enum DealRequests {
    static func change(of request: Request, context: AuthenticatedRequestContext) async throws -> DealChange {
        var body = try await JSONObjectReader.body(of: request, context: context)
        var change = DealChange()
        // What cannot be cleared refuses null rather than ignoring it.
        for key in ["pipeline_id", "stage", "stage_id", "before_id", "status", "amount", "currency", "lines"] {
            if case .null? = body.any(key) { body.fail(key, "cannot be null") }
        }
        if let title = body.nullableString("title", maxLength: 400) {
            change.title = title
            if title == nil { body.fail("title", "cannot be null: 1 to 200 characters") }
        }
        if let pipeline = body.string("pipeline_id", maxLength: 64) {
            if ResourceID.isValid(pipeline, prefix: .pipeline) { change.pipelineID = pipeline } else { body.fail("pipeline_id", "must be an id (`pip_…`)") }
        }
        let stageName = body.string("stage", maxLength: 120)
        let stageID = body.string("stage_id", maxLength: 64)
        if stageName != nil && stageID != nil && stageName != stageID { body.fail("stage_id", "names another stage than `stage`: give one of them") }
        change.stage = stageName ?? stageID
        let after = body.nullableString("after_id", maxLength: 64)
        let before = body.string("before_id", maxLength: 64)
        switch (after, before) {
        case (nil, nil): break
        case (.some(nil), nil): change.placement = .top
        case (.some(let id?), nil): change.placement = .after(id)
        case (nil, let id?): change.placement = .before(id)
        default: body.fail("before_id", "cannot come with after_id: give one of them")
        }
        if let status = body.string("status", maxLength: 16) {
            change.status = PipelineStageKind(rawValue: status)
            if change.status == nil { body.fail("status", "must be one of \(PipelineStageKind.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        change.amount = body.integer("amount", in: 0...1_000_000_000_000)
        change.currency = body.string("currency", maxLength: 16)
        if let items = body.array("lines") {
            change.lines = items.enumerated().compactMap { index, item in
                body.nested(item, at: "lines[\(index)]") { line in
                    var draft = DealLineDraft()
                    draft.productID = line.string("product_id", maxLength: 64)
                    draft.variantID = line.string("variant_id", maxLength: 64)
                    draft.name = line.string("name", maxLength: 400)
                    draft.quantity = line.integer("quantity", in: 1...1_000_000) ?? 1
                    draft.unitPrice = line.integer("unit_price", in: 0...1_000_000_000_000)
                    return draft
                }
            }
        }
        for key in ["expected_close_on", "next_step", "close_reason"] {
            guard let value = body.nullableString(key, maxLength: 1000) else { continue }
            switch key {
            case "expected_close_on": change.expectedCloseOn = .some(value)
            case "next_step": change.nextStep = .some(value)
            default: change.closeReason = .some(value)
            }
        }
        let assignment = AssignmentFields.read(&body)
        change.ownerID = assignment.ownerID
        change.teamID = assignment.teamID
        change.customerID = assignment.customerID
        change.companyID = AssignmentFields.id("company_id", .company, in: &body)
        try body.finish()
        return change
    }
}
