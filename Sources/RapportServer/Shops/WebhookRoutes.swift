import Foundation
import HTTPTypes
import Hummingbird
import RapportChannels
import RapportCore

/// `/webhooks/shopify/{source_id}` and `/webhooks/woocommerce/{source_id}`: the signature is
/// checked over the raw body before anything is decoded; a delivery is applied once.
struct WebhookRoutes {
    let sources: SourceService

    func register(on router: RouterGroup<RapportRequestContext>) {
        router.post(RouterPath(SiteURL.route("source_id") { .shopWebhook(kind: .shopify, sourceID: $0) })) { request, context in
            try await receive(request, context: context, kind: .shopify)
        }
        router.post(RouterPath(SiteURL.route("source_id") { .shopWebhook(kind: .woocommerce, sourceID: $0) })) { request, context in
            try await receive(request, context: context, kind: .woocommerce)
        }
    }

    private struct Headers {
        let signature: HTTPField.Name
        let topic: HTTPField.Name
        let delivery: HTTPField.Name
    }

    private func headers(_ kind: SourceKind) -> Headers {
        switch kind {
        case .shopify:
            Headers(signature: HTTPField.Name("X-Shopify-Hmac-Sha256")!, topic: HTTPField.Name("X-Shopify-Topic")!,
                    delivery: HTTPField.Name("X-Shopify-Webhook-Id")!)
        case .woocommerce:
            Headers(signature: HTTPField.Name("X-WC-Webhook-Signature")!, topic: HTTPField.Name("X-WC-Webhook-Topic")!,
                    delivery: HTTPField.Name("X-WC-Webhook-Delivery-ID")!)
        }
    }

    @Sendable func receive(_ request: Request, context: RapportRequestContext, kind: SourceKind) async throws -> Response {
        let sourceID = try context.parameters.require("source_id")
        guard ResourceID.isValid(sourceID, prefix: .source), let source = try await sources.source(id: sourceID), source.kind == kind
        else {
            throw RapportError.notFound("No \(kind.rawValue) source with id \(sourceID.prefix(64)); create one with `rapport sources add \(kind.rawValue)`.")
        }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let names = headers(kind)
        guard let signature = request.headers[names.signature],
            WebhookSignature.isValidBase64HMACSHA256(signature, body: body.readableBytesView, secret: source.secret)
        else {
            throw RapportError.unauthorized("The \(names.signature.rawName) signature does not match this source's secret.")
        }
        // WooCommerce pings a new webhook with a form body (`webhook_id=…`) before any topic.
        guard let topic = request.headers[names.topic] else {
            if kind == .woocommerce, body.readableBytesView.first != UInt8(ascii: "{") { return Self.answer(duplicate: false) }
            throw RapportError.invalid(field: names.topic.rawName, "is required")
        }
        let payload = try JSONObjectReader.object(from: Array(body.readableBytesView))
        let event = switch kind {
        case .shopify: ShopifyWebhook.event(topic: topic, payload: payload)
        case .woocommerce: WooCommerceWebhook.event(topic: topic, payload: payload)
        }
        let applied = try await sources.receive(event, from: source, deliveryID: request.headers[names.delivery])
        context.logger.info("webhook", metadata: ["source": .string(source.id), "topic": .string(topic), "duplicate": .stringConvertible(!applied)])
        return Self.answer(duplicate: !applied)
    }

    private static func answer(duplicate: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(
            status: .ok, headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: "{\"duplicate\":\(duplicate),\"received\":true}")))
    }
}
