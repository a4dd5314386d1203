import Foundation

/// Turns identities as callers write them into the one form that is stored and matched.
///
/// E-mail addresses are trimmed and lower-cased (Gmail-style dots and `+tags` are kept: they
/// may be different mailboxes elsewhere); phone numbers become E.164; WhatsApp ids become the
/// phone number's digits; platform ids and external ids are trimmed and otherwise kept.
public struct IdentityNormalizer: Sendable {
    public static let maximumValueLength = 320

    public var phoneNumbers: PhoneNumberNormalizer

    public init(defaultRegion: PhoneRegion) {
        self.phoneNumbers = PhoneNumberNormalizer(defaultRegion: defaultRegion)
    }

    /// The normalised identity, or the field errors to report under `field`.
    public func normalize(_ input: IdentityInput, field: String) -> Result<NormalizedIdentity, RapportError> {
        guard let kind = IdentityKind(rawValue: input.kind) else {
            let kinds = IdentityKind.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(.invalid(field: "\(field).kind", "unknown identity kind '\(input.kind)'; use one of \(kinds)"))
        }
        let source = input.source?.trimmed
        let cleanSource = (source?.isEmpty ?? true) ? nil : source
        if let cleanSource, cleanSource.count > 100 {
            return .failure(.invalid(field: "\(field).source", "must be at most 100 characters"))
        }
        let trimmed = input.value.trimmed
        guard !trimmed.isEmpty else {
            return .failure(.invalid(field: "\(field).value", "must not be empty"))
        }
        guard trimmed.count <= Self.maximumValueLength else {
            return .failure(.invalid(field: "\(field).value", "must be at most \(Self.maximumValueLength) characters"))
        }
        switch kind {
        case .email:
            return normalizeEmail(trimmed).map { NormalizedIdentity(kind: .email, value: $0, source: cleanSource) }
                .mapError { .invalid(field: "\(field).value", $0.message) }
        case .phone:
            return phoneNumbers.normalize(trimmed)
                .map { NormalizedIdentity(kind: .phone, value: $0, source: cleanSource) }
                .mapError { .invalid(field: "\(field).value", "phone number \($0.description)") }
        case .whatsapp:
            return phoneNumbers.normalize(trimmed.hasPrefix("+") ? trimmed : "+" + trimmed)
                .map { NormalizedIdentity(kind: .whatsapp, value: String($0.dropFirst()), source: cleanSource) }
                .mapError { .invalid(field: "\(field).value", "WhatsApp id \($0.description)") }
        case .external:
            guard cleanSource != nil else {
                return .failure(.invalid(field: "\(field).source", "is required for external ids: name the system (e.g. shopify)"))
            }
            return checkNoWhitespace(trimmed, kind: kind, source: cleanSource, field: field)
        case .messenger, .instagram, .anonymous:
            return checkNoWhitespace(trimmed, kind: kind, source: cleanSource, field: field)
        }
    }

    /// Normalises every identity, collecting all errors rather than stopping at the first.
    public func normalizeAll(_ inputs: [IdentityInput], field: String) -> Result<[NormalizedIdentity], RapportError> {
        var identities: [NormalizedIdentity] = []
        var errors: [FieldError] = []
        for (index, input) in inputs.enumerated() {
            switch normalize(input, field: "\(field)[\(index)]") {
            case .success(let identity):
                if !identities.contains(where: { $0.key == identity.key }) { identities.append(identity) }
            case .failure(.invalid(let fieldErrors)):
                errors += fieldErrors
            case .failure(let other):
                return .failure(other)
            }
        }
        return errors.isEmpty ? .success(identities) : .failure(.invalid(errors))
    }

    private func normalizeEmail(_ value: String) -> Result<String, EmailProblem> {
        let lowered = value.lowercased()
        let parts = lowered.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return .failure(EmailProblem("is not an e-mail address: expected one @ between a local part and a domain"))
        }
        guard !lowered.contains(where: \.isWhitespace) else {
            return .failure(EmailProblem("must not contain spaces"))
        }
        let domainLabels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard domainLabels.count >= 2, domainLabels.allSatisfy({ !$0.isEmpty }) else {
            return .failure(EmailProblem("has no valid domain: expected something like name@example.com"))
        }
        return .success(lowered)
    }

    private func checkNoWhitespace(
        _ value: String, kind: IdentityKind, source: String?, field: String
    ) -> Result<NormalizedIdentity, RapportError> {
        guard !value.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            return .failure(.invalid(field: "\(field).value", "must not contain spaces"))
        }
        return .success(NormalizedIdentity(kind: kind, value: value, source: source))
    }
}
