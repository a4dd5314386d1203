import RapportCore

/// Runs `bot.idle` jobs: closes a bot conversation nobody wrote in since the bot answered.
struct BotIdleHandler: JobHandler {
    let bot: BotService
    let kind = BotIdlePayload.jobKind

    func run(_ job: Job) async throws {
        try await bot.closeIdle(job)
    }
}
