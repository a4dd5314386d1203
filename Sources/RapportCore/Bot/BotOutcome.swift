/// Where a conversation stands for the bot: still with it, ended without a person
/// (contained), or handed to a person.
public enum BotOutcome: String, Sendable, Codable, CaseIterable {
    case active
    case contained
    case handedOff = "handed_off"
}
