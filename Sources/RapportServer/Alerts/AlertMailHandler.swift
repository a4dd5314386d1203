import Foundation
import RapportChannels
import RapportCore

/// Runs `alert.mail` jobs: e-mails a user an alert they have not read in time, from the
/// workspace's notice inbox, pointing at the conversation (a complaint), else the page of the
/// customer it is about, else the workspace's start page.
struct AlertMailHandler: JobHandler {
    let alerts: AlertService
    let sender: EmailSender
    /// Where links point (`RAPPORT_PUBLIC_URL`).
    let publicBase: String
    let kind = AlertMailPayload.jobKind

    func run(_ job: Job) async throws {
        guard let mail = try await alerts.mail(try job.decode(AlertMailPayload.self)) else { return }
        let link = publicBase + (mail.alert.kind == .complaint ? "/inbox/\(mail.alert.subjectID)" : mail.alert.customerID.map { "/customers/\($0)" } ?? "/")
        _ = try await sender.sendNotice(to: mail.address, subject: mail.subject, text: mail.text(linkingTo: link), from: mail.inbox)
    }
}
