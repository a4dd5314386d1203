import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/lead_scoring`: the rules (`rules`, read by everyone who sees sales, changed by
/// admins, managers and marketers), the hot score (`settings`), and a lead's score with the
/// facts behind it (`/api/v1/leads/{id}/score`).
struct LeadScoringRoutes {
    let scoring: LeadScoringService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("lead_scoring/rules", requiring: .viewSales) { _, context in
            let rules = try await scoring.rules(as: context.actor)
            return try JSONResponse.make(ListResponse(data: rules.map(LeadScoringRuleResponse.init), hasMore: false, lastID: nil))
        }
        group.post("lead_scoring/rules", requiring: .manageLeadScoring) { request, context in
            let change = try await LeadScoringRequests.rule(of: request, context: context)
            return try JSONResponse.make(LeadScoringRuleResponse(try await scoring.createRule(change, as: context.actor)), status: .created)
        }
        group.patch("lead_scoring/rules/:id", requiring: .manageLeadScoring) { request, context in
            let id = try PathID.require(context, .leadScoringRule, "lead scoring rule")
            let change = try await LeadScoringRequests.rule(of: request, context: context)
            return try JSONResponse.make(LeadScoringRuleResponse(try await scoring.updateRule(id: id, change, as: context.actor)))
        }
        group.delete("lead_scoring/rules/:id", requiring: .manageLeadScoring) { _, context in
            try await scoring.deleteRule(id: try PathID.require(context, .leadScoringRule, "lead scoring rule"), as: context.actor)
            return Response(status: .noContent)
        }
        group.get("lead_scoring/settings", requiring: .viewSales) { _, context in
            try JSONResponse.make(LeadScoringSettingsResponse(try await scoring.settings(as: context.actor)))
        }
        group.put("lead_scoring/settings", requiring: .manageLeadScoring) { request, context in
            let hotScore = try await LeadScoringRequests.hotScore(of: request, context: context)
            return try JSONResponse.make(LeadScoringSettingsResponse(try await scoring.saveSettings(hotScore: hotScore, as: context.actor)))
        }
        group.get("leads/:id/score", requiring: .viewSales) { _, context in
            try JSONResponse.make(LeadScoreResponse(try await scoring.score(leadID: try PathID.require(context, .lead, "lead"), as: context.actor)))
        }
    }
}
