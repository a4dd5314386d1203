/// The product list (`products`): the search as given, one row per product, and the link to
/// the next page.
struct ProductsPageView: TemplateView {
    struct Row: TemplateView {
        let id: String
        let title: String
        let categories: String
        /// How many variants the product has.
        let variants: Int
        /// `19.00 EUR` or `19.00 – 29.00 EUR`; nil without variants.
        let price: String?
        let inactive: Bool
    }

    let q: String?
    let rows: [Row]
    let empty: Bool
    let next: String?
}
