import Foundation

/// Review requests (`{{review_link}}`): the signed page where a customer reviews the products
/// of one order. The link is the only credential: a forged or altered one is a 404, one past
/// its last day a 410, and it opens only while the order and its customer are on record.
extension ReviewService {
    /// The tracked event opening a request's page records, once per order: a journey's branch
    /// reads it (`events.count`) to send a reminder only to those who did not open it.
    public static let requestOpenedEvent = "Review Request Opened"
    /// How reviews taken on a request's page are marked (`Review.source`).
    public static let requestSource = "review_request"

    /// The request's page, read only: whether the customer opened it before is on it
    /// (`recordOpen(of:)` counts an open).
    public func requestPage(_ link: ReviewRequestLink, signature: String) async throws -> ReviewRequestPage {
        let closesAt = try checked(link, signature: signature)
        return try await store.read { session in
            let (order, customer) = try await requested(link, session: session)
            return try await page(link, order: order, customer: customer, closesAt: closesAt, session: session)
        }
    }

    /// Records that the customer opened the page, once per order: nothing is written when an
    /// open is on record; two at once (a mail scanner's and the customer's) are retried into
    /// one. Separate from reading the page, so that a failed count never keeps the customer
    /// from it.
    public func recordOpen(of page: ReviewRequestPage) async throws {
        guard !page.opened else { return }
        let link = page.link
        try await context.writeRetryingConflicts { transaction in
            try await TrackingService.recordRapportEvent(
                Self.requestOpenedEvent, customerID: page.customerID, workspaceID: link.workspaceID, properties: ["order_id": .string(link.orderID)],
                messageID: Self.openMessageID(orderID: link.orderID), in: transaction)
        }
    }

    /// The message id of an order's `Review Request Opened`.
    static func openMessageID(orderID: String) -> String {
        TrackingService.rapportMessagePrefix + "review-request-opened:\(orderID)"
    }

    /// Takes the customer's review of one product of the request's order (a verified buyer's
    /// when the order was delivered), under the workspace's moderation rules like any other,
    /// and answers the page again. A product already reviewed keeps its review: sending the
    /// form twice writes one.
    public func answerRequest(_ link: ReviewRequestLink, signature: String, answer: ReviewRequestAnswer) async throws -> ReviewRequestPage {
        let closesAt = try checked(link, signature: signature)
        return try await context.write { transaction in
            let session = transaction.session
            let (order, customer) = try await requested(link, session: session)
            guard order.lines.contains(where: { $0.productID == answer.productID }),
                try await session.catalog.find(id: answer.productID, workspaceID: link.workspaceID) != nil
            else {
                throw RapportError.invalid(field: "product_id", "is not a product of order \(order.number)")
            }
            let input = try ReviewRules.checked(ReviewInput(
                customerID: customer.id, orderID: order.id, rating: answer.rating, title: answer.title, body: answer.body, locale: customer.profile.locale))
            _ = try await take(
                productID: answer.productID, input, customerID: customer.id, order: order, source: Self.requestSource,
                as: .system("review-request", workspaceID: link.workspaceID), in: transaction)
            return try await page(link, order: order, customer: customer, closesAt: closesAt, session: session)
        }
    }

    /// When the link closes, once its signature is one this installation made of it.
    private func checked(_ link: ReviewRequestLink, signature: String) throws -> Date {
        guard ResourceID.isValid(link.orderID, prefix: .order), signer.isValid(signature, of: link.signedText), let closesAt = link.closesAt else {
            throw RapportError.notFound("This review link is not one we sent.")
        }
        guard clock.now() < closesAt else {
            throw RapportError.gone("This review link closed on \(Timestamp.iso8601(closesAt.addingTimeInterval(-1)).prefix(10)).")
        }
        return closesAt
    }

    /// The order and its customer (the survivor of a merge); a 404 once either is gone, in
    /// words for the customer (no ids, no hints meant for the team).
    private func requested(_ link: ReviewRequestLink, session: any StoreSession) async throws -> (Order, Customer) {
        guard let order = try await session.orders.find(id: link.orderID, workspaceID: link.workspaceID), order.status != .cancelled else {
            throw RapportError.notFound("This order can no longer be reviewed here.")
        }
        do {
            return (order, try await customers.liveCustomerOrSurvivor(id: order.customerID, workspaceID: link.workspaceID, session: session))
        } catch RapportError.notFound, RapportError.gone, RapportError.mergedInto {
            throw RapportError.notFound("This order can no longer be reviewed here.")
        }
    }

    private func page(_ link: ReviewRequestLink, order: Order, customer: Customer, closesAt: Date, session: any StoreSession) async throws
        -> ReviewRequestPage
    {
        var productIDs: [String] = []
        for line in order.lines { if let id = line.productID, !productIDs.contains(id) { productIDs.append(id) } }
        let reviews = Dictionary(
            try await session.reviews.reviews(customerID: customer.id, productIDs: productIDs, workspaceID: link.workspaceID).map { ($0.productID, $0) },
            uniquingKeysWith: { first, _ in first })
        var items: [ReviewRequestItem] = []
        // A line whose product is no longer in the catalog cannot be reviewed: it is left out.
        for productID in productIDs {
            guard let product = try await session.catalog.find(id: productID, workspaceID: link.workspaceID) else { continue }
            items.append(ReviewRequestItem(productID: productID, title: product.title, imageURL: product.imageURL, review: reviews[productID]))
        }
        let opened = try await session.tracking.storedMessageIDs([Self.openMessageID(orderID: order.id)], workspaceID: link.workspaceID)
        return ReviewRequestPage(
            link: link, customerID: customer.id, store: try await session.workspaces.find(id: link.workspaceID)?.name ?? "", orderNumber: order.number,
            firstName: customer.profile.firstName, delivered: order.deliveredAt != nil, items: items, closesAt: closesAt, opened: !opened.isEmpty)
    }
}
