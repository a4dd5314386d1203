import Hummingbird
import RapportCore

/// Where a product's 3D file is served: at the configured public address, or the one the
/// request came to. The address names the file's digest, so a new upload is a new address and
/// the file may be cached for a day.
struct ProductModelLinks: Sendable {
    let address: PublicAddress

    func file(_ model: ProductModel, request: Request) -> String {
        address.base(of: request) + SiteURL.productModel(workspaceID: model.workspaceID, productID: model.productID, format: model.format).path
            + "?v=" + model.sha256.prefix(16)
    }
}
