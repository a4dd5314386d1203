import Foundation
import RapportCore

/// What the customer sidebar and the customer page show: profile, identities, tags and
/// attributes, orders with items and tracking, returns, the timeline, merge suggestions and
/// the merges that can be undone; the lifetime value and product recommendations.
struct CustomerViews: Sendable {
    let customers: CustomerService
    let commerce: CommerceService
    let recommendations: RecommendationService
    let clock: any WallClock

    /// The sidebar beside a conversation: who this is, and their latest orders.
    func sidebar(customerID: String, actor: Actor) async throws -> [String: Any] {
        let view: CustomerView
        do {
            view = try await customers.view(id: customerID, as: actor)
        } catch RapportError.mergedInto(let survivor) {
            return try await sidebar(customerID: survivor, actor: actor)
        } catch RapportError.notFound {
            return ["missing": true]
        }
        let orders = try await commerce.orders(filter: OrderFilter(customerID: view.customer.id), page: try PageRequest(limit: 5), as: actor)
        var values = profile(view.customer)
        values["summary"] = summary(view.commerce)
        values["orders"] = orders.items.map(order)
        values["more_orders"] = orders.hasMore ? true : nil
        return values
    }

    /// The full customer page.
    func page(customerID: String, actor: Actor) async throws -> [String: Any] {
        let view = try await customers.view(id: customerID, as: actor)
        async let orderPage = commerce.orders(filter: OrderFilter(customerID: customerID), page: try PageRequest(limit: 50), as: actor)
        async let returnPage = commerce.returns(customerID: customerID, as: actor)
        async let timelinePage = customers.timeline(customerID: customerID, page: try PageRequest(limit: 50), as: actor)
        async let mergeList = customers.merges(customerID: customerID, as: actor)
        async let suggestionPage = customers.mergeSuggestions(page: try PageRequest(limit: 100), as: actor)
        let (orders, returns, timeline, merges, suggestions) = try await (orderPage, returnPage, timelinePage, mergeList, suggestionPage)
        let now = clock.now()
        var values = profile(view.customer)
        values["summary"] = summary(view.commerce)
        values["orders"] = orders.items.map(order)
        values["returns"] = returns.map { item -> [String: Any] in
            ViewValues.make([
                "id": item.id, "status": item.status.rawValue.replacingOccurrences(of: "_", with: " "), "reason": item.reason,
                "order_id": item.orderID, "items": item.items.reduce(0) { $0 + $1.quantity },
                "refund": item.refundAmount.map { WebFormat.money($0, item.currency) }, "when": WebFormat.day(item.createdAt),
            ])
        }
        values["timeline"] = timeline.items.map { interaction -> [String: Any] in
            ViewValues.make([
                "channel": interaction.channel.rawValue, "direction": interaction.direction.rawValue,
                "kind": interaction.kind.rawValue.replacingOccurrences(of: "_", with: " "),
                "summary": interaction.summary ?? (interaction.isConversationMessage ? "Message (contents visible to the support team)" : nil),
                "when": WebFormat.ago(interaction.occurredAt, now: now), "when_iso": WebFormat.iso(interaction.occurredAt),
            ])
        }
        values["merges"] = merges.filter { $0.undoneAt == nil && $0.survivorID == view.customer.id }.map { record -> [String: Any] in
            [
                "merge_id": record.id, "customer_id": view.customer.id, "merged_name": WebFormat.customerName(snapshot: record.mergedBefore), "merged_id": record.mergedID,
                "when": WebFormat.day(record.createdAt), "reason": record.reason,
            ]
        }
        values["suggestions"] = suggestions.items.filter { $0.customerID == customerID || $0.candidateID == customerID }.map { suggestion -> [String: Any] in
            let other = suggestion.customerID == customerID ? suggestion.candidateID : suggestion.customerID
            return ["customer_id": customerID, "other_id": other, "reason": suggestion.reason, "identity": "\(suggestion.identityKind.rawValue) \(suggestion.identityValue)"]
        }
        values["interaction_count"] = view.interactionCount
        values.merge(try await value(view, actor: actor)) { _, new in new }
        return values
    }

    /// The lifetime forecast (once the daily fit has run) and the products to offer.
    private func value(_ view: CustomerView, actor: Actor) async throws -> [String: Any] {
        var values: [String: Any] = [:]
        if let stored = view.lifetimeValue {
            let money = { (amount: Double) in
                Currency.minorUnits(fromMajor: amount, currency: stored.currency).map { WebFormat.money($0, stored.currency) } ?? ""
            }
            values["lifetime"] = [
                "value": money(stored.forecast.lifetimeValue), "order_value": money(stored.forecast.expectedOrderValue),
                "purchases": String(format: "%.1f", stored.forecast.expectedPurchases),
                "alive": String(format: "%.0f%%", stored.forecast.probabilityAlive * 100), "as_of": WebFormat.day(stored.computedAt),
            ]
        }
        if let scores = view.rfm {
            values["rfm"] = [
                "scores": "R\(scores.recencyScore) F\(scores.frequencyScore) M\(scores.monetaryScore)", "segment": scores.segment.label,
                "segment_value": scores.segment.rawValue,
            ]
        }
        let items = try await recommendations.forCustomer(id: view.customer.id, limit: 6, as: actor)
        values["recommendations"] = await RecommendedProducts.rows(items, commerce: commerce, as: actor)
        return values
    }

    func profile(_ customer: Customer) -> [String: Any] {
        let profile = customer.profile
        return ViewValues.make([
            "id": customer.id, "name": WebFormat.customerName(customer), "initials": WebFormat.initials(WebFormat.customerName(customer)),
            "first_name": profile.firstName, "last_name": profile.lastName, "locale": profile.locale, "timezone": profile.timezone,
            "notes": profile.notes, "since": WebFormat.day(customer.createdAt),
            "identities": customer.identities.map { identity -> [String: Any] in
                ViewValues.make(["kind": identity.kind.rawValue, "value": identity.value, "source": identity.source])
            },
            "tags": profile.tags, "has_tags": profile.tags.isEmpty ? nil : true,
            // Shops send consent as attributes (`accepts_marketing`, `consent_sms`, …) until consent has its own model.
            "consent": profile.attributes.keys.sorted().filter { $0.hasPrefix("accepts_") || $0.hasPrefix("consent_") }.map { key -> [String: Any] in
                ["purpose": key.replacingOccurrences(of: "_", with: " "), "value": WebFormat.attribute(profile.attributes[key])]
            },
            "attributes": profile.attributes.keys.sorted().map { key -> [String: Any] in
                ["key": key, "value": WebFormat.attribute(profile.attributes[key])]
            },
            "addresses": profile.addresses.map { address -> [String: Any] in
                ["text": address.oneLine]
            },
        ])
    }

    func summary(_ summary: CommerceSummary) -> [String: Any] {
        ViewValues.make([
            "orders": summary.orderCount,
            "spent": summary.totalSpent.keys.sorted().map { WebFormat.money(summary.totalSpent[$0] ?? 0, $0) }.joined(separator: " + "),
            "open_returns": summary.openReturns > 0 ? summary.openReturns : nil,
        ])
    }

    func order(_ order: Order) -> [String: Any] {
        ViewValues.make([
            "id": order.id, "number": order.number, "status": order.status.rawValue.replacingOccurrences(of: "_", with: " "),
            "status_class": order.status.rawValue, "total": WebFormat.money(order.totals.total, order.currency),
            "placed": WebFormat.day(order.placedAt),
            "items": order.lines.map { line -> [String: Any] in
                ["title": line.title, "quantity": line.quantity, "price": WebFormat.money(line.total, order.currency)]
            },
            "tracking": order.fulfillments.compactMap { fulfillment -> [String: Any]? in
                guard fulfillment.trackingNumber != nil || fulfillment.trackingURL != nil else { return nil }
                return ViewValues.make([
                    "carrier": fulfillment.carrier ?? "Parcel", "number": fulfillment.trackingNumber ?? "tracking",
                    "url": fulfillment.trackingURL.flatMap(WebFormat.safeLink),
                ])
            },
        ])
    }
}
