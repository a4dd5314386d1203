/// One customer row of an import: the profile, and the consent answers the file gives for them
/// (recorded with the source the file names, `import` when it names none).
public struct ImportedCustomer: Sendable, Equatable {
    public var customer: CustomerInput
    public var consents: [ConsentInput]

    public init(customer: CustomerInput, consents: [ConsentInput] = []) {
        self.customer = customer
        self.consents = consents
    }
}
