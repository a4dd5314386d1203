import Foundation

/// A customer's place at a company: their role there (buyer, owner, …) and whether they are
/// its primary contact (one per company).
public struct CompanyPerson: Sendable, Equatable {
    public var companyID: String
    public var customerID: String
    public var role: String?
    public var isPrimary: Bool
    public var addedAt: Date

    public init(companyID: String, customerID: String, role: String? = nil, isPrimary: Bool = false, addedAt: Date) {
        self.companyID = companyID
        self.customerID = customerID
        self.role = role
        self.isPrimary = isPrimary
        self.addedAt = addedAt
    }
}
