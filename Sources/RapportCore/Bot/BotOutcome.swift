/// Where a conversation stands for the bot: still with it, ended without a person
/// (contained: the bot had done what was asked), handed to a person, or abandoned (the
/// customer went quiet while the bot waited for an answer).
public enum BotOutcome: String, Sendable, Codable, CaseIterable {
    case active
    case contained
    case handedOff = "handed_off"
    case abandoned
}
