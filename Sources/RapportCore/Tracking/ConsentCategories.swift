import Foundation

/// Segment's consent on tracking calls: `context.consent.categoryPreferences`, a category name
/// and whether the visitor said yes (`{"Advertising": true, "Analytics": false}`). Each
/// category is a purpose on the `web` channel (the store's site and apps): `Advertising` and
/// `Marketing` are `marketing`, `Analytics` is `analytics`, `Functional`, `Personalization` and
/// `Personalisation` are `personalisation`; any other becomes the store's own purpose by its
/// name in snake case (`DataSharing` is `data_sharing`). A browser key's call may only
/// withdraw: its `true` is not taken as a grant, since anyone can send one in anyone's name.
public enum ConsentCategories {
    public struct Answer: Sendable, Equatable {
        public var category: String
        public var purpose: ConsentPurpose
        public var granted: Bool
    }

    public static func answers(in context: [String: JSONValue], provenance: IdentityProvenance) -> [Answer] {
        guard case .object(let preferences)? = context["consent"]?["categoryPreferences"] else { return [] }
        return preferences.keys.sorted().compactMap { category in
            guard case .bool(let granted)? = preferences[category], let purpose = purpose(of: category) else { return nil }
            if granted && provenance != .proven { return nil }
            return Answer(category: category, purpose: purpose, granted: granted)
        }
    }

    static func purpose(of category: String) -> ConsentPurpose? {
        switch category.lowercased() {
        case "advertising", "marketing": return .marketing
        case "analytics": return .analytics
        case "functional", "personalization", "personalisation": return .personalisation
        default:
            var snake = ""
            for (index, character) in category.enumerated() {
                if character.isUppercase, index > 0, snake.last != "_" { snake.append("_") }
                snake.append(character == " " || character == "-" ? "_" : Character(character.lowercased()))
            }
            return ConsentPurpose.isValid(snake) ? ConsentPurpose(rawValue: snake) : nil
        }
    }
}
