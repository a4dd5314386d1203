import ArgumentParser
import Foundation
import RapportCore
import RapportLearning

/// `rapport bench clv`: how long the lifetime models take to fit — on the CDNOW sample
/// (the published check, against lifetimes' ~0.1 s) and on a million customers drawn from a
/// BG/NBD with CDNOW's parameters in days over two years.
struct LifetimeBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clv", abstract: "Time the BG/NBD, Pareto/NBD and Gamma-Gamma fits.")

    @Option(help: "CDNOW_sample.txt (from the lifetimes package) to fit with calibration ending 1997-09-30, weekly")
    var sample: String?

    @Option(help: "Simulated customers to fit (0 for none)")
    var customers = 1_000_000

    @Option(help: "Fits of the sample to time (the median is reported)")
    var repeats = 20

    @Flag(help: "Print the result as one JSON object")
    var json = false

    func run() async throws {
        var report: [(String, Double)] = []
        if let sample {
            guard let data = FileManager.default.contents(atPath: sample) else { throw ValidationError("Cannot read \(sample).") }
            let days = CDNOWFormat.purchaseDays(String(decoding: data, as: UTF8.self))
            let dataset = LifetimeDataset(days: days, calibrationEnd: Self.calibrationEnd, periodLength: 7)
            var times: [Double] = []
            var fitted = BGNBD.fit(dataset.purchases)
            for _ in 0..<max(repeats, 1) {
                let started = ContinuousClock.now
                fitted = BGNBD.fit(dataset.purchases)
                times.append((ContinuousClock.now - started).inSeconds)
            }
            let median = times.sorted()[times.count / 2]
            report.append(("sample_customers", Double(dataset.purchases.count)))
            report.append(("sample_bgnbd_seconds", median))
            report.append(("sample_bgnbd_log_likelihood", fitted.logLikelihood))
            let paretoStarted = ContinuousClock.now
            _ = ParetoNBD.fit(dataset.purchases, near: fitted.model)
            report.append(("sample_pareto_nbd_seconds", (ContinuousClock.now - paretoStarted).inSeconds))
            let spendStarted = ContinuousClock.now
            _ = GammaGamma.fit(dataset.spend)
            report.append(("sample_gamma_gamma_seconds", (ContinuousClock.now - spendStarted).inSeconds))
        }
        if customers > 0 {
            var generator = SeededGenerator(seed: 20_261_124)
            let truth = BGNBD(r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426)
            let histories = truth.simulate(customers: customers, ages: 1...730, wholePeriods: true, generator: &generator)
            let started = ContinuousClock.now
            let fitted = BGNBD.fit(histories).model
            report.append(("simulated_customers", Double(customers)))
            report.append(("simulated_bgnbd_seconds", (ContinuousClock.now - started).inSeconds))
            report += [("simulated_r", fitted.r), ("simulated_alpha", fitted.alpha), ("simulated_a", fitted.a), ("simulated_b", fitted.b)]
        }
        if json {
            print("{" + report.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        } else {
            for (name, value) in report { print("\(name.replacingOccurrences(of: "_", with: " ")): \(value)") }
        }
    }

    /// 1997-09-30 in days since 1970.
    static let calibrationEnd = 10_134
}
