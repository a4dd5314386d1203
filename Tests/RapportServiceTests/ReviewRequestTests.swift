import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Review requests")
struct ReviewRequestTests {
    /// A delivered order of the customer with `email` holding a mug and a cup (both in the
    /// catalog) and a line of no product; the customer's marketing consent when `consenting`.
    static func deliveredOrder(
        _ number: String, email: String, services: Services, actor: Actor, consenting: Bool = true, deliver: Bool = true
    ) async throws -> Order {
        _ = try await services.commerce.upsertProducts(
            [("MUG-1", "Stoneware mug"), ("CUP-1", "Espresso cup")].map {
                ProductInput(externalID: $0.0, title: $0.1, variants: [ProductVariantInput(sku: $0.0, price: 1_000, currency: "EUR")])
            }, as: actor)
        let input = OrderInput(
            customer: CustomerInput(identities: [IdentityInput(kind: "email", value: email)], firstName: "Ana"),
            number: number, source: "shop", status: .paid, currency: "eur",
            lines: [
                OrderLineInput(sku: "MUG-1", title: "Mug", quantity: 1, unitPrice: 1_000),
                OrderLineInput(sku: "CUP-1", title: "Cup", quantity: 2, unitPrice: 500),
                OrderLineInput(title: "Gift wrap", quantity: 1, unitPrice: 200),
            ])
        let order = try await services.commerce.upsertOrders([input], as: actor)[0].order
        if consenting {
            _ = try await services.consents.record(
                ConsentInput(purpose: "marketing", channel: "email", status: "granted", source: "form"), customerID: order.customerID,
                witness: ConsentWitness(), as: actor)
        }
        guard deliver else { return order }
        _ = try await services.commerce.changeStatus(orderID: order.id, to: .fulfilled, as: actor)
        return try await services.commerce.changeStatus(orderID: order.id, to: .delivered, as: actor)
    }

    /// The review link in a message, as its parts.
    static func link(in text: String) -> (link: ReviewRequestLink, signature: String)? {
        guard let match = text.firstMatch(of: #/https://r\.test/review/([a-z]+_[A-Za-z0-9]+)/(ord_[A-Za-z0-9]+)/([0-9]+)/([A-Za-z0-9_-]+)/#) else { return nil }
        return (ReviewRequestLink(workspaceID: String(match.1), orderID: String(match.2), expires: String(match.3)), String(match.4))
    }

    /// How many of the customer's timeline entries are the event.
    static func count(_ event: String, customerID: String, services: Services, actor: Actor) async throws -> Int {
        try await services.customers.timeline(customerID: customerID, page: try PageRequest(limit: 100), as: actor).items.count { $0.summary == event }
    }

    @Test("the built-in post-purchase journey asks each delivered order's customer to review that order by its own signed link, reminds twice five days apart only those who did not open it, and a review written on the page ends it", arguments: TestDatabase.available)
    func journeyRequests(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            let (services, actor) = (world.services, world.actor)
            let draft = try await services.journeys.create(JourneyDraft(), templateKey: "post_purchase_review", inboxID: world.inbox.id, as: actor)
            let journey = try await services.journeys.publish(id: draft.id, as: actor)
            let opener = try await Self.deliveredOrder("R-1", email: "opener@example.com", services: services, actor: actor)
            // A second customer's order delivered, then a newer order of theirs delivered while
            // they are in the journey (so it lets nobody in): the request still asks about the
            // order that let them in, not their latest delivered one.
            let silent = try await Self.deliveredOrder("R-2", email: "silent@example.com", services: services, actor: actor)
            services.clock.advance(by: 60)
            let newer = try await Self.deliveredOrder("R-3", email: "silent@example.com", services: services, actor: actor)
            let reviewer = try await Self.deliveredOrder("R-4", email: "reviewer@example.com", services: services, actor: actor)

            services.clock.advance(by: 86_400)
            try await JourneyMessageTests.settle(world)
            services.clock.advance(by: 6 * 86_400)
            try await JourneyMessageTests.settle(world)
            let requests = world.transport.emails.filter { $0.subject == "How was it?" }
            #expect(Set(requests.map(\.address)) == ["opener@example.com", "silent@example.com", "reviewer@example.com"])
            var links: [String: (link: ReviewRequestLink, signature: String)] = [:]
            for request in requests {
                let found = try #require(Self.link(in: request.text), "the request carries its link: \(request.text)")
                links[request.address] = found
            }
            #expect(links["opener@example.com"]?.link.orderID == opener.id)
            #expect(links["silent@example.com"]?.link.orderID == silent.id, "the order of the delivery that let them in, not the newest delivered")
            #expect(newer.deliveredAt != nil && newer.id != silent.id)
            #expect(links["reviewer@example.com"]?.link.orderID == reviewer.id)
            #expect(links.values.allSatisfy { $0.link.workspaceID == services.workspaceID })

            let opened = try #require(links["opener@example.com"])
            let page = try await services.reviews.requestPage(opened.link, signature: opened.signature)
            try await services.reviews.recordOpen(of: page)
            #expect(page.items.map(\.title) == ["Stoneware mug", "Espresso cup"], "the order's products, the line of no product left out")
            let written = try #require(links["reviewer@example.com"])
            let answered = try await services.reviews.answerRequest(
                written.link, signature: written.signature, answer: ReviewRequestAnswer(productID: reviewer.lines[0].productID ?? "", rating: 5, title: "Lovely", body: ""))
            #expect(answered.items.first?.review?.verified == true)
            #expect(try await services.journeys.report(id: journey.id, as: actor).stats.converted == 1, "the review is the journey's goal")

            services.clock.advance(by: 5 * 86_400)
            try await JourneyMessageTests.settle(world)
            let reminders = world.transport.emails.filter { $0.subject == "A minute for a review?" }
            #expect(reminders.map(\.address) == ["silent@example.com"], "only the one who neither opened nor reviewed")
            #expect(Self.link(in: reminders[0].text)?.link.orderID == silent.id)

            services.clock.advance(by: 5 * 86_400)
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.filter { $0.subject == "Last call: how was your order?" }.map(\.address) == ["silent@example.com"])
            services.clock.advance(by: 30 * 86_400)
            try await JourneyMessageTests.settle(world)
            let total = world.transport.emails.count
            #expect(total == 8, "three thanks, three requests, one reminder, one last call: no third reminder")
        }
    }

    @Test("a request's page: the link alone opens it (forged 404, altered 404, past its last day 410), an open counts once even when two come at once, a review written there is a verified buyer's once per product, and only the order's products are taken", arguments: TestDatabase.available)
    func page(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let order = try await Self.deliveredOrder("P-1", email: "ana@example.com", services: services, actor: actor)
            let link = ReviewRequestLink.issued(workspaceID: services.workspaceID, orderID: order.id, at: services.clock.now())
            let signature = store.linkSigner.signature(of: link.signedText)

            await #expect(throws: RapportError.notFound("This review link is not one we sent.")) {
                try await services.reviews.requestPage(link, signature: "forged")
            }
            var altered = link
            altered.expires = String((Int(link.expires) ?? 0) + 30)
            await #expect(throws: RapportError.notFound("This review link is not one we sent."), "a later last day is not the customer's to choose") {
                try await services.reviews.requestPage(altered, signature: signature)
            }
            let first = try await services.reviews.requestPage(link, signature: signature)
            #expect(!first.opened)
            #expect(try await Self.count(ReviewService.requestOpenedEvent, customerID: order.customerID, services: services, actor: actor) == 0, "reading the page counts nothing")
            // Two opens at once (a mail scanner's and the customer's), each having read the page unopened: one event.
            async let scanner: Void = services.reviews.recordOpen(of: first)
            async let customer: Void = services.reviews.recordOpen(of: first)
            _ = try await (scanner, customer)
            try await services.reviews.recordOpen(of: try await services.reviews.requestPage(link, signature: signature))
            #expect(try await services.reviews.requestPage(link, signature: signature).opened)
            #expect(try await Self.count(ReviewService.requestOpenedEvent, customerID: order.customerID, services: services, actor: actor) == 1)
            await #expect(throws: RapportError.self, "Rapport's own message ids are not a caller's to take") {
                try await services.tracking.ingest(
                    [TrackingMessage(type: .track, messageID: "Rapport:review:rev_next", userID: "someone", event: ReviewService.reviewedEvent)],
                    workspaceID: services.workspaceID, provenance: .proven)
            }

            let mug = try #require(order.lines[0].productID)
            await #expect(throws: RapportError.invalid(field: "rating", "must be a whole number from 1 to 5")) {
                try await services.reviews.answerRequest(link, signature: signature, answer: ReviewRequestAnswer(productID: mug, rating: 0, title: "", body: "Nice"))
            }
            await #expect(throws: RapportError.self, "a product of no line of the order") {
                try await services.reviews.answerRequest(link, signature: signature, answer: ReviewRequestAnswer(productID: "prd_other", rating: 5, title: "", body: "x"))
            }
            let answered = try await services.reviews.answerRequest(
                link, signature: signature, answer: ReviewRequestAnswer(productID: mug, rating: 4, title: "Solid", body: "Keeps coffee warm."))
            let review = try #require(answered.items.first { $0.productID == mug }?.review)
            #expect(review.verified)
            #expect(review.source == ReviewService.requestSource)
            #expect(review.orderID == order.id)
            #expect(review.status == .pending)
            #expect(review.submittedBy == "system:review-request")
            #expect(answered.open.map(\.title) == ["Espresso cup"])
            let again = try await services.reviews.answerRequest(
                link, signature: signature, answer: ReviewRequestAnswer(productID: mug, rating: 1, title: "", body: "Changed my mind"))
            #expect(again.items.first { $0.productID == mug }?.review?.id == review.id, "sent twice, one review")
            #expect(try await services.reviews.queue(status: nil, page: try PageRequest(), as: actor).items.count == 1)
            #expect(try await Self.count(ReviewService.reviewedEvent, customerID: order.customerID, services: services, actor: actor) == 1)

            // Open to the last second of its last day (UTC), 45 days after it was sent; closed a second later.
            let closesAt = try #require(link.closesAt)
            services.clock.advance(by: closesAt.timeIntervalSince(services.clock.now()) - 1)
            #expect(try await services.reviews.requestPage(link, signature: signature).open.map(\.title) == ["Espresso cup"])
            services.clock.advance(by: 1)
            let lastDay = Timestamp.iso8601(closesAt.addingTimeInterval(-1)).prefix(10)
            await #expect(throws: RapportError.gone("This review link closed on \(lastDay).")) {
                try await services.reviews.requestPage(link, signature: signature)
            }
            #expect(closesAt.timeIntervalSince(Date(timeIntervalSince1970: 0)).truncatingRemainder(dividingBy: 86_400) == 0, "a day's end")
            #expect(closesAt.timeIntervalSince(order.deliveredAt ?? .distantPast) > Double(ReviewRequestLink.validDays) * 86_400 - 86_400)
        }
    }

    @Test("an undelivered order's page takes reviews unverified; a cancelled order's, or a deleted customer's, no longer opens", arguments: TestDatabase.available)
    func undeliveredAndGone(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let paid = try await Self.deliveredOrder("U-1", email: "una@example.com", services: services, actor: actor, deliver: false)
            let link = ReviewRequestLink.issued(workspaceID: services.workspaceID, orderID: paid.id, at: services.clock.now())
            let signature = store.linkSigner.signature(of: link.signedText)
            let page = try await services.reviews.answerRequest(
                link, signature: signature, answer: ReviewRequestAnswer(productID: paid.lines[1].productID ?? "", rating: 3, title: "", body: "Fine"))
            #expect(!page.delivered)
            #expect(page.items.first { $0.review != nil }?.review?.verified == false, "placed is not delivered")

            let cancelled = try await Self.deliveredOrder("U-2", email: "cy@example.com", services: services, actor: actor, deliver: false)
            _ = try await services.commerce.changeStatus(orderID: cancelled.id, to: .cancelled, as: actor)
            let cancelledLink = ReviewRequestLink.issued(workspaceID: services.workspaceID, orderID: cancelled.id, at: services.clock.now())
            await #expect(throws: RapportError.notFound("This order can no longer be reviewed here.")) {
                try await services.reviews.requestPage(cancelledLink, signature: store.linkSigner.signature(of: cancelledLink.signedText))
            }
            _ = try await services.customers.delete(id: paid.customerID, as: actor)
            await #expect(throws: RapportError.notFound("This order can no longer be reviewed here.")) {
                try await services.reviews.requestPage(link, signature: signature)
            }
            let otherWorkspace = ReviewRequestLink.issued(workspaceID: "wsp_other", orderID: paid.id, at: services.clock.now())
            await #expect(throws: RapportError.notFound("This order can no longer be reviewed here."), "an order is found in the link's workspace only") {
                try await services.reviews.requestPage(otherWorkspace, signature: store.linkSigner.signature(of: otherWorkspace.signedText))
            }
        }
    }

    @Test("in a campaign of its own, {{review_link}} asks about the customer's latest delivered order, and one without a delivered order gets the fallback; a preview's link opens nothing", arguments: TestDatabase.available)
    func campaignLink(database: TestDatabase) async throws {
        try await database.withStore { store in
            let (services, actor, inbox, transport) = try await CampaignAudienceTests.world(store)
            let sender = CampaignDispatcher(campaigns: services.campaigns, transport: transport, signer: store.linkSigner, links: CampaignAudienceTests.Links())
            let older = try await Self.deliveredOrder("C-1", email: "cat@example.com", services: services, actor: actor)
            services.clock.advance(by: 3_600)
            let latest = try await Self.deliveredOrder("C-2", email: "cat@example.com", services: services, actor: actor)
            services.clock.advance(by: 3_600)
            _ = try await Self.deliveredOrder("C-3", email: "cat@example.com", services: services, actor: actor, deliver: false)
            let waiting = try await Self.deliveredOrder("C-4", email: "dan@example.com", services: services, actor: actor, deliver: false)
            let list = try await CampaignPersonalisationTests.list(services, [latest.customerID, waiting.customerID], actor: actor)
            let campaign = try await CampaignPersonalisationTests.campaign(
                services, inbox: inbox, segment: list, body: "Tell us: {{review_link | default: \"nothing to review yet\"}}", actor: actor)

            let preview = try await sender.preview(id: campaign.id, customerID: latest.customerID, locale: nil, as: actor)
            let previewed = try #require(Self.link(in: preview.email.text))
            #expect(previewed.signature == "preview")
            await #expect(throws: RapportError.notFound("This review link is not one we sent.")) {
                try await services.reviews.requestPage(previewed.link, signature: previewed.signature)
            }

            try await CampaignPersonalisationTests.sendAll(campaign, services: services, sender: sender, actor: actor)
            let cat = try #require(transport.emails.first { $0.address == "cat@example.com" })
            let found = try #require(Self.link(in: cat.text))
            #expect(found.link.orderID == latest.id && found.link.orderID != older.id)
            #expect(try await services.reviews.requestPage(found.link, signature: found.signature).orderNumber == "C-2")
            #expect(transport.emails.first { $0.address == "dan@example.com" }?.text.contains("Tell us: nothing to review yet") == true)
        }
    }
}
