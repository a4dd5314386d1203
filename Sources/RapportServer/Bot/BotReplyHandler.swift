import RapportCore

/// Runs `bot.reply` jobs: the bot answers one customer message.
struct BotReplyHandler: JobHandler {
    let bot: BotService
    let kind = BotReplyPayload.jobKind

    func run(_ job: Job) async throws {
        try await bot.answer(job)
    }
}
