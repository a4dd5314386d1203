/// Interaction logs with a header naming `user_id`, `item_id` and `timestamp` columns in any
/// order: RecBole's atomic `.inter` files (tab-separated, names typed as `user_id:token`) and
/// CSV (`user_id,item_id,timestamp`). Other columns are ignored.
public enum InteractionLogFormat {
    public static func interactions(_ text: String, separator: Character) throws -> [ItemInteraction] {
        var lines = text.split(whereSeparator: \.isNewline).makeIterator()
        guard let header = lines.next() else { throw InteractionLogError("The file is empty.") }
        let names = header.split(separator: separator, omittingEmptySubsequences: false)
            .map { $0.split(separator: ":").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "" }
        guard let user = names.firstIndex(of: "user_id"), let item = names.firstIndex(of: "item_id"),
            let time = names.firstIndex(of: "timestamp")
        else { throw InteractionLogError("The header must name user_id, item_id and timestamp columns.") }
        var interactions: [ItemInteraction] = []
        var number = 1
        while let line = lines.next() {
            number += 1
            let fields = line.split(separator: separator, omittingEmptySubsequences: false)
            guard fields.count > max(user, item, time), let moment = Double(fields[time].trimmingCharacters(in: .whitespaces)) else {
                throw InteractionLogError("Line \(number): expected \(names.count) fields with a numeric timestamp.")
            }
            interactions.append(ItemInteraction(user: String(fields[user]), item: String(fields[item]), time: moment))
        }
        return interactions
    }
}
