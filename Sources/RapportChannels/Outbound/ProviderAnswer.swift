import RapportCore

/// How a provider's HTTP answer maps onto a job: rate limits (429, or the provider's code for
/// one: Meta's 4, 80007, 130429, 131048 and 131056, Twilio's 20429) and server errors are worth
/// a retry, other refusals are final. The failure carries the provider's own words.
enum ProviderAnswer {
    static func failure(provider: String, status: Int, body: String) -> JobFailure {
        let root = try? JSONParser.parse(Array(body.utf8))
        let error = root?["error"]
        let code = error?["code"]?.text ?? root?["code"]?.text
        let message = error?["message"]?.text ?? root?["message"]?.text ?? String(body.prefix(300))
        let reason = "\(provider) refused the message (HTTP \(status)\(code.map { ", code \($0)" } ?? "")): \(message)"
        if status == 429 || ["4", "80007", "130429", "131048", "131056", "20429"].contains(code ?? "") { return .rateLimited(reason) }
        return status >= 500 || status == 408 ? .retry(reason) : .permanent(reason)
    }

    static func unreachable(provider: String, _ error: any Error) -> JobFailure {
        .retry("\(provider) could not be reached: \(error)")
    }
}
