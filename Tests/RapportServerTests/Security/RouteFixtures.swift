import Foundation
import RapportCore
import RapportServer
import Testing

/// One of each thing a route can name, made through the API with the admin key, so the route
/// × role matrix calls every route on something that exists.
struct RouteFixtures {
    var customerID: String
    var otherCustomerID: String
    var identityID: String
    var productID: String
    var orderID: String
    var returnID: String
    var sourceID: String
    var webhookID: String
    var segmentID: String
    var campaignID: String
    /// A second draft for the pages' routes, so deleting it from its page leaves the API's.
    var pageCampaignID: String
    var teamID: String
    var inboxID: String
    var conversationID: String
    var userID: String
    var formID: String
    var workspaceID: String

    static func make(_ api: APIHarness) async throws -> RouteFixtures {
        let customer = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"ada@matrix.test"}],"first_name":"Ada"}"#)
        let other = try await api.send(.post, "/api/v1/customers", json: #"{"identities":[{"kind":"email","value":"bo@matrix.test"}]}"#)
        let customerID = try #require(customer.object["id"] as? String)
        let identityID = try #require((customer.object["identities"] as? [[String: Any]])?.first?["id"] as? String)
        let product = try await api.send(.post, "/api/v1/products", json: #"{"external_id":"p-1","title":"Mug","price":1200,"currency":"EUR"}"#)
        let order = try await api.send(.post, "/api/v1/orders", json: """
            {"customer_id":"\(customerID)","number":"M-1","currency":"EUR","status":"delivered",
             "lines":[{"title":"Mug","quantity":2,"unit_price":1200}]}
            """)
        let orderID = try #require(order.object["id"] as? String)
        let lineID = try #require((order.object["lines"] as? [[String: Any]])?.first?["id"] as? String)
        let requested = try await api.send(.post, "/api/v1/returns", json: """
            {"order_id":"\(orderID)","items":[{"line_id":"\(lineID)","quantity":1}],"reason":"too big"}
            """)
        let source = try await api.send(.post, "/api/v1/sources", json: #"{"kind":"shopify","secret":"hush"}"#)
        let webhook = try await api.send(.post, "/api/v1/webhook_endpoints", json: #"{"url":"https://hooks.matrix.test/in","event_types":["customer.created"]}"#)
        let segment = try await api.send(.post, "/api/v1/segments", json: #"{"name":"Matrix","definition":{"field":"tags","op":"contains","value":"vip"}}"#)
        let segmentID = try #require(segment.object["id"] as? String)
        let mail = try await api.services.inboxes.createInbox(
            channel: .email, name: "Matrix mail", settings: ["address": "shop@matrix.test", "smtp_host": "127.0.0.1"],
            as: .operator(workspaceID: api.workspaceID))
        let campaign = try await api.send(.post, "/api/v1/campaigns", json: """
            {"name":"Matrix","channel":"email","inbox_id":"\(mail.id)","segment_id":"\(segmentID)","subject":"Hi","body":"Hello"}
            """)
        let pageCampaign = try await api.send(.post, "/api/v1/campaigns", json: """
            {"name":"Matrix page","channel":"email","inbox_id":"\(mail.id)","segment_id":"\(segmentID)","subject":"Hi","body":"Hello"}
            """)
        let team = try await api.send(.post, "/api/v1/teams", json: #"{"name":"Matrix"}"#)
        let teamID = try #require(team.object["id"] as? String)
        let inbox = try await api.send(.post, "/api/v1/inboxes", json: #"{"channel":"webchat","name":"Chat","team_id":"\#(teamID)","settings":{"identity_secret":"matrix-secret-0123456789abc"}}"#)
        let inboxID = try #require(inbox.object["id"] as? String, "\(inbox.object)")
        let (_, token) = try await api.chatSession(inboxID)
        _ = try await api.chat(.post, "/chat/\(inboxID)/messages", token: token, json: #"{"client_id":"m1","text":"Hello"}"#)
        let conversations = try await api.send(.get, "/api/v1/conversations?inbox_id=\(inboxID)")
        let conversationID = try #require((conversations.object["data"] as? [[String: Any]])?.first?["id"] as? String)
        let (user, _) = try await api.services.users.create(
            email: "someone@matrix.test", name: "Someone", role: .agent, password: "matrix-password-1", teamIDs: [teamID],
            as: .operator(workspaceID: api.workspaceID))
        let form = try await api.send(.post, "/api/v1/forms", json: """
            {"name": "Matrix", "status": "live", "allowed_origins": ["https://shop.matrix.test"],
             "questions": [{"key": "size", "label": "Size", "kind": "text", "attribute": "size"}]}
            """)
        return RouteFixtures(
            customerID: customerID, otherCustomerID: try #require(other.object["id"] as? String), identityID: identityID,
            productID: try #require(product.object["id"] as? String), orderID: orderID,
            returnID: try #require(requested.object["id"] as? String), sourceID: try #require(source.object["id"] as? String),
            webhookID: try #require(webhook.object["id"] as? String), segmentID: segmentID,
            campaignID: try #require(campaign.object["id"] as? String, "\(campaign.object)"),
            pageCampaignID: try #require(pageCampaign.object["id"] as? String, "\(pageCampaign.object)"), teamID: teamID, inboxID: inboxID,
            conversationID: conversationID, userID: user.id, formID: try #require(form.object["id"] as? String, "\(form.object)"),
            workspaceID: api.workspaceID)
    }

    /// The route's path with each parameter replaced by the fixture it names.
    func fill(_ route: String) -> String {
        let resource: String = switch true {
        case route.hasPrefix("/api/v1/customers/"), route.hasPrefix("/customers/"): customerID
        case route.hasPrefix("/api/v1/products/"), route.hasPrefix("/products/"): productID
        case route.hasPrefix("/api/v1/orders/"), route.hasPrefix("/orders/"): orderID
        case route.hasPrefix("/api/v1/returns/"): returnID
        case route.hasPrefix("/api/v1/sources/"): sourceID
        case route.hasPrefix("/api/v1/webhook_endpoints/"): webhookID
        case route.hasPrefix("/api/v1/segments/"), route.hasPrefix("/segments/"): segmentID
        case route.hasPrefix("/api/v1/campaigns/"): campaignID
        case route.hasPrefix("/campaigns/"): pageCampaignID
        case route.hasPrefix("/api/v1/conversations/"), route.hasPrefix("/inbox/"): conversationID
        case route.hasPrefix("/api/v1/agents/"): userID
        case route.hasPrefix("/api/v1/teams/"): teamID
        case route.hasPrefix("/bot/articles/"): "art_01M0000000000000000000000"
        case route.hasPrefix("/api/v1/forms/"), route.hasPrefix("/forms/"): formID
        default: "unknown"
        }
        return route
            .replacingOccurrences(of: "{id}", with: resource)
            .replacingOccurrences(of: "{identity_id}", with: identityID)
            .replacingOccurrences(of: "{customer_id}", with: customerID)
            .replacingOccurrences(of: "{other}", with: otherCustomerID)
            .replacingOccurrences(of: "{tag}", with: "vip")
            .replacingOccurrences(of: "{format}", with: "glb")
            .replacingOccurrences(of: "{key}", with: "plan")
            .replacingOccurrences(of: "{name}", with: route.hasPrefix("/assets/") ? "app.css" : "order_status")
            .replacingOccurrences(of: "{source_id}", with: sourceID)
            .replacingOccurrences(of: "{inbox_id}", with: inboxID)
            .replacingOccurrences(of: "{workspace}", with: workspaceID)
            .replacingOccurrences(of: "{form}", with: formID)
            .replacingOccurrences(of: "{slug}", with: "returns")
            .replacingOccurrences(of: "{survey_id}", with: "svy_01M0000000000000000000000")
            .replacingOccurrences(of: "{signature}", with: "forged")
    }
}
