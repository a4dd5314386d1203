import Foundation
import Hummingbird
import HTTPTypes
import RapportCore

/// The two doors of a campaign message that anyone holding it opens: the click redirect
/// (`/c/{send_id}/{signature}?u=target`, a 302 to the signed target, counted) and the open
/// pixel (`/o/{send_id}/{signature}`, a transparent GIF, counted). A signature that does not
/// bind the send (and the target) is a 404, so the redirect is never an open one. A count that
/// cannot be written is logged and the customer still reaches the shop.
struct CampaignTrackingRoutes {
    let engagement: CampaignEngagementService

    /// The smallest transparent GIF: 1 × 1, one transparent colour.
    static let pixel: [UInt8] = [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x21, 0xF9, 0x04,
        0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ]

    func register(on group: RouterGroup<RapportRequestContext>) {
        group.get(RouterPath(SiteURL.campaignClickRoute), use: click)
        group.get(RouterPath(SiteURL.campaignOpenRoute), use: open)
        group.get(RouterPath(SiteURL.campaignTextClickRoute), use: textClick)
    }

    @Sendable func click(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let sendID = try context.parameters.require("send_id")
        let target = try engagement.clickTarget(
            sendID: sendID, signature: try context.parameters.require("signature"), target: request.uri.queryParameters["u"].map(String.init) ?? "")
        await count(.click, sendID: sendID, context: context)
        return Self.redirect(to: target)
    }

    private static func redirect(to target: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = target
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return Response(status: .found, headers: headers)
    }

    /// An SMS's short link: the click counted, then a 302 to the campaign's link.
    @Sendable func textClick(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let sendID = try context.parameters.require("send_id")
        let target = try await engagement.textClickTarget(
            sendID: sendID, index: try context.parameters.require("index"), signature: try context.parameters.require("signature"))
        await count(.click, sendID: sendID, context: context)
        return Self.redirect(to: target)
    }

    @Sendable func open(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let sendID = try context.parameters.require("send_id")
        try engagement.checkOpen(sendID: sendID, signature: try context.parameters.require("signature"))
        await count(.open, sendID: sendID, context: context)
        var headers = HTTPFields()
        headers[.contentType] = "image/gif"
        headers[.cacheControl] = "no-store, private"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: Self.pixel)))
    }

    private func count(_ kind: CampaignEngagement, sendID: String, context: RapportRequestContext) async {
        do {
            try await engagement.record(kind, sendID: sendID)
        } catch {
            context.logger.error("A campaign \(kind.rawValue) of \(sendID) was not counted: \(error)")
        }
    }
}
