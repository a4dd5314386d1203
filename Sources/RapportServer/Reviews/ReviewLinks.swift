import Hummingbird

/// Where a product's public review page is: at the configured public address, or the one the
/// request came to.
struct ReviewLinks: Sendable {
    let address: PublicAddress

    func page(workspaceID: String, productID: String, request: Request) -> String {
        address.base(of: request) + SiteURL.productReviews(workspaceID: workspaceID, productID: productID).path
    }
}
