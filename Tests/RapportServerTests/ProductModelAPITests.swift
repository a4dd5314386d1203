import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Products' 3D files, the product snippet and its tracked views")
struct ProductModelAPITests {
    /// Uploads `bytes` as the file of `format`, with `contentType`.
    static func put(_ api: APIHarness, _ productID: String, _ format: String, _ bytes: [UInt8], contentType: String, key: String? = nil) async throws -> TestResponse {
        var headers = api.headers(key: key)
        headers[.contentType] = contentType
        return try await api.client.execute(
            uri: "/api/v1/products/\(productID)/models/\(format)", method: .put, headers: headers, body: ByteBuffer(bytes: bytes))
    }

    @Test("a GLB and a USDZ are taken, listed, served to anyone with their type and digest, and named by the snippet's data", arguments: TestDatabase.available)
    func uploadAndServe(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (productID, customerID, orderID) = try await ReviewAPITests.boughtAndDelivered(api)
            let review = try await api.send(.post, "/api/v1/products/\(productID)/reviews", json: """
                {"customer_id": "\(customerID)", "order_id": "\(orderID)", "rating": 4, "title": "Good", "body": "Soft."}
                """)
            #expect(try await api.send(.post, "/api/v1/reviews/\(try #require(review.object["id"] as? String))/approve").status == .ok)
            let glb = ModelFileSamples.glb()
            let taken = try await Self.put(api, productID, "glb", glb, contentType: "model/gltf-binary")
            #expect(taken.status == .ok, "\(taken.text)")
            #expect(taken.object["object"] as? String == "product_model" && taken.object["format"] as? String == "glb")
            #expect(taken.object["byte_count"] as? Int == glb.count && taken.object["content_type"] as? String == "model/gltf-binary")
            let digest = try #require(taken.object["sha256"] as? String)
            #expect(digest.count == 64)
            let url = try #require(taken.object["url"] as? String)
            #expect(url == "\(APIHarness.publicURL)/media/\(api.workspaceID)/\(productID)/model.glb?v=\(digest.prefix(16))")
            #expect(try await Self.put(api, productID, "usdz", ModelFileSamples.usdz(), contentType: "application/octet-stream").status == .ok)

            let listed = try await api.send(.get, "/api/v1/products/\(productID)/models")
            #expect((listed.object["data"] as? [[String: Any]])?.compactMap { $0["format"] as? String } == ["glb", "usdz"])

            // Anyone may fetch the file: the bytes as uploaded, its type, its digest as ETag.
            let path = String(url.dropFirst(APIHarness.publicURL.count))
            let file = try await api.client.execute(uri: path, method: .get)
            #expect(file.status == .ok && Array(file.body.readableBytesView) == glb)
            #expect(file.headers[.contentType] == "model/gltf-binary" && file.headers[.accessControlAllowOrigin] == "*")
            #expect(file.headers[.eTag] == "\"\(digest)\"" && file.headers[.cacheControl] == "public, max-age=86400")
            let bare = try await api.client.execute(uri: "/media/\(api.workspaceID)/\(productID)/model.glb", method: .get)
            #expect(bare.headers[.cacheControl] == "public, max-age=300", "an address without the current digest is cached briefly")
            #expect(Array(bare.body.readableBytesView) == glb)
            for uri in [path, "/media/\(api.workspaceID)/\(productID)/model.glb"] {
                let unchanged = try await api.client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: "\"other\", \"\(digest)\""])
                #expect(unchanged.status == .notModified && unchanged.body.readableBytes == 0 && unchanged.headers[.eTag] == "\"\(digest)\"")
            }
            let usdz = try await api.client.execute(uri: "/media/\(api.workspaceID)/\(productID)/model.usdz", method: .get)
            #expect(usdz.headers[.contentType] == "model/vnd.usdz+zip" && Array(usdz.body.readableBytesView) == ModelFileSamples.usdz())

            // The snippet's data names the files, the page and the shop's own id; the shop's id
            // (here the SKU the product was created with) finds the same product.
            for name in [productID, "LIN-1"] {
                let data = try await api.send(.get, "/reviews/\(api.workspaceID)/\(name)/data", key: "")
                #expect(data.status == .ok)
                #expect(data.object["product_ref"] as? String == "LIN-1")
                #expect(data.object["url"] as? String == "\(APIHarness.publicURL)/reviews/\(api.workspaceID)/\(productID)")
                let models = try #require(data.object["models"] as? [[String: Any]])
                #expect(models.compactMap { $0["format"] as? String } == ["glb", "usdz"] && models.first?["url"] as? String == url)
                let markup = try #require(data.object["json_ld"] as? [String: Any])
                #expect(markup["@type"] as? String == "Product" && markup["@context"] as? String == "https://schema.org")
                let rating = try #require(markup["aggregateRating"] as? [String: Any], "the keys are schema.org's, not snake_cased: \(markup.keys.sorted())")
                #expect(rating["ratingValue"] as? Double == 4 && rating["reviewCount"] as? Int == 1)
            }
            // A shop's id with characters an address must encode (Shopify's), as the snippet sends it.
            let shopify = try await api.send(.post, "/api/v1/products", json: """
                {"title": "Wool hat", "source": "shopify", "external_id": "gid://shopify/Product/42", "price": 2500, "currency": "EUR"}
                """)
            let hat = try await api.send(.get, "/reviews/\(api.workspaceID)/gid%3A%2F%2Fshopify%2FProduct%2F42/data", key: "")
            #expect(hat.status == .ok && hat.object["product_ref"] as? String == "gid://shopify/Product/42")
            #expect(hat.object["url"] as? String == "\(APIHarness.publicURL)/reviews/\(api.workspaceID)/\(try #require(shopify.object["id"] as? String))")
            #expect((hat.object["models"] as? [Any])?.isEmpty == true && hat.object["review_count"] as? Int == 0)
            #expect(try await api.send(.get, "/reviews/\(api.workspaceID)/gid%3A%2F%2Fshopify%2FProduct%2F43/data", key: "").status == .notFound)
            let script = try await api.client.execute(uri: "/product.js", method: .get)
            #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("scene-viewer") && script.text.contains("AR Viewed"))

            // A new upload replaces the file; removing it leaves nothing to serve.
            let replaced = try await Self.put(api, productID, "glb", ModelFileSamples.glb(json: #"{"asset":{"version":"2.0","generator":"test"}}"#), contentType: "model/gltf-binary")
            #expect(replaced.object["sha256"] as? String != digest)
            let stale = try await api.client.execute(uri: path, method: .get)
            #expect(stale.status == .ok && Array(stale.body.readableBytesView) != glb && stale.headers[.cacheControl] == "public, max-age=300",
                    "the old address serves the new file, briefly cached")
            #expect(try await api.client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"\(digest)\""]).status == .ok, "the old digest no longer matches")
            #expect(try await api.send(.delete, "/api/v1/products/\(productID)/models/glb").status == .noContent)
            #expect(try await api.client.execute(uri: "/media/\(api.workspaceID)/\(productID)/model.glb", method: .get).status == .notFound)
            #expect(try await api.send(.delete, "/api/v1/products/\(productID)/models/glb").status == .notFound)
            let audit = try await api.send(.get, "/api/v1/audit_entries?action=product.model_uploaded")
            #expect((audit.object["data"] as? [[String: Any]])?.count == 3)
            #expect((try await api.send(.get, "/api/v1/audit_entries?action=product.model_removed").object["data"] as? [[String: Any]])?.count == 1)

            // An inactive product's files are not served.
            #expect(try await api.send(.post, "/api/v1/products", json: #"{"title": "Linen shirt", "sku": "LIN-1", "price": 4900, "currency": "EUR", "active": false}"#).status == .ok)
            #expect(try await api.client.execute(uri: "/media/\(api.workspaceID)/\(productID)/model.usdz", method: .get).status == .notFound)
        }
    }

    @Test("a wrong type, a damaged or oversized file, an unknown format or product is refused and changes nothing", arguments: TestDatabase.available)
    func badUploads(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (productID, _, _) = try await ReviewAPITests.boughtAndDelivered(api)
            let json = try await Self.put(api, productID, "glb", ModelFileSamples.glb(), contentType: "application/json")
            #expect(json.status == .unsupportedMediaType && json.text.contains("model/gltf-binary"))
            let mislabelled = try await Self.put(api, productID, "usdz", ModelFileSamples.glb(), contentType: "model/vnd.usdz+zip")
            #expect(mislabelled.status == .unprocessableContent && mislabelled.text.contains("not a USDZ package"))
            let compressed = try await Self.put(api, productID, "usdz", ModelFileSamples.usdz(compressed: true), contentType: "model/vnd.usdz+zip")
            #expect(compressed.status == .unprocessableContent && compressed.text.contains("uncompressed"))
            let huge = try await Self.put(api, productID, "glb", ModelFileSamples.glb(extraBytes: ProductModelFile.maximumBytes), contentType: "model/gltf-binary")
            #expect(huge.status == .contentTooLarge && huge.text.contains("15 MiB"))
            #expect(try await Self.put(api, productID, "obj", ModelFileSamples.glb(), contentType: "application/octet-stream").status == .notFound)
            #expect(try await Self.put(api, "prd_missing", "glb", ModelFileSamples.glb(), contentType: "model/gltf-binary").status == .notFound)
            let listed = try await api.send(.get, "/api/v1/products/\(productID)/models")
            #expect((listed.object["data"] as? [[String: Any]])?.isEmpty == true)
            #expect(try await api.client.execute(uri: "/media/\(api.workspaceID)/\(productID)/model.glb", method: .get).status == .notFound)
            #expect(try await api.client.execute(uri: "/media/wsp_missing/\(productID)/model.glb", method: .get).status == .notFound)
        }
    }

    @Test("pages on other origins may send tracking calls (preflight, errors readable), not sign-ups; AR and 3D views count for the product", arguments: TestDatabase.available)
    func trackingFromShopPages(database: TestDatabase) async throws {
        try await APIHarness.run(on: database) { api in
            let (productID, _, _) = try await ReviewAPITests.boughtAndDelivered(api)
            let preflight = try await api.client.execute(
                uri: "/v1/track", method: .options,
                headers: [.origin: "https://shop.test", .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "authorization,content-type"])
            #expect(preflight.status == .noContent && preflight.headers[.accessControlAllowOrigin] == "*")
            #expect(preflight.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
            #expect(preflight.headers[.accessControlAllowCredentials] == nil)
            let refused = try await api.client.execute(uri: "/v1/track", method: .post, headers: [.origin: "https://shop.test"], body: ByteBuffer(string: "{}"))
            #expect(refused.status == .unauthorized && refused.headers[.accessControlAllowOrigin] == "*", "the page can read why")
            let signUp = try await api.client.execute(uri: "/v1/subscribe", method: .options, headers: [.origin: "https://shop.test"])
            #expect(signUp.headers[.accessControlAllowOrigin] == nil && signUp.status.code >= 400)

            let write = try await api.services.keys.create(name: "site", kind: .browser, as: .operator(workspaceID: api.workspaceID)).secret
            var headers = TrackingAPITests.basic(write)
            headers[.origin] = "https://shop.test"
            for (event, id) in [("AR Viewed", "ar-1"), ("3D Viewed", "3d-1")] {
                let sent = try await api.client.execute(uri: "/v1/track", method: .post, headers: headers, body: ByteBuffer(string: """
                    {"userId": "shopper-1", "event": "\(event)", "messageId": "\(id)", "properties": {"product_id": "LIN-1", "format": "glb"}}
                    """))
                #expect(sent.status == .ok && sent.headers[.accessControlAllowOrigin] == "*")
            }
            let interactions = try await api.services.store.read { session in
                try await session.insights.productEvents(
                    workspaceID: api.workspaceID, customerID: nil, since: nil, limit: nil, weights: StoreRecommender.eventWeights)
            }
            #expect(interactions.count == 2 && interactions.allSatisfy { $0.item == productID }, "both views are about the product, for the recommender")

            // A server key sent from a page is refused, whatever it carries; from a server it works.
            let secret = try await api.services.keys.create(name: "backend", kind: .server, as: .operator(workspaceID: api.workspaceID)).secret
            let call = #"{"userId": "shopper-1", "event": "AR Viewed", "messageId": "server-1", "properties": {"product_id": "LIN-1"}}"#
            var fromPage = TrackingAPITests.basic(secret)
            fromPage[.origin] = "https://shop.test"
            let leaked = try await api.client.execute(uri: "/v1/track", method: .post, headers: fromPage, body: ByteBuffer(string: call))
            #expect(leaked.status == .forbidden && leaked.text.contains("revoke it") && leaked.headers[.accessControlAllowOrigin] == "*")
            var sameSite = TrackingAPITests.basic(secret)
            sameSite[HTTPField.Name("Sec-Fetch-Site")!] = "same-origin"
            #expect(try await api.client.execute(uri: "/v1/track", method: .post, headers: sameSite, body: ByteBuffer(string: call)).status == .forbidden)
            let stats = try await api.send(.get, "/api/v1/stats")
            #expect(stats.object["tracked_events"] as? Int == 2, "nothing was stored from the refused calls")
            // Node's fetch (Segment's Node SDK) sends Sec-Fetch-Mode but no Origin and no Sec-Fetch-Site.
            var node = TrackingAPITests.basic(secret)
            node[HTTPField.Name("Sec-Fetch-Mode")!] = "cors"
            node[.userAgent] = "node"
            #expect(try await api.client.execute(uri: "/v1/track", method: .post, headers: node, body: ByteBuffer(string: call)).status == .ok)
        }
    }
}
