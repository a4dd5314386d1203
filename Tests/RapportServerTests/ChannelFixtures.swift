import Foundation
import RapportChannels
import Testing

/// The provider payloads in `Fixtures/`, and signing them as the providers do.
enum ChannelFixtures {
    static func text(_ name: String, _ ext: String, in directory: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: directory))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// One named payload of `whatsapp/messages.json` or `statuses.json`, with its message id
    /// (and timestamp) replaced when given: the fixtures share one id.
    static func whatsApp(_ file: String, _ key: String, id: String? = nil, timestamp: Date? = nil) throws -> String {
        let all = try JSONSerialization.jsonObject(with: Data(text(file, "json", in: "whatsapp").utf8)) as? [String: Any]
        var payload = try #require(all?[key] as? [String: Any])
        if id != nil || timestamp != nil {
            var entry = try #require((payload["entry"] as? [[String: Any]])?.first)
            var change = try #require((entry["changes"] as? [[String: Any]])?.first)
            var value = try #require(change["value"] as? [String: Any])
            for listKey in ["messages", "statuses"] {
                guard var list = value[listKey] as? [[String: Any]] else { continue }
                if let id { list[0]["id"] = id }
                if let timestamp { list[0]["timestamp"] = String(Int(timestamp.timeIntervalSince1970)) }
                value[listKey] = list
            }
            change["value"] = value
            entry["changes"] = [change]
            payload["entry"] = [entry]
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: payload), as: UTF8.self)
    }

    static func metaSignature(_ body: String, secret: String) -> String {
        "sha256=" + WebhookSignature.hexHMACSHA256(Data(body.utf8), secret: secret)
    }
}
