/// Where a consent change came from: part of its evidence.
public enum ConsentSource: String, Sendable, Codable, CaseIterable {
    /// An API call of the store's own systems.
    case api
    /// A form on the store's site (a sign-up box, a checkout tick), relayed by the API.
    case form
    /// The shop platform's own record (Shopify's, WooCommerce's), relayed by the API or a shop webhook.
    case shop
    /// A CSV or bulk import.
    case `import`
    /// An agent recording what the customer said (on the phone, in the store).
    case agent
    /// The customer on their preference centre page.
    case preferenceCentre = "preference_centre"
    /// The customer on a survey's page, asking for no more surveys.
    case surveyPage = "survey_page"
    /// A keyword the customer sent (`STOP`, `START`).
    case keyword
    /// A tracking call's consent categories (a browser: it may only withdraw).
    case tracking
    /// The sending provider's report of what the person did with a message (unsubscribed
    /// through the provider's link, reported it as spam), verified by its signature.
    case provider

    /// What an API caller may say a change came from. The preference centre, keywords and
    /// agents are recorded by Rapport itself, where it saw the person act.
    public static let claimableByAPI: [ConsentSource] = [.api, .form, .shop, .import]
}
