import Foundation

/// The checks a consent change passes before it is stored; every problem is reported at once.
enum ConsentRules {
    struct Checked {
        let purpose: ConsentPurpose
        let channel: ConsentChannel
        let status: ConsentStatus
        let expiresAt: Date?
        let occurredAt: Date?
        let text: String?
        let ipAddress: String?
        let userAgent: String?
    }

    static func check(_ input: ConsentInput, now: Date, skew: TimeInterval, maximumTextLength: Int) throws -> Checked {
        var errors: [FieldError] = []
        if !ConsentPurpose.isValid(input.purpose) {
            errors.append(FieldError(field: "purpose", message: "must be 1 to 40 characters of a-z, 0-9 and _ (marketing, personalisation, surveys, analytics, or the store's own)"))
        }
        let channel = ConsentChannel(rawValue: input.channel)
        if channel == nil {
            errors.append(FieldError(field: "channel", message: "must be one of \(ConsentChannel.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let status = ConsentStatus(rawValue: input.status)
        if status == nil {
            errors.append(FieldError(field: "status", message: "must be granted, denied or withdrawn"))
        }
        if let expiresAt = input.expiresAt {
            if status != .granted { errors.append(FieldError(field: "expires_at", message: "only a grant can expire")) }
            if expiresAt <= now { errors.append(FieldError(field: "expires_at", message: "must be in the future")) }
        }
        if let occurredAt = input.occurredAt, occurredAt > now.addingTimeInterval(skew) {
            errors.append(FieldError(field: "occurred_at", message: "must not be in the future"))
        }
        let text = input.text.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if let text, text.count > maximumTextLength {
            errors.append(FieldError(field: "text", message: "must be at most \(maximumTextLength) characters"))
        }
        guard errors.isEmpty, let channel, let status else { throw RapportError.invalid(errors) }
        return Checked(
            purpose: ConsentPurpose(rawValue: input.purpose), channel: channel, status: status, expiresAt: input.expiresAt,
            occurredAt: input.occurredAt, text: text, ipAddress: input.ipAddress, userAgent: input.userAgent)
    }

    /// The source a caller named, if it may claim it; the default when it named none.
    static func source(_ name: String?, allowed: [ConsentSource], default fallback: ConsentSource) throws -> ConsentSource {
        guard let name else { return fallback }
        guard let source = ConsentSource(rawValue: name), allowed.contains(source) else {
            throw RapportError.invalid(field: "source", "must be one of \(allowed.map(\.rawValue).joined(separator: ", ")) for this caller")
        }
        return source
    }
}
