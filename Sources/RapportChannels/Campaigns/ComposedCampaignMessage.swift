import RapportCore

/// One campaign e-mail composed for the inbox it goes through: who sends it, the `Message-ID`
/// Rapport gave it, and the whole message (MIME, the list headers and, when the transport hands
/// the message over as it is and the inbox has a key, the DKIM signature on top).
struct ComposedCampaignMessage: Sendable {
    var email: CampaignEmail
    /// The inbox's address and display name.
    var sender: EmailAddress
    /// Without its brackets, in lower case (`snd_…@sending-domain`).
    var messageID: String
    var message: String
}
