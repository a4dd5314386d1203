import RapportCore

/// Reads a consent change from an API body.
enum ConsentRequests {
    static func change(_ body: inout JSONObjectReader) throws -> ConsentInput {
        let input = ConsentInput(
            purpose: body.requiredString("purpose", maxLength: 40) ?? "", channel: body.requiredString("channel", maxLength: 16) ?? "",
            status: body.requiredString("status", maxLength: 16) ?? "", source: body.string("source", maxLength: 32),
            expiresAt: body.date("expires_at"), occurredAt: body.date("occurred_at"),
            text: body.string("text", maxLength: ConsentService.maximumTextLength),
            ipAddress: body.string("ip_address", maxLength: 64), userAgent: body.string("user_agent", maxLength: 512))
        try body.finish()
        return input
    }
}
