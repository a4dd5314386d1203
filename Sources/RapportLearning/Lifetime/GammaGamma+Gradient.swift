import Foundation

extension GammaGamma {
    /// The log-likelihood and its gradient with respect to (p, q, γ). Per customer with x
    /// repeat purchases averaging m:
    /// ℓ = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q·ln γ + (px−1)·ln m + px·ln x − (px+q)·ln(γ+mx),
    /// ∂ℓ/∂p = x·[ψ(px+q) − ψ(px) + ln m + ln x − ln(γ+mx)],
    /// ∂ℓ/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ+mx),
    /// ∂ℓ/∂γ = q/γ − (px+q)/(γ+mx).
    public func logLikelihoodAndGradient(_ spend: SpendGroups) -> (value: Double, gradient: [Double]) {
        let logGamma: Double = log(gamma), lgammaQ: Double = lgamma(q), psiQ = Digamma.of(q)
        var value = 0.0, dp = 0.0, dq = 0.0, dGamma = 0.0
        for group in spend.groups {
            let x = group.frequency, px = p * x, count = Double(group.averageValues.count)
            var sumOfLogs = 0.0, sumOfInverses = 0.0
            for average in group.averageValues {
                let total = gamma + average * x
                sumOfLogs += log(total)
                sumOfInverses += 1 / total
            }
            let psiSum = Digamma.of(px + q)
            let perCustomer: Double = lgamma(px + q) - lgamma(px) - lgammaQ + q * logGamma + px * log(x)
            value += count * perCustomer + (px - 1) * group.sumOfLogValues - (px + q) * sumOfLogs
            let perCustomerP: Double = psiSum - Digamma.of(px) + log(x)
            dp += x * (count * perCustomerP + group.sumOfLogValues - sumOfLogs)
            dq += count * (psiSum - psiQ + logGamma) - sumOfLogs
            dGamma += count * q / gamma - (px + q) * sumOfInverses
        }
        return (value, [dp, dq, dGamma])
    }
}
