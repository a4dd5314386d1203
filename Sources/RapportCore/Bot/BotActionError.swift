/// A change the bot decided on was refused by the store's rules (the order moved on since
/// the bot looked): the turn is rolled back and the conversation handed to a person.
enum BotActionError: Error {
    case refused(String)
}
