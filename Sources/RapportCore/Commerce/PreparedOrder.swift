/// An order input after validation: currency in upper case, the customer's identities normalised.
struct PreparedOrder: Sendable {
    var input: OrderInput
    var customer: PreparedUpsert?

    var key: String { OrderBatch.key(source: input.source, externalID: input.resolvedExternalID) }
}
