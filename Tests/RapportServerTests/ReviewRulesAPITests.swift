import Foundation
import HTTPTypes
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing

/// The moderation rules through the API: reviews that approve themselves, and those held for a
/// person with the reason the queue shows.
@Suite("Review moderation rules API")
struct ReviewRulesAPITests {
    /// A delivered order of `sku` by a new customer: their customer id and the order's id.
    static func delivered(_ api: APIHarness, _ email: String, sku: String, number: String) async throws -> (String, String) {
        let order = try await api.send(.post, "/api/v1/orders", json: """
            {"number": "\(number)", "currency": "EUR", "status": "paid", "customer": {"email": "\(email)"},
             "lines": [{"sku": "\(sku)", "title": "Linen shirt", "quantity": 1, "unit_price": 4900}]}
            """)
        let orderID = try #require(order.object["id"] as? String)
        for status in ["fulfilled", "delivered"] {
            #expect(try await api.send(.patch, "/api/v1/orders/\(orderID)", json: #"{"status": "\#(status)"}"#).status == .ok)
        }
        return (try #require(order.object["customer_id"] as? String), orderID)
    }

    @Test("with the rules on, a verified 5-star review shows at once; fewer stars, no verified order, a link or a flagged word wait with the reason", arguments: TestDatabase.available)
    func rules(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let defaults = try await api.send(.get, "/api/v1/reviews/settings")
            #expect(defaults.status == .ok && defaults.object["auto_approve"] as? Bool == false && defaults.object["minimum_rating"] as? Int == 4)
            for bad in [#"{"minimum_rating": 6}"#, #"{"flagged_words": [1]}"#, #"{"flagged_words": "scam"}"#, #"{"auto_approve": true, "approve_all": true}"#] {
                let refused = try await api.send(.put, "/api/v1/reviews/settings", json: bad)
                #expect(refused.status == .unprocessableContent, "\(bad) is refused")
            }
            #expect(try await api.send(.get, "/api/v1/reviews/settings").object["auto_approve"] as? Bool == false, "nothing saved")
            let saved = try await api.send(.put, "/api/v1/reviews/settings", json: """
                {"auto_approve": true, "minimum_rating": 4, "flagged_words": ["scam", " Fake product ", "scam"]}
                """)
            #expect(saved.status == .ok && saved.object["flagged_words"] as? [String] == ["scam", "Fake product"])
            #expect(saved.object["verified_only"] as? Bool == true && saved.object["hold_links"] as? Bool == true, "left out, the defaults")
            #expect(saved.object["hold_photos"] as? Bool == true)
            let noPhotoHold = try await api.send(.put, "/api/v1/reviews/settings", json: #"{"auto_approve": true, "hold_photos": false, "flagged_words": ["scam", "Fake product"]}"#)
            #expect(noPhotoHold.object["hold_photos"] as? Bool == false)
            #expect(try await api.send(.get, "/api/v1/reviews/settings").object["hold_photos"] as? Bool == false, "saved and read back")
            _ = try await api.send(.put, "/api/v1/reviews/settings", json: #"{"auto_approve": true, "minimum_rating": 4, "flagged_words": ["scam", "Fake product"]}"#)

            let product = try await api.send(.post, "/api/v1/products", json: #"{"title": "Linen shirt", "sku": "LIN-1", "price": 4900, "currency": "EUR"}"#)
            let productID = try #require(product.object["id"] as? String)
            let cases: [(rating: Int, verified: Bool, body: String, status: String, held: String?)] = [
                (5, true, "Soft and well made.", "approved", nil),
                (3, true, "Fine.", "pending", "3 of 5 stars, below the 4 that approve by themselves"),
                (5, false, "Looks great in the photos.", "pending", "not by a verified buyer"),
                (5, true, "Half the price at www.example.test", "pending", "contains a link"),
                (5, true, "Honestly a fake   PRODUCT.", "pending", "contains the flagged word “Fake product”"),
            ]
            var reviewIDs: [String] = []
            for (index, item) in cases.enumerated() {
                let (customerID, orderID) = try await Self.delivered(api, "buyer\(index)@example.com", sku: "LIN-1", number: "R-\(index)")
                let order = item.verified ? #", "order_id": "\#(orderID)""# : ""
                let review = try await api.send(.post, "/api/v1/products/\(productID)/reviews", json: """
                    {"customer_id": "\(customerID)"\(order), "rating": \(item.rating), "body": "\(item.body)"}
                    """)
                #expect(review.status == .created && review.object["status"] as? String == item.status, "review \(index) is \(item.status)")
                reviewIDs.append(try #require(review.object["id"] as? String))
                #expect(review.object["hold_reason"] as? String == item.held, "review \(index) is held for: \(item.held ?? "nothing")")
                if item.status == "approved" { #expect(review.object["moderated_by"] as? String == "rule:auto_approve") }
            }
            let figures = try await api.send(.get, "/api/v1/products/\(productID)/reviews")
            #expect((figures.object["rating"] as? [String: Any])?["review_count"] as? Int == 1, "the approved one counts at once")
            let queue = try await api.send(.get, "/api/v1/reviews?status=pending")
            #expect((queue.object["data"] as? [[String: Any]])?.count == 4)
            let audit = try await api.services.audit.entries(
                filter: AuditFilter(action: AuditAction.reviewSettingsChanged.rawValue), page: try PageRequest(), as: .operator(workspaceID: api.workspaceID))
            #expect(audit.items.count == 3, "each change of the rules is audited")
            #expect(audit.items.map { $0.details["hold_photos"] }.sorted { ($0 ?? "") < ($1 ?? "") } == ["false", "true", "true"])

            // Seller reputation on insights: the approved reviews of the range, answered or not.
            #expect(try await api.send(.post, "/api/v1/reviews/\(reviewIDs[1])/approve").status == .ok)
            api.clock.advance(by: 7_200)
            #expect(try await api.send(.post, "/api/v1/reviews/\(reviewIDs[0])/reply", json: #"{"body": "Thank you!"}"#).status == .ok)
            let metrics = try await api.send(.get, "/api/v1/insights/metrics")
            let reputation = try #require(metrics.object["seller_reputation"] as? [String: Any])
            #expect(reputation["reviews"] as? Int == 2 && reputation["average_rating"] as? Double == 4 && reputation["positive_share"] as? Double == 0.5)
            #expect(reputation["negative_share"] as? Double == 0 && reputation["replied_share"] as? Double == 0.5)
            let replyTime = try #require(reputation["reply_time_median"] as? Double)
            #expect(replyTime >= 7_200 && replyTime < 7_300, "two hours from the review to the shop's reply (\(replyTime) s)")
            #expect(reputation["all_time_reviews"] as? Int == 2 && reputation["all_time_average_rating"] as? Double == 4)
            let segment = try await api.send(.get, "/api/v1/insights/metrics?tag=vip")
            #expect(segment.object["seller_reputation"] is NSNull, "a segment's figures have no reputation: reviews are the store's")
            _ = try await WebWorkspaceTests.user(api, .marketer)
            let marketer = try await WebWorkspaceTests.signIn(api, "marketer@shop.test")
            let page = try await WebWorkspaceTests.get(api, "/insights", cookie: marketer.cookie)
            #expect(page.text.contains("<span class=\"figure\">4.0</span> average rating <small>(2 approved reviews;"))
            #expect(page.text.contains("<span class=\"figure\">50.0%</span> answered by the shop <small>(median 2 h 0 min to the reply)"))
        }
    }
}
