import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Review import")
struct ReviewImportTests {
    /// Judge.me's export headers, with a row for each thing an import meets (the mug named by
    /// Rapport's id, the shirt by the shop's).
    static func judgeMe(mug: String) -> String {
        """
        title,body,rating,review_date,source,curated,reviewer_name,reviewer_email,product_id,product_handle,reply,reply_date,picture_urls,ip_address,location
        Love it,"Soft, warm and true to size.",5,2024-03-02 10:15:00 UTC,web,ok,Anna Schmidt,anna@example.com,7001,linen-shirt,"Thank you, Anna!",2024-03-03 09:00:00 UTC,https://cdn.judge.me/a1.jpg https://cdn.judge.me/a2.jpg,1.2.3.4,DE
        Meh,Shrank in the wash.,2,2024-04-10,web,spam,Bo,bo@example.com,7001,linen-shirt,,,,,
        Nice mug,Keeps coffee warm.,4,2024-05-01T08:00:00Z,web,not-yet,Maria Gonzalez,maria@example.com,\(mug),,,,,,
        Half,Half a star off.,4.5,2024-05-02,web,ok,Half,half@example.com,7001,linen-shirt,,,,,
        Lost,No such product.,5,2024-05-03,web,ok,Lost,lost@example.com,9999,gone,,,,,
        Nobody,No e-mail.,5,2024-05-04,web,ok,Nobody,,7001,linen-shirt,,,,,
        Pictures,Plain http picture.,5,2024-05-05,web,ok,Pic,pic@example.com,7001,linen-shirt,,,http://cdn.judge.me/p.jpg,,
        """
    }

    static func rows(_ text: String) -> (rows: [ImportRow<ImportedReview>], rejected: [ImportRejection]) {
        let records = CSVReader.records(text)
        let columns = CSVColumns(header: records[0].fields, mapping: [:], aliases: CSVColumns.reviewAliases)
        return CSVImportRows.reviews(Array(records.dropFirst()), columns: columns)
    }

    @Test("a Judge.me export: reviews keep their dates, replies and photos; published ones approved, spam rejected, undecided ones held by the rules; a buyer with a delivered order is verified; a new reviewer is made by e-mail and shown by the name the review was published under; bad rows rejected with their line and reason; a second import adds nothing and sends no events", arguments: TestDatabase.available)
    func judgeMe(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let products = try await services.commerce.upsertProducts([
                ProductInput(source: "shopify", externalID: "7001", title: "Linen shirt", variants: [ProductVariantInput(sku: "LIN-1", price: 4_900, currency: "EUR")]),
                ProductInput(source: "shopify", externalID: "7002", title: "Mug", variants: [ProductVariantInput(sku: "MUG-1", price: 1_200, currency: "EUR")]),
            ], as: actor)
            let (shirt, mug) = (products[0].product.id, products[1].product.id)
            // Anna bought the shirt and has it.
            let annaOrder = try await services.commerce.upsertOrders([OrderInput(
                customer: CustomerInput(identities: [IdentityInput(kind: "email", value: "anna@example.com")], firstName: "Anna", lastName: "Schmidt"),
                number: "A-1", source: "shop", status: .paid, currency: "eur", lines: [OrderLineInput(sku: "LIN-1", title: "Linen shirt", quantity: 1, unitPrice: 4_900)])],
                as: actor)[0].order
            _ = try await services.commerce.changeStatus(orderID: annaOrder.id, to: .fulfilled, as: actor)
            _ = try await services.commerce.changeStatus(orderID: annaOrder.id, to: .delivered, as: actor)

            let parsed = Self.rows(Self.judgeMe(mug: mug))
            #expect(parsed.rejected.map(\.line) == [5, 7], "\(parsed.rejected)")
            #expect(parsed.rejected.first?.reason.contains("4.5") == true)
            #expect(parsed.rejected.last?.reason.contains("no reviewer e-mail") == true)
            let rows = parsed.rows

            let summary = try await services.reviews.importReviews(rows, source: "shopify", as: actor)
            #expect(summary.created == 3, "\(summary)")
            #expect(summary.rejected.count == 2)
            #expect(summary.rejected.contains { $0.line == 6 && $0.reason == "no product with the shop's id 9999 in the catalog" }, "\(summary.rejected)")
            #expect(summary.rejected.contains { $0.line == 8 && $0.reason.hasPrefix("photos[0].url:") }, "\(summary.rejected)")

            let emails = try await services.customers.list(page: try PageRequest(limit: 100), as: actor).items
                .flatMap(\.identities).filter { $0.kind == .email }.map(\.value)
            #expect(Set(emails) == ["anna@example.com", "bo@example.com", "maria@example.com"], "nobody is made for a review not written: \(emails)")

            let all = try await services.reviews.queue(status: nil, page: try PageRequest(), as: actor).items
            let anna = try #require(all.first { $0.title == "Love it" })
            #expect(anna.productID == shirt && anna.status == .approved && anna.verified && anna.orderID == annaOrder.id)
            #expect(anna.source == "csv" && anna.createdAt == Timestamp.parse("2024-03-02T10:15:00Z"))
            #expect(anna.reply == "Thank you, Anna!" && anna.repliedAt == Timestamp.parse("2024-03-03T09:00:00Z"))
            #expect(anna.photos.map(\.url) == ["https://cdn.judge.me/a1.jpg", "https://cdn.judge.me/a2.jpg"])
            let bo = try #require(all.first { $0.title == "Meh" })
            #expect(bo.status == .rejected && bo.rejectionReason == ReviewService.hiddenBeforeReason && !bo.verified)
            let maria = try #require(all.first { $0.title == "Nice mug" })
            #expect(maria.productID == mug && maria.status == .pending && maria.authorName == "Maria Gonzalez")
            #expect(all.map(\.id) == all.sorted { $0.createdAt > $1.createdAt }.map(\.id), "ids in the order the reviews were written")

            _ = try await services.reviews.approve(id: maria.id, as: actor)
            let page = try await services.reviews.publicReviews(workspaceID: services.workspaceID, productID: mug)
            #expect(page.authors[maria.customerID] == "Maria G.", "a reviewer without a name on the profile shows as published")
            let customer = try await services.customers.view(id: maria.customerID, as: actor).customer
            #expect(customer.profile.firstName == nil, "the import names no one on their profile")
            let timeline = try await services.customers.timeline(customerID: anna.customerID, page: try PageRequest(limit: 100), as: actor).items
            #expect(!timeline.contains { $0.summary == ReviewService.reviewedEvent }, "history sends no events")

            let again = try await services.reviews.importReviews(rows, source: "shopify", as: actor)
            #expect(again.created == 0)
            #expect(again.rejected.filter { $0.reason == "the customer has a review of this product already" }.count == 3)
            #expect(try await services.reviews.queue(status: nil, page: try PageRequest(), as: actor).items.count == 3)

            // A NUL (which PostgreSQL cannot store) rejects its row, and only its row.
            let mixed = try await services.reviews.importReviews(
                Self.rows("email,sku,rating,body,reviewer_name\nnul@example.com,LIN-1,5,Nul\u{0}here,N\nok@example.com,LIN-1,4,Fine,\"Ok\u{7}\"\nfine@example.com,LIN-1,4,Fine,F").rows,
                source: "shopify", as: actor)
            #expect(mixed.created == 1 && mixed.rejected.map(\.line) == [2, 3], "\(mixed)")
            #expect(mixed.rejected.first?.reason == "body: must not hold control characters")

            let bySKU = try await services.reviews.importReviews(
                Self.rows("email,sku,rating,body\nsku@example.com,LIN-1,5,Found by SKU").rows, source: "shopify", as: actor)
            #expect(bySKU.created == 1 && bySKU.rejected.isEmpty)
            #expect(try await services.reviews.queue(status: nil, page: try PageRequest(), as: actor).items.first { $0.body == "Found by SKU" }?.productID == shirt)
            let known = try await services.customers.list(page: try PageRequest(limit: 100), as: actor).items.flatMap(\.identities).map(\.value)
            #expect(!known.contains("nul@example.com") && !known.contains("ok@example.com"), "nobody made for a rejected row")
        }
    }

    @Test("the names review platforms export are read: Okendo's and Yotpo's headers, stars as 5 or 5.0, published as yes and no")
    func headers() throws {
        let id = ResourceID.make(.product, at: Date())
        let okendo = Self.rows("""
            name,body,handle,productId,rating,sku,dateCreated,email,imageUrls,title,reply
            Ola,Great,shirt,\(id),5.0,LIN-1,2024-01-01,ola@example.com,https://cdn.okendo.io/1.jpg,Great,
            """)
        #expect(okendo.rejected.isEmpty, "\(okendo.rejected)")
        let row = try #require(okendo.rows.first?.input)
        #expect(row.product == .id(id) && row.rating == 5 && row.authorName == "Ola")
        #expect(row.photos == [ReviewPhoto(url: "https://cdn.okendo.io/1.jpg")] && row.writtenAt == Timestamp.parse("2024-01-01T00:00:00Z"))
        let yotpo = Self.rows("""
            Review Title,Review Content,Review Score,Date,Product ID,Display Name,Email,Published,Comment Content
            Fine,Does the job,3,2023-12-24,8001,Jo,jo@example.com,false,Sorry to hear that
            Odd,Odd,3,2023-12-24,8001,Jo,jo2@example.com,maybe,
            """)
        #expect(yotpo.rows.count == 1 && yotpo.rows[0].input.published == false && yotpo.rows[0].input.reply == "Sorry to hear that")
        #expect(yotpo.rows[0].input.product == .external("8001"))
        #expect(yotpo.rejected.map(\.reason) == ["published 'maybe' is neither yes nor no"])
    }
}
