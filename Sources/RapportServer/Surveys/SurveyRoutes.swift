import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/surveys`: when surveys go (`settings`), one sent now, the surveys sent and their
/// answers, and their figures (`figures?kind=nps`: the score with its response rate and
/// margin of error, per agent, the bot and team).
struct SurveyRoutes {
    let surveys: SurveyService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("surveys/settings") { _, context in
            try JSONResponse.make(SurveySettingsResponse(try await surveys.settings(as: context.actor)))
        }
        group.put("surveys/settings", requiring: .manageSurveys) { request, context in
            let settings = try await Self.settings(of: request, context: context)
            return try JSONResponse.make(SurveySettingsResponse(try await surveys.setSettings(settings, as: context.actor)))
        }
        group.get("surveys/figures", requiring: .viewInsights) { request, context in
            let query = request.uri.queryParameters
            guard let kind = try Self.kind(query.get("kind")) else { throw RapportError.invalid(field: "kind", "is required: nps, csat or ces") }
            let from = try Self.date(query.get("from"), field: "from")
            let to = try Self.date(query.get("to"), field: "to")
            return try JSONResponse.make(SurveyFiguresResponse(try await surveys.figures(kind: kind, from: from, to: to, as: context.actor)))
        }
        group.post("surveys", requiring: .sendSurveys) { request, context in
            var body = try await JSONObjectReader.body(of: request, context: context)
            let customerID = body.requiredString("customer_id", maxLength: 64)
            if let id = customerID, !ResourceID.isValid(id, prefix: .customer) { body.fail("customer_id", "must be a customer id (`cus_…`)") }
            let kindText = body.requiredString("kind", maxLength: 16)
            let kind = kindText.flatMap(SurveyKind.init(rawValue:))
            if kindText != nil && kind == nil { body.fail("kind", "must be one of nps, csat, ces") }
            let inboxID = body.string("inbox_id", maxLength: 64)
            if let id = inboxID, !ResourceID.isValid(id, prefix: .inbox) { body.fail("inbox_id", "must be an inbox id (`inb_…`)") }
            let ignoreQuietPeriod = body.bool("ignore_quiet_period") ?? false
            try body.finish()
            guard let customerID, let kind else { throw RapportError.invalid(field: "kind", "is required") }
            let survey = try await surveys.send(
                customerID: customerID, kind: kind, inboxID: inboxID, ignoreQuietPeriod: ignoreQuietPeriod, as: context.actor)
            return try JSONResponse.make(SurveyResponse(survey), status: .created)
        }
        group.get("surveys") { request, context in
            let query = request.uri.queryParameters
            let customerID = query.get("customer_id").flatMap { $0.isEmpty ? nil : $0 }
            if let id = customerID, !ResourceID.isValid(id, prefix: .customer) {
                throw RapportError.invalid(field: "customer_id", "must be a customer id (`cus_…`)")
            }
            var status: SurveyStatus?
            if let text = query.get("status"), !text.isEmpty {
                guard let known = SurveyStatus(rawValue: text) else { throw RapportError.invalid(field: "status", "must be sent or answered") }
                status = known
            }
            let found = try await surveys.list(
                customerID: customerID, kind: try Self.kind(query.get("kind")), status: status, page: try PageParameters.read(request),
                as: context.actor)
            return try JSONResponse.make(ListResponse(data: found.items.map(SurveyResponse.init), hasMore: found.hasMore, lastID: found.items.last?.id))
        }
        group.get("surveys/:id") { _, context in
            try JSONResponse.make(SurveyResponse(try await surveys.find(id: try PathID.require(context, .survey, "survey"), as: context.actor)))
        }
    }

    /// `?kind=nps|csat|ces`; absent or empty: nil.
    private static func kind(_ text: String?) throws -> SurveyKind? {
        guard let text, !text.isEmpty else { return nil }
        guard let kind = SurveyKind(rawValue: text) else { throw RapportError.invalid(field: "kind", "must be one of nps, csat, ces") }
        return kind
    }

    private static func date(_ text: String?, field: String) throws -> Date? {
        guard let text, !text.isEmpty else { return nil }
        guard let date = Timestamp.parse(text) else {
            throw RapportError.invalid(field: field, "must be an ISO 8601 date-time such as 2026-01-31T09:30:00Z")
        }
        return date
    }

    /// The whole settings; what is left out takes its default.
    private static func settings(of request: Request, context: AuthenticatedRequestContext) async throws -> SurveySettings {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let defaults = SurveySettings.off
        let csat = body.bool("csat_after_conversations") ?? defaults.csatAfterConversations
        let nps = body.integer("nps_after_delivery_days", in: 0...Int64(SurveySettings.maximumDeliveryDays)).map(Int.init)
        let quiet = body.integer("quiet_days", in: 0...Int64(SurveySettings.maximumQuietDays)).map(Int.init) ?? defaults.quietDays
        let followUp = body.bool("follow_up_negative") ?? defaults.followUpNegative
        let team = body.string("follow_up_team_id", maxLength: 64)
        if let id = team, !ResourceID.isValid(id, prefix: .team) { body.fail("follow_up_team_id", "must be a team id (`tea_…`)") }
        try body.finish()
        return SurveySettings(
            csatAfterConversations: csat, npsAfterDeliveryDays: nps, quietDays: quiet, followUpNegative: followUp, followUpTeamID: team)
    }
}
