import Foundation
import Hummingbird
import RapportCore

/// Reads Segment-format tracking calls. Unknown fields are allowed, as Segment allows them:
/// SDKs send `integrations`, `_metadata`, `sentAt` and more that Rapport has no use for.
enum TrackingRequests {
    /// Segment's limit for one batch request.
    static let maximumBatchBytes = 500 * 1024

    /// The body's bytes, decompressed when sent with `Content-Encoding: gzip`, at most `limit`.
    static func body(of request: Request, context: some RequestContext, limit: Int) async throws -> [UInt8] {
        if let type = request.headers[.contentType] {
            let mediaType = MediaType.essence(of: type)
            guard mediaType == "application/json" || mediaType == "text/plain" else { throw BodyError.unsupportedMediaType(type) }
        }
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let sizeMessage = limit == maximumBatchBytes
            ? "A batch may be at most 500 KB; send fewer calls per request."
            : "One call may be at most 32 KB."
        switch request.headers[.contentEncoding]?.lowercased() {
        case nil, "identity":
            guard buffer.readableBytes <= limit else { throw BodyError.tooLarge(sizeMessage) }
            return Array(buffer.readableBytesView)
        case "gzip", "deflate":
            do {
                return try GzipInflater.inflate(buffer, limit: limit)
            } catch .tooLarge {
                throw BodyError.tooLarge(sizeMessage)
            } catch {
                throw BodyError.corruptEncoding
            }
        case let other?:
            throw BodyError.unsupportedEncoding(other)
        }
    }

    /// Who the visitor was. A browser key's request is the visitor's own: its address and
    /// browser are kept. A server key relays the visitor from the shop's back end as Segment does
    /// (`context.ip`, `context.userAgent`); the rest of a Segment context is left alone.
    static func witness(of request: Request, context: WriteKeyRequestContext, relayed: JSONValue?) -> ConsentWitness {
        context.key.kind == .server
            ? ConsentWitness(
                ipAddress: relayed?["ip"]?.text.map { String($0.prefix(64)) }, userAgent: relayed?["userAgent"]?.text.map { String($0.prefix(512)) })
            : ConsentWitness(ipAddress: ClientAddress.of(request, peerAddress: context.peerAddress), userAgent: request.headers[.userAgent])
    }

    /// One call; `type` is the endpoint's, or for a batch the call's own `type` field.
    static func message(_ fields: [String: JSONValue], type: TrackedEventType?, field: String?) -> Result<TrackingMessage, RapportError> {
        func name(_ key: String) -> String { field.map { "\($0).\(key)" } ?? key }
        var errors: [FieldError] = []
        let resolvedType: TrackedEventType
        if let type {
            resolvedType = type
        } else if case .string(let text)? = fields["type"], let parsed = TrackedEventType(rawValue: text) {
            resolvedType = parsed
        } else {
            let types = TrackedEventType.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(.invalid(field: name("type"), "must be one of \(types)"))
        }
        func id(_ key: String) -> String? {
            switch fields[key] {
            case nil, .null?: return nil
            case .string(let text)?: return text.isEmpty ? nil : text
            case .number(let number)? where number == number.rounded() && abs(number) < 1e15: return String(Int64(number))
            default:
                errors.append(FieldError(field: name(key), message: "must be a string"))
                return nil
            }
        }
        func text(_ key: String) -> String? {
            switch fields[key] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            default:
                errors.append(FieldError(field: name(key), message: "must be a string"))
                return nil
            }
        }
        func object(_ key: String) -> [String: JSONValue] {
            switch fields[key] {
            case nil, .null?: return [:]
            case .object(let value)?: return value
            default:
                errors.append(FieldError(field: name(key), message: "must be an object"))
                return [:]
            }
        }
        var timestamp: Date?
        for key in ["timestamp", "originalTimestamp"] {
            guard let value = text(key) else { continue }
            guard let date = Timestamp.parse(value) else {
                errors.append(FieldError(field: name(key), message: "must be an ISO 8601 date-time"))
                break
            }
            timestamp = date
            break
        }
        let usesTraits = resolvedType == .identify || resolvedType == .group
        var properties = object(usesTraits ? "traits" : "properties")
        let context = object("context")
        if resolvedType == .identify, properties.isEmpty, case .object(let traits)? = context["traits"] {
            properties = traits
        }
        let message = TrackingMessage(
            type: resolvedType, messageID: id("messageId"), anonymousID: id("anonymousId"), userID: id("userId"),
            event: text("event"), name: text("name"), properties: properties, context: context,
            previousID: id("previousId"), groupID: id("groupId"), timestamp: timestamp)
        return errors.isEmpty ? .success(message) : .failure(.invalid(errors))
    }
}
