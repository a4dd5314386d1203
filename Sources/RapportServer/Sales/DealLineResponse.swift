import RapportCore

/// A product on a deal.
struct DealLineResponse: Encodable {
    let productId: String?
    let variantId: String?
    let name: String
    let quantity: Int64
    let unitPrice: Int64
    let amount: Int64

    init(_ line: DealLine) {
        productId = line.productID
        variantId = line.variantID
        name = line.name
        quantity = line.quantity
        unitPrice = line.unitPrice
        amount = line.amount
    }
}
