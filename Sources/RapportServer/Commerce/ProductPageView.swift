/// A product's page (`product`): title, description, image and categories, its variants and
/// prices, and the products bought with it or similar to it.
struct ProductPageView: TemplateView {
    struct Variant: TemplateView {
        let title: String
        let sku: String?
        let price: String
    }

    let title: String
    let description: String?
    let categories: String
    /// The image's address, only when it is an http(s) link.
    let image: String?
    let inactive: Bool
    /// The shop and the product's id there.
    let source: String
    /// `19.00 EUR` or `19.00 – 29.00 EUR`; nil without variants.
    let price: String?
    let variants: [Variant]
    let boughtTogether: [RecommendedProducts.Row]
    let similar: [RecommendedProducts.Row]
}
