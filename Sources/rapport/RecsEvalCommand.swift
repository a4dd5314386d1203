import ArgumentParser
import Foundation
import RapportCore
import RapportLearning

/// `rapport recs eval`: holds out each user's last 20% of interactions by time, trains
/// popularity, item-kNN and Rapport's model on the rest, and reports precision, recall and
/// NDCG at 10 and the training time of each.
struct RecsEvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Evaluate the recommenders on an interaction log (MovieLens 100k: recbole's ml-100k.inter).")

    @Option(help: "The interactions: RecBole's .inter (tab-separated, user_id:token, item_id:token, timestamp:float) or CSV")
    var interactions: String

    @Option(help: "recbole or csv (a header user_id,item_id,timestamp)")
    var format: String = "recbole"

    @Flag(help: "Print the result as one JSON object")
    var json = false

    func validate() throws {
        guard ["recbole", "csv"].contains(format) else { throw ValidationError("--format must be recbole or csv.") }
    }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: interactions) else { throw ValidationError("Cannot read \(interactions).") }
        let log = try InteractionLogFormat.interactions(String(decoding: data, as: UTF8.self), separator: format == "csv" ? "," : "\t")
        let split = InteractionSplit(log)
        var results: [(name: String, metrics: RankingMetrics, seconds: Double)] = []
        var started = ContinuousClock.now
        let catalog = ItemCatalog(split.training)
        let catalogSeconds = (ContinuousClock.now - started).inSeconds
        results.append(("popularity", RankingMetrics.evaluate(PopularityRecommender(catalog: catalog), on: split), catalogSeconds))
        started = ContinuousClock.now
        let knn = ItemKNNRecommender(catalog: catalog)
        let knnSeconds = (ContinuousClock.now - started).inSeconds + catalogSeconds
        results.append(("item_knn", RankingMetrics.evaluate(knn, on: split), knnSeconds))
        started = ContinuousClock.now
        guard let rapport = EASERecommender(catalog: catalog) else { throw ValidationError("No interactions to train on.") }
        let rapportSeconds = (ContinuousClock.now - started).inSeconds + catalogSeconds
        results.append(("rapport", RankingMetrics.evaluate(rapport, on: split), rapportSeconds))
        if json {
            print("{" + results.map { result in
                "\"\(result.name)\": {\"precision_at_10\": \(result.metrics.precision), \"recall_at_10\": \(result.metrics.recall), "
                    + "\"ndcg_at_10\": \(result.metrics.ndcg), \"train_seconds\": \(result.seconds)}"
            }.joined(separator: ", ") + "}")
            return
        }
        print("\(log.count) interactions, \(split.heldOut.count) users with held-out items, \(catalog.count) items in training")
        print("model        P@10    R@10    NDCG@10  train")
        for result in results {
            print(String(format: "%@ %.4f  %.4f  %.4f   %.3f s", result.name.padding(toLength: 12, withPad: " ", startingAt: 0),
                         result.metrics.precision, result.metrics.recall, result.metrics.ndcg, result.seconds))
        }
    }
}
