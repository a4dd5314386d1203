import Foundation
import RapportLearning

/// One customer's forecast from the workspace's latest lifetime model, in the model's
/// currency (major units).
public struct CustomerLifetimeValue: Sendable, Equatable {
    public var customerID: String
    public var workspaceID: String
    public var forecast: CustomerForecast
    public var currency: String
    public var computedAt: Date

    public init(customerID: String, workspaceID: String, forecast: CustomerForecast, currency: String, computedAt: Date) {
        self.customerID = customerID
        self.workspaceID = workspaceID
        self.forecast = forecast
        self.currency = currency
        self.computedAt = computedAt
    }
}
