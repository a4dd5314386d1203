import Foundation
import RapportCore

/// A small shop's worth of made-up customers, so a first start has something to look at:
/// customers known by e-mail, phone and messaging ids, touchpoints on every channel, one
/// merge done by identity resolution and one suggestion waiting for a person.
public enum DemoData {
    private static let firstNames = ["Anna", "Ben", "Chiara", "Deniz", "Emma", "Felix", "Greta", "Hiro", "Ines", "Jonas",
                                     "Kemal", "Lena", "Marta", "Noah", "Olga", "Paul", "Quinn", "Rosa", "Sami", "Tilda"]
    private static let lastNames = ["Becker", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ivanova",
                                    "Jansen", "Kowalski", "Lindqvist", "Müller", "Novak", "Okafor", "Petrov", "Rossi"]
    private static let kinds: [(InteractionChannel, InteractionDirection, String, String)] = [
        (.web, .inbound, "page_view", "Viewed the running shoes category"),
        (.email, .outbound, "email_sent", "Autumn newsletter"),
        (.email, .inbound, "email_opened", "Opened the autumn newsletter"),
        (.whatsapp, .inbound, "message", "Asked whether size 42 is back in stock"),
        (.phone, .inbound, "call", "Called about a late delivery"),
        (.store, .inbound, "visit", "Picked up an order in the Berlin store"),
        (.instagram, .inbound, "message", "Sent a photo of a damaged parcel"),
    ]

    /// Seeds `count` customers into `workspaceID`; returns how many customers exist afterwards.
    @discardableResult
    public static func seed(customers service: CustomerService, timeline: TimelineService, workspaceID: String, count: Int = 60) async throws -> Int {
        var generator = SeededGenerator(seed: 2026)
        var inputs: [CustomerInput] = []
        for index in 0..<count {
            let first = firstNames[index % firstNames.count]
            let last = lastNames[(index * 7) % lastNames.count]
            let email = "\(first).\(last)\(index)".lowercased().folding(options: .diacriticInsensitive, locale: nil) + "@example.com"
            var identities = [IdentityInput(kind: "email", value: email)]
            if index % 2 == 0 { identities.append(IdentityInput(kind: "phone", value: "+4915\(String(format: "%09d", 100_000 + index))")) }
            if index % 5 == 0 { identities.append(IdentityInput(kind: "external", value: "\(5_000 + index)", source: "shopify")) }
            inputs.append(CustomerInput(
                identities: identities, firstName: first, lastName: last, locale: index % 3 == 0 ? "en-GB" : "de-DE",
                timezone: "Europe/Berlin", tags: index % 4 == 0 ? ["vip"] : ["newsletter"],
                attributes: ["orders_count": .number(Double(index % 9)), "prefers_sms": .boolean(index % 6 == 0)]))
        }
        let outcomes = try await service.upsertMany(inputs, workspaceID: workspaceID, actor: "system:demo")
        for outcome in outcomes {
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let (channel, direction, kind, summary) = kinds[Int.random(in: 0..<kinds.count, using: &generator)]
                _ = try await timeline.record(
                    InteractionInput(
                        channel: channel.rawValue, direction: direction.rawValue, kind: kind, summary: summary,
                        occurredAt: Date().addingTimeInterval(-Double(Int.random(in: 3600...(90 * 86400), using: &generator)))),
                    customerID: outcome.customer.id, workspaceID: workspaceID)
            }
        }
        // A shop account created without an e-mail, later named together with a known
        // e-mail: both are trusted identities, so the two customers are merged.
        _ = try await service.upsert(
            CustomerInput(identities: [IdentityInput(kind: "external", value: "9001", source: "shopify")], firstName: "Chiara"),
            workspaceID: workspaceID, actor: "system:demo")
        _ = try await service.upsert(
            CustomerInput(identities: [IdentityInput(kind: "email", value: "chiara.petrov2@example.com"),
                                       IdentityInput(kind: "external", value: "9001", source: "shopify")]),
            workspaceID: workspaceID, actor: "system:demo")
        // A Messenger contact named together with a known e-mail: a suggestion for a person.
        _ = try await service.upsert(
            CustomerInput(identities: [IdentityInput(kind: "messenger", value: "7712001")], firstName: "Ben"),
            workspaceID: workspaceID, actor: "system:demo")
        _ = try await service.upsert(
            CustomerInput(identities: [IdentityInput(kind: "email", value: "ben.ivanova1@example.com"),
                                       IdentityInput(kind: "messenger", value: "7712001")]),
            workspaceID: workspaceID, actor: "system:demo")
        return count + 1
    }
}
