/// How many people a company employs, in the bands B2B tools use (a fit rule scores them).
public enum CompanySize: String, Sendable, CaseIterable {
    case micro = "1-10"
    case small = "11-50"
    case medium = "51-200"
    case large = "201-1000"
    case enterprise = "1001+"
}
