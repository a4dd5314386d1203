import Logging
import RapportCore
import ServiceLifecycle

/// Reopens snoozed conversations when their time comes, checking every few seconds.
struct SnoozeWakeService: Service {
    let conversations: ConversationService
    let logger: Logger
    var interval: Duration = .seconds(5)

    func run() async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let woken = try await conversations.wakeSnoozed()
                if woken > 0 { logger.info("snoozed conversations reopened", metadata: ["count": .stringConvertible(woken)]) }
            } catch {
                logger.error("waking snoozed conversations failed", metadata: ["error": .string(String(reflecting: error))])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
