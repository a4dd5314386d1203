import ArgumentParser
import Foundation
import RapportCore

/// Labelled texts for training and testing the intent classifier: the CLINC150 JSON layout
/// (`train`, `val`, `test`, and `oos_train`, `oos_val`, `oos_test` labelled `oos`) or CSV files
/// with a `text,intent` header.
struct IntentDataset {
    typealias Rows = [(text: String, intent: String)]
    var train: Rows
    /// For choosing the out-of-scope threshold; empty when the dataset has no such split.
    var validation: Rows
    var test: Rows

    static func clinc(_ path: String) throws -> IntentDataset {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let splits = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ValidationError("\(path) is not a JSON object of splits.")
        }
        func rows(_ names: [String]) throws -> Rows {
            try names.flatMap { name -> Rows in
                guard let list = splits[name] else { return [] }
                guard let pairs = list as? [[Any]] else { throw ValidationError("\(path): \(name) is not a list of [text, intent] pairs.") }
                return try pairs.map { pair in
                    guard pair.count == 2, let text = pair[0] as? String, let intent = pair[1] as? String else {
                        throw ValidationError("\(path): \(name) has a row that is not [text, intent].")
                    }
                    return (text, intent)
                }
            }
        }
        let dataset = IntentDataset(train: try rows(["train", "oos_train"]), validation: try rows(["val", "oos_val"]), test: try rows(["test", "oos_test"]))
        guard !dataset.train.isEmpty, !dataset.test.isEmpty else { throw ValidationError("\(path) has no train or no test rows.") }
        return dataset
    }

    static func csv(train: String, test: String) throws -> IntentDataset {
        IntentDataset(train: try csvRows(train), validation: [], test: try csvRows(test))
    }

    private static func csvRows(_ path: String) throws -> Rows {
        let records = CSVReader.records(try String(contentsOfFile: path, encoding: .utf8))
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
            let textColumn = header.firstIndex(of: "text"), let intentColumn = header.firstIndex(of: "intent")
        else { throw ValidationError("\(path) needs a header with the columns text and intent.") }
        return try records.dropFirst().compactMap { record in
            if record.fields.allSatisfy({ $0.isEmpty }) { return nil }
            guard record.fields.count > max(textColumn, intentColumn) else {
                throw ValidationError("\(path), line \(record.line): fewer columns than the header.")
            }
            return (record.fields[textColumn], record.fields[intentColumn])
        }
    }
}
