/// What a submission answers the page: the stored response, the result (a quiz's, or none),
/// the recommended products still on sale, whether a confirmation mail was started, and the
/// form's thank-you words.
public struct FormOutcome: Sendable, Equatable {
    public var response: FormResponse
    public var result: FormResult?
    public var products: [Product]
    public var confirmationRequested: Bool
    public var thankYou: String?

    public init(response: FormResponse, result: FormResult?, products: [Product], confirmationRequested: Bool, thankYou: String?) {
        self.response = response
        self.result = result
        self.products = products
        self.confirmationRequested = confirmationRequested
        self.thankYou = thankYou
    }
}
