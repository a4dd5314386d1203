import RapportCore

/// A WhatsApp message template as the API shows it: its name and language (what a WhatsApp
/// campaign's `content.<locale>.template` names), Meta's status and category, the body's text
/// and how many parameters it takes (`parameter_names`: `1`, `2`, … or the named ones), and
/// the header and footer texts (null when it has none).
struct WhatsAppTemplateResponse: Encodable {
    let body: String
    let category: String
    let footer: String?
    let header: String?
    let language: String
    let name: String
    let object = "whatsapp_template"
    let parameterNames: [String]
    let parameters: Int
    let status: String

    init(_ template: WhatsAppTemplate) {
        body = template.body
        category = template.category
        footer = template.footer
        header = template.header
        language = template.language
        name = template.name
        parameterNames = template.parameters
        parameters = template.parameterCount
        status = template.status
    }
}
