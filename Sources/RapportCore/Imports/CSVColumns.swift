/// Which column of a CSV file holds which field: from `--map column=field` flags first, then
/// from header names Rapport knows (its own, and common shop exports such as Shopify's).
public struct CSVColumns: Sendable {
    public private(set) var index: [String: Int] = [:]
    /// Header names no field was found for.
    public private(set) var unused: [String] = []

    /// - Parameters:
    ///   - header: the first record of the file.
    ///   - mapping: explicit `column → field` choices.
    ///   - aliases: field → header names that mean it, lower-cased.
    public init(header: [String], mapping: [String: String], aliases: [String: [String]]) {
        for (position, rawName) in header.enumerated() {
            let name = rawName.trimmed
            let lowered = name.lowercased()
            if let field = mapping[name] ?? mapping[lowered] {
                index[field] = position
            } else if lowered.hasPrefix(CSVConsentColumns.prefix) {
                // `consent:<purpose>:<channel>`, any pair.
                index[lowered] = position
            } else if let field = aliases.first(where: { $0.key == lowered || $0.value.contains(lowered) })?.key,
                index[field] == nil
            {
                index[field] = position
            } else {
                unused.append(name)
            }
        }
    }

    /// The trimmed value of `field` in `record`, nil when absent or empty.
    public func value(_ field: String, in record: [String]) -> String? {
        guard let position = index[field], position < record.count else { return nil }
        let value = record[position].trimmed
        return value.isEmpty ? nil : value
    }

    public static let customerAliases: [String: [String]] = [
        "email": ["e-mail", "email address", "e-mail address", "mail"],
        "phone": ["phone number", "mobile", "telephone", "tel"],
        "whatsapp": ["whatsapp number"],
        "first_name": ["first name", "firstname", "given name", "given_name"],
        "last_name": ["last name", "lastname", "surname", "family name", "family_name"],
        "external_id": ["customer id", "customer_id", "id"],
        "tags": ["tag"],
        "locale": ["language"],
        "timezone": ["time zone"],
        "notes": ["note"],
        // Consent (CSVConsentColumns), Shopify's customer export's names included.
        "email_marketing": ["accepts email marketing", "email marketing", "newsletter", "email opt-in"],
        "sms_marketing": ["accepts sms marketing", "sms marketing", "sms opt-in"],
        "whatsapp_marketing": ["whatsapp marketing", "whatsapp opt-in"],
        "consent_source": ["consent source"],
        "consent_at": ["consent date", "consented at"],
        "consent_ip": ["consent ip", "consent ip address"],
        "consent_text": ["consent text", "consent wording"],
    ]

    /// Rapport's names and those of Shopify's order export (one row per line item).
    public static let orderAliases: [String: [String]] = [
        "number": ["order_number", "order number", "order", "name", "order id", "order_id"],
        "email": ["e-mail", "customer email"],
        "phone": ["billing phone", "phone number"],
        "customer_id": ["customer id", "external_customer_id"],
        "first_name": ["billing name", "first name"],
        "placed_at": ["created at", "date", "order date", "created_at"],
        "status": ["financial status", "order status"],
        "currency": [],
        "channel": ["source"],
        "sku": ["lineitem sku", "item sku"],
        "title": ["lineitem name", "product", "item"],
        "quantity": ["lineitem quantity", "qty"],
        "unit_price": ["lineitem price", "price", "unit price"],
        "line_discount": ["lineitem discount"],
        "subtotal": [],
        "discount": ["discount amount"],
        "discount_code": ["discount code"],
        "tax": ["taxes"],
        "shipping": [],
        "total": [],
        "tracking_number": ["tracking number"],
        "carrier": ["shipping company"],
    ]

    /// Rapport's names and those of review platforms' exports (Judge.me, Okendo, Yotpo).
    public static let reviewAliases: [String: [String]] = [
        "email": ["reviewer_email", "reviewer email", "e-mail", "email address", "customer email", "customer_email"],
        "author_name": ["reviewer_name", "reviewer name", "name", "display name", "display_name", "author", "customer name"],
        "product_id": ["product id", "productid"],
        "sku": ["product sku", "product_sku", "variant sku"],
        "rating": ["review score", "review_score", "score", "stars", "star rating"],
        "title": ["review title", "review_title", "headline"],
        "body": ["review content", "review_content", "content", "review", "review body", "review_body", "text"],
        "written_at": ["review_date", "review date", "date", "datecreated", "date created", "date_created", "created_at", "created at"],
        "reply": ["comment content", "public reply", "public_reply", "store reply"],
        "replied_at": ["reply_date", "reply date", "comment date"],
        "photos": ["picture_urls", "picture urls", "imageurls", "image urls", "image_urls", "published image urls", "images", "photo urls", "photo_urls"],
        "published": ["curated", "status", "is published", "is_published", "visible"],
        "locale": ["language", "lang"],
    ]

    /// Rapport's names and those of CRM exports (HubSpot's contact export).
    /// A person's "Job Title" is their `role` at the company; the lead's `title` is what they
    /// asked about.
    public static let leadAliases: [String: [String]] = [
        "email": ["e-mail", "email address", "e-mail address", "work email", "business email"],
        "phone": ["phone number", "mobile", "mobile phone", "mobile phone number", "telephone", "tel"],
        "first_name": ["first name", "firstname", "given name"],
        "last_name": ["last name", "lastname", "surname", "family name"],
        "company": ["company name", "company_name", "organization", "organisation", "organization name", "organisation name", "account name"],
        "company_domain": ["website", "website url", "company domain", "company domain name", "company website", "domain"],
        "role": ["job title", "job_title", "jobtitle", "position"],
        "title": ["lead title", "enquiry", "inquiry", "interest", "subject", "request"],
        "campaign": ["utm_campaign", "utm campaign", "campaign name", "event"],
    ]
}
