import ArgumentParser
import Foundation
import RapportCore
import RapportLearning

/// `rapport analytics clv`: fits BG/NBD, Pareto/NBD and Gamma-Gamma to the orders in the
/// database up to the end of calibration and prints the parameters.
struct LifetimeFitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clv", abstract: "Fit the lifetime-value models to the orders up to a date and print their parameters.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The workspace (default: the first)")
    var workspace: String?

    @Option(help: "The last day of calibration, YYYY-MM-DD (orders placed that day count)")
    var calibrationEnd: String

    @Option(help: "The models' period: week or day")
    var period: String = "week"

    @Flag(help: "Print the result as one JSON object")
    var json = false

    func validate() throws {
        guard ["week", "day"].contains(period) else { throw ValidationError("--period must be week or day.") }
        guard Self.date(calibrationEnd) != nil else { throw ValidationError("--calibration-end must be a date YYYY-MM-DD.") }
    }

    func run() async throws {
        let end = Self.date(calibrationEnd) ?? Date()
        let (fit, currency) = try await database.withServices(workspace: workspace) { services, workspaceID in
            try await services.lifetime.fit(
                calibrationEnd: end, periodLength: period == "week" ? 7 : 1, includingPareto: true, as: .operator(workspaceID: workspaceID))
        }
        let bgnbd = fit.purchases, pareto = fit.paretoPurchases, spend = fit.spend
        if json {
            var parts = [
                "\"bgnbd\": {\"r\": \(bgnbd.r), \"alpha\": \(bgnbd.alpha), \"a\": \(bgnbd.a), \"b\": \(bgnbd.b), \"log_likelihood\": \(fit.purchasesLogLikelihood)}",
            ]
            if let pareto {
                parts.append("\"pareto_nbd\": {\"r\": \(pareto.r), \"alpha\": \(pareto.alpha), \"s\": \(pareto.s), \"beta\": \(pareto.beta), \"log_likelihood\": \(fit.paretoLogLikelihood ?? 0)}")
            }
            parts.append("\"gamma_gamma\": {\"p\": \(spend.p), \"q\": \(spend.q), \"gamma\": \(spend.gamma), \"log_likelihood\": \(fit.spendLogLikelihood)}")
            parts.append("\"customers\": \(fit.customers), \"repeat_customers\": \(fit.repeatCustomers), \"currency\": \"\(currency)\"")
            parts.append("\"fit_seconds\": \(fit.seconds)")
            print("{" + parts.joined(separator: ", ") + "}")
            return
        }
        print("\(fit.customers) customers (\(fit.repeatCustomers) bought again), calibration ending \(calibrationEnd), in \(period)s, \(currency)")
        print(String(format: "BG/NBD       r %.4f  alpha %.4f  a %.4f  b %.4f  log-likelihood %.2f", bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b, fit.purchasesLogLikelihood))
        if let pareto {
            print(String(format: "Pareto/NBD   r %.4f  alpha %.4f  s %.4f  beta %.4f  log-likelihood %.2f", pareto.r, pareto.alpha, pareto.s, pareto.beta, fit.paretoLogLikelihood ?? 0))
        }
        print(String(format: "Gamma-Gamma  p %.4f  q %.4f  gamma %.4f  log-likelihood %.2f", spend.p, spend.q, spend.gamma, fit.spendLogLikelihood))
        print(String(format: "fitted in %.3f s", fit.seconds))
    }

    /// Midnight UTC of YYYY-MM-DD.
    static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let calendar = Calendar.utc
        let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        return date.flatMap { calendar.component(.day, from: $0) == parts[2] ? $0 : nil }
    }
}
