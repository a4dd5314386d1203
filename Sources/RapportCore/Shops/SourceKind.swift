/// The shop platforms whose webhooks Rapport receives.
public enum SourceKind: String, Sendable, Codable, CaseIterable {
    case shopify, woocommerce
}
