import Foundation

/// The rules an order or product must meet before anything is written.
enum CommerceRules {
    static let maximumLines = 500
    static let maximumVariants = 100
    static let maximumQuantity = 100_000
    /// A trillion minor units: more than any real order, small enough that sums cannot overflow.
    static let maximumAmount: Int64 = 1_000_000_000_000

    static func problems(in input: OrderInput, field: String?) -> [FieldError] {
        var errors = Problems(prefix: field)
        errors.text(input.number, "number", maxLength: 64)
        errors.sourceName(input.source)
        if let externalID = input.externalID { errors.text(externalID, "external_id", maxLength: 200) }
        if Currency.normalized(input.currency) == nil {
            errors.add("currency", "must be an ISO 4217 code such as USD or EUR")
        }
        if input.customerID == nil, (input.customer?.identities ?? []).isEmpty, input.email == nil {
            errors.add("customer", "is required: give customer_id, customer identities (email, phone, shop customer id) or email")
        }
        if input.lines.count > maximumLines { errors.add("lines", "at most \(maximumLines) lines") }
        for (index, line) in input.lines.enumerated() {
            let name = "lines[\(index)]"
            if !(1...maximumQuantity).contains(line.quantity) {
                errors.add("\(name).quantity", "must be between 1 and \(maximumQuantity)")
            }
            errors.amount(line.unitPrice, "\(name).unit_price")
            errors.amount(line.discount, "\(name).discount")
            // Out-of-range values are reported above; their product must not trap meanwhile.
            let gross = Int64(line.quantity).multipliedReportingOverflow(by: line.unitPrice)
            if line.quantity > 0, line.unitPrice >= 0, !gross.overflow, line.discount > gross.partialValue {
                errors.add("\(name).discount", "must not exceed quantity times unit_price")
            }
            if let title = line.title { errors.text(title, "\(name).title", maxLength: 500) }
            if line.title == nil, line.sku == nil, line.variantID == nil, line.variantExternalID == nil,
                line.productExternalID == nil
            {
                errors.add("\(name).title", "is required when the line names no product, variant or sku")
            }
            if let sku = line.sku { errors.text(sku, "\(name).sku", maxLength: 200) }
        }
        // Each line is bounded above; together they must stay within one amount too, so the
        // order's sums (subtotal, total, refunds) cannot overflow.
        var linesTotal: Int64 = 0
        var overflowed = false
        for line in input.lines where (1...maximumQuantity).contains(line.quantity) && (0...maximumAmount).contains(line.unitPrice) {
            let product = Int64(line.quantity).multipliedReportingOverflow(by: line.unitPrice)
            let sum = linesTotal.addingReportingOverflow(product.partialValue)
            overflowed = overflowed || product.overflow || sum.overflow
            linesTotal = sum.partialValue
        }
        if overflowed || linesTotal > maximumAmount {
            errors.add("lines", "must add up to at most \(maximumAmount) minor units (quantity times unit_price, over all lines)")
        }
        for (value, name) in [(input.subtotal, "subtotal"), (input.discount, "discount"), (input.tax, "tax"),
            (input.shipping, "shipping"), (input.total, "total")] as [(Int64?, String)]
        {
            if let value { errors.amount(value, name) }
        }
        if input.discountCodes.count > 20 { errors.add("discount_codes", "at most 20 codes") }
        for (index, code) in input.discountCodes.enumerated() {
            errors.text(code, "discount_codes[\(index)]", maxLength: 100)
        }
        if input.fulfillments.count > 50 { errors.add("fulfillments", "at most 50 fulfilments") }
        for (index, fulfillment) in input.fulfillments.enumerated() {
            errors.fulfillment(fulfillment, "fulfillments[\(index)]")
        }
        return errors.list
    }

    static func problems(in input: ProductInput, field: String?) -> [FieldError] {
        var errors = Problems(prefix: field)
        errors.text(input.title, "title", maxLength: 500)
        errors.sourceName(input.source)
        if let externalID = input.externalID { errors.text(externalID, "external_id", maxLength: 200) }
        if input.externalID == nil, input.variants.first?.sku == nil {
            errors.add("external_id", "is required when the first variant has no sku")
        }
        if let description = input.description, description.count > 20_000 {
            errors.add("description", "must be at most 20000 characters")
        }
        if input.categories.count > 50 { errors.add("categories", "at most 50 categories") }
        for (index, category) in input.categories.enumerated() {
            errors.text(category, "categories[\(index)]", maxLength: 200)
        }
        if let url = input.imageURL { errors.url(url, "image_url") }
        if input.variants.isEmpty { errors.add("variants", "at least one variant (or a price on the product) is required") }
        if input.variants.count > maximumVariants { errors.add("variants", "at most \(maximumVariants) variants") }
        var skus = Set<String>()
        for (index, variant) in input.variants.enumerated() {
            let name = "variants[\(index)]"
            errors.amount(variant.price, "\(name).price")
            if Currency.normalized(variant.currency) == nil {
                errors.add("\(name).currency", "must be an ISO 4217 code such as USD or EUR")
            }
            if let sku = variant.sku {
                errors.text(sku, "\(name).sku", maxLength: 200)
                if !skus.insert(sku).inserted { errors.add("\(name).sku", "repeats another variant's sku") }
            }
            if let title = variant.title { errors.text(title, "\(name).title", maxLength: 500) }
            if let externalID = variant.externalID { errors.text(externalID, "\(name).external_id", maxLength: 200) }
        }
        return errors.list
    }

    static func problems(in input: FulfillmentInput, field: String?) -> [FieldError] {
        var errors = Problems(prefix: field)
        errors.fulfillment(input, nil)
        return errors.list
    }
}

/// Collects field errors under an optional path prefix (`[3].lines[0].quantity`).
struct Problems {
    let prefix: String?
    var list: [FieldError] = []

    mutating func add(_ field: String, _ message: String) {
        list.append(FieldError(field: prefix.map { "\($0).\(field)" } ?? field, message: message))
    }

    mutating func text(_ value: String, _ field: String, maxLength: Int) {
        if value.trimmed.isEmpty {
            add(field, "must not be empty")
        } else if value.count > maxLength {
            add(field, "must be at most \(maxLength) characters")
        } else if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }) {
            add(field, "must not contain control characters")
        }
    }

    mutating func amount(_ value: Int64, _ field: String) {
        if value < 0 || value > CommerceRules.maximumAmount {
            add(field, "must be between 0 and \(CommerceRules.maximumAmount) minor units")
        }
    }

    mutating func sourceName(_ source: String) {
        let valid = !source.isEmpty && source.count <= 64
            && source.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == "-") }
        if !valid { add("source", "must be 1 to 64 characters of a-z, 0-9, _ and -") }
    }

    mutating func url(_ value: String, _ field: String) {
        let lowered = value.lowercased()
        if value.count > 2000 || !(lowered.hasPrefix("https://") || lowered.hasPrefix("http://"))
            || value.contains(where: \.isWhitespace)
        {
            add(field, "must be an http or https URL of at most 2000 characters")
        }
    }

    mutating func fulfillment(_ input: FulfillmentInput, _ field: String?) {
        let name = { (key: String) in field.map { "\($0).\(key)" } ?? key }
        if let carrier = input.carrier { text(carrier, name("carrier"), maxLength: 100) }
        if let number = input.trackingNumber { text(number, name("tracking_number"), maxLength: 200) }
        if let url = input.trackingURL { self.url(url, name("tracking_url")) }
        if let externalID = input.externalID { text(externalID, name("external_id"), maxLength: 200) }
    }
}
