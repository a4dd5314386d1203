import RapportCore

/// Recommended products as rows for a page: id, title and why, in the order given; products
/// gone from the catalog since the model trained are left out.
enum RecommendedProducts {
    /// A recommended product: its page, its title and why it is offered.
    struct Row: TemplateView {
        let id: String
        let title: String
        let reason: String
    }

    static func rows(_ items: [ProductRecommendation], commerce: CommerceService, as actor: Actor) async -> [Row] {
        var rows: [Row] = []
        for item in items {
            guard let product = try? await commerce.product(id: item.productID, as: actor) else { continue }
            rows.append(Row(id: product.id, title: product.title, reason: reason(item.reason)))
        }
        return rows
    }

    static func reason(_ reason: RecommendationReason) -> String {
        switch reason {
        case .forYou: "from their history"
        case .category: "popular in a category they viewed"
        case .popular: "popular"
        case .boughtTogether: "on the same orders"
        case .similar: "same customers or category"
        }
    }
}
