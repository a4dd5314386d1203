import Foundation
import RapportCore

/// A campaign's A/B/n test on its page: what it tests and how, each variant's subject (and, in a
/// test of send time, when it goes), for roles that see the store's figures how it did among the
/// test's messages, and the winner, or the form a manager chooses one with.
struct CampaignExperimentView: TemplateView {
    struct Variant: TemplateView {
        let name: String
        /// In a test of send time, when the variant goes ("at 18:00 local time"); nil otherwise.
        let sendTime: String?
        let subject: String
        let members: Int?
        let successes: Int?
        let rate: String?
        let isWinner: Bool
    }

    let summary: String
    let winner: String?
    let variants: [Variant]
    let hasOutcomes: Bool
    let mayChoose: Bool

    init(_ experiment: CampaignExperiment, winner: String?, outcomes: [CampaignVariantOutcome], defaultLocale: String, mayChoose: Bool) {
        let metric = experiment.metric.words
        // A test of send time has everyone in it: there is no rest to send a winner to.
        summary = experiment.testsSendTime
            ? "Everyone tests \(experiment.names.joined(separator: ", ")), each variant at its own time on the recipient's clock; "
                + "the best \(metric) says when to send the next campaign."
            : "\(CampaignWording.percent(experiment.testShare)) of the audience tests \(experiment.names.joined(separator: ", ")); "
                + "\(experiment.waitHours) hours after sending starts, the best \(metric) goes to the rest if it is better than the others at "
                + "\(Int(experiment.confidence * 100))%."
        self.winner = winner
        hasOutcomes = !outcomes.isEmpty
        // Nobody waits in a test of send time, so a winner would go to no one.
        self.mayChoose = mayChoose && !experiment.testsSendTime
        variants = experiment.names.map { name in
            let outcome = outcomes.first { $0.name == name }
            let variant = experiment.variants.first { $0.name == name }
            let subject = variant?.content[defaultLocale]?.subject
            let sendTime: String? = if let time = variant?.localTime {
                "at \(time.text) local time"
            } else if experiment.testsSendTime {
                "at the campaign's own time"
            } else {
                nil
            }
            return Variant(
                name: name, sendTime: sendTime, subject: subject ?? (name == CampaignExperiment.controlName ? "the campaign's own" : "as the campaign's"),
                members: outcome?.members, successes: outcome?.successes, rate: Self.figure(outcome, metric: experiment.metric),
                isWinner: name == winner)
        }
    }

    /// What the page shows of a variant: its rate, or its revenue per recipient in major units.
    static func figure(_ outcome: CampaignVariantOutcome?, metric: CampaignExperimentMetric) -> String? {
        guard let outcome else { return nil }
        if metric == .revenuePerRecipient {
            guard let mean = outcome.revenue?.mean else { return nil }
            let digits = outcome.currency.map(Currency.minorDigits) ?? 2
            let major = mean / pow(10, Double(digits))
            return String(format: "%.\(digits)f", major) + (outcome.currency.map { " \($0)" } ?? "") + " per recipient"
        }
        return outcome.rate.map { String(format: "%.1f%%", $0 * 100) }
    }
}
