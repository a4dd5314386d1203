import Foundation
import RapportLearning

/// A workspace's fitted lifetime models and what they were fitted on.
public struct LifetimeModel: Sendable, Codable {
    public var workspaceID: String
    public var fit: LifetimeFit
    /// Orders placed before this moment were read.
    public var calibrationEnd: Date
    /// Days per period of the fit (7: weeks).
    public var periodLength: Double
    public var currency: String
    public var horizonMonths: Int
    public var annualDiscountRate: Double
    public var fittedAt: Date
    /// The stored forecasts take in every change to orders and customers up to this moment
    /// (rescored between fits with these parameters); nil in models stored before it was kept.
    public var changesThrough: Date?

    public init(
        workspaceID: String, fit: LifetimeFit, calibrationEnd: Date, periodLength: Double, currency: String, horizonMonths: Int,
        annualDiscountRate: Double, fittedAt: Date, changesThrough: Date? = nil
    ) {
        self.workspaceID = workspaceID
        self.fit = fit
        self.calibrationEnd = calibrationEnd
        self.periodLength = periodLength
        self.currency = currency
        self.horizonMonths = horizonMonths
        self.annualDiscountRate = annualDiscountRate
        self.fittedAt = fittedAt
        self.changesThrough = changesThrough
    }
}
