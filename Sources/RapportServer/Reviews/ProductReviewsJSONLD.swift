import Foundation
import RapportCore

/// A product's approved reviews as schema.org JSON-LD: a `Product` with its `AggregateRating`
/// (the plain mean and the count; left out without reviews, as search engines ask) and each
/// `Review` with its author, date, rating, text and photos (`image`). Written so it can sit inside a `<script>`
/// element: `<`, `>` and `&` are escaped.
enum ProductReviewsJSONLD {
    static func document(_ found: ProductReviews, url: String) -> JSONValue {
        let product = found.product
        var fields: [String: JSONValue] = [
            "@context": .string("https://schema.org"), "@type": .string("Product"), "name": .string(product.title), "url": .string(url),
        ]
        if let description = product.description, !description.isEmpty { fields["description"] = .string(description) }
        if let image = product.imageURL { fields["image"] = .string(image) }
        if let sku = product.variants.compactMap(\.sku).first { fields["sku"] = .string(sku) }
        if let average = found.rating.average {
            fields["aggregateRating"] = .object([
                "@type": .string("AggregateRating"), "ratingValue": .number(average), "reviewCount": .number(Double(found.rating.reviewCount)),
                "bestRating": .number(5), "worstRating": .number(1),
            ])
        }
        let reviews: [JSONValue] = found.reviews.items.map { review in
            var entry: [String: JSONValue] = [
                "@type": .string("Review"),
                "author": .object(["@type": .string("Person"), "name": .string(found.authors[review.customerID] ?? ReviewService.anonymousAuthor)]),
                "datePublished": .string(Timestamp.iso8601(review.createdAt).prefix(10).description),
                "reviewRating": .object([
                    "@type": .string("Rating"), "ratingValue": .number(Double(review.rating)), "bestRating": .number(5), "worstRating": .number(1),
                ]),
            ]
            if !review.title.isEmpty { entry["name"] = .string(review.title) }
            if !review.body.isEmpty { entry["reviewBody"] = .string(review.body) }
            if let locale = review.locale { entry["inLanguage"] = .string(locale) }
            if !review.photos.isEmpty { entry["image"] = .array(review.photos.map { .string($0.url) }) }
            return .object(entry)
        }
        if !reviews.isEmpty { fields["review"] = .array(reviews) }
        return .object(fields)
    }

    /// The document as text safe inside `<script type="application/ld+json">`.
    static func scriptText(_ found: ProductReviews, url: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(document(found, url: url)), as: UTF8.self)
        return text.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
