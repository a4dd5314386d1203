import Foundation
import RapportCore

/// A customer's consent for one purpose and channel: the current status and what it means
/// now (`effect`: a grant past its expiry is `expired`), and every change, newest first, with
/// its evidence.
struct ConsentResponse: Encodable {
    struct Change: Encodable {
        let actor: String
        let expiresAt: Date?
        let id: String
        let ipAddress: String?
        let occurredAt: Date
        let recordedAt: Date
        /// For a double opt-in: when and from where the person signed up (the rest of the
        /// change is the confirmation).
        let signUp: SignUp?
        let source: ConsentSource
        let status: ConsentStatus
        let textHash: String?
        let userAgent: String?
    }

    struct SignUp: Encodable {
        let ipAddress: String?
        let signedUpAt: Date
        let userAgent: String?
    }

    let channel: ConsentChannel
    let effect: ConsentState.Effect
    let expiresAt: Date?
    let history: [Change]
    let object = "consent"
    let purpose: ConsentPurpose
    let source: ConsentSource
    let status: ConsentStatus
    let updatedAt: Date

    init(_ state: ConsentState, now: Date) {
        channel = state.channel
        effect = state.effect(at: now)
        expiresAt = state.current.expiresAt
        history = state.history.map { entry in
            Change(
                actor: entry.evidence.actor, expiresAt: entry.expiresAt, id: entry.id, ipAddress: entry.evidence.ipAddress,
                occurredAt: entry.evidence.occurredAt, recordedAt: entry.recordedAt,
                signUp: entry.evidence.signUp.map { SignUp(ipAddress: $0.ipAddress, signedUpAt: $0.signedUpAt, userAgent: $0.userAgent) },
                source: entry.evidence.source, status: entry.status,
                textHash: entry.evidence.textHash, userAgent: entry.evidence.userAgent)
        }
        purpose = state.purpose
        source = state.current.evidence.source
        status = state.status
        updatedAt = state.current.evidence.occurredAt
    }
}
