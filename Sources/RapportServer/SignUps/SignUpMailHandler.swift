import Foundation
import RapportChannels
import RapportCore

/// Runs `sign_up.mail` jobs: mails a sign-up its confirmation link from the workspace's e-mail
/// inbox, in the sign-up's language.
struct SignUpMailHandler: JobHandler {
    let signUps: SignUpService
    let sender: EmailSender
    /// Where links point (`RAPPORT_PUBLIC_URL`).
    let publicBase: String
    let kind = SignUpMailPayload.jobKind

    func run(_ job: Job) async throws {
        let payload = try job.decode(SignUpMailPayload.self)
        guard let mail = try await signUps.mail(signUpID: payload.signUpID, workspaceID: payload.workspaceID) else { return }
        let words = PreferenceWording.choose(asked: nil, locale: mail.signUp.locale)
        let link = publicBase + SiteURL.confirmSignUp(token: mail.token).path
        let text = words.mailBody
            .replacingOccurrences(of: "{purposes}", with: words.purposeList(mail.signUp.purposes))
            .replacingOccurrences(of: "{store}", with: mail.inbox[.displayName] ?? mail.inbox.name)
            .replacingOccurrences(of: "{link}", with: link)
            .replacingOccurrences(of: "{date}", with: WebFormat.day(mail.signUp.expiresAt))
        _ = try await sender.sendNotice(to: mail.signUp.address, subject: words.mailSubject, text: text, from: mail.inbox)
        try await signUps.mailed(signUpID: mail.signUp.id)
    }
}
