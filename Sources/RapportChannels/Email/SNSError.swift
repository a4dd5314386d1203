/// Why a call to Amazon SNS was not made or gave nothing usable.
public enum SNSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL is not one of SNS's own (`SNSURL`): nothing was called.
    case notSNS(String)
    /// SNS answered with a status other than 200.
    case answered(status: Int)
    /// The answer to a certificate request held no PEM certificate.
    case notACertificate

    public var description: String {
        switch self {
        case .notSNS(let url): "\(url) is not an Amazon SNS URL (https://sns.<region>.amazonaws.com/…); Rapport calls no other"
        case .answered(let status): "Amazon SNS answered with HTTP status \(status)"
        case .notACertificate: "the answer is not a PEM certificate"
        }
    }
}
