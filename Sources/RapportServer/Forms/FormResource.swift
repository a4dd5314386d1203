import Foundation
import RapportCore

/// A form as the API shows it: everything it was given, and how many answers it took.
struct FormResource: Encodable {
    let id: String
    let object = "form"
    let name: String
    let kind: FormKind
    let status: FormStatus
    let intro: String?
    let questions: [FormQuestion]
    let results: [FormResult]
    let consent: FormConsent?
    let thankYou: String?
    let allowedOrigins: [String]
    let lead: FormLead?
    let answers: Int
    let createdAt: Date
    let updatedAt: Date

    init(_ form: Form, answers: Int) {
        id = form.id
        name = form.name
        kind = form.kind
        status = form.status
        intro = form.definition.intro
        questions = form.definition.questions
        results = form.definition.results
        consent = form.definition.consent
        thankYou = form.definition.thankYou
        allowedOrigins = form.definition.allowedOrigins
        lead = form.definition.lead
        self.answers = answers
        createdAt = form.createdAt
        updatedAt = form.updatedAt
    }
}
