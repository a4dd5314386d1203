import Foundation
import RapportCore

/// A product's 3D file as the API lists it, with the public address the shop's snippet links to.
struct ProductModelResponse: Encodable {
    let object = "product_model"
    let productId: String
    let format: String
    let contentType: String
    let viewer: String
    let byteCount: Int
    let sha256: String
    let url: String
    let uploadedBy: String
    let uploadedAt: String

    init(_ model: ProductModel, url: String) {
        productId = model.productID
        format = model.format.rawValue
        contentType = model.format.contentType
        viewer = model.format.viewer
        byteCount = model.byteCount
        sha256 = model.sha256
        self.url = url
        uploadedBy = model.uploadedBy
        uploadedAt = Timestamp.iso8601(model.uploadedAt)
    }
}
