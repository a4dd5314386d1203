import RapportLearning

/// Trained classifiers by workspace and intent-set version: training takes milliseconds for a
/// store's few hundred examples, but not on every message.
actor BotModels {
    private var trained: [String: (version: Int, classifier: IntentClassifier)] = [:]

    func classifier(for set: BotIntentSet) async -> IntentClassifier {
        if let cached = trained[set.workspaceID], cached.version == set.version { return cached.classifier }
        let classifier = await IntentClassifier.train(set.examples)
        trained[set.workspaceID] = (set.version, classifier)
        return classifier
    }
}
