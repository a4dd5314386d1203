/// One request to a provider's API for one campaign e-mail: where it goes, its header fields
/// (credentials and signature included) and its body.
struct CampaignAPIRequest: Sendable {
    var url: String
    var headers: [(String, String)]
    var body: String
}
