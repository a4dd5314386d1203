import RapportCore

/// A connected shop as the API shows it: never its secret, always its webhook URL.
struct SourceResponse: JSONWritable {
    var source: ShopSource
    var baseURL: String

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("created_at"); writer.timestamp(source.createdAt)
        writer.key("id"); writer.string(source.id)
        writer.key("kind"); writer.string(source.kind.rawValue)
        writer.key("name"); writer.string(source.name)
        writer.key("object"); writer.string("source")
        writer.key("webhook_url"); writer.string(baseURL + SiteURL.source(source).path)
        writer.endObject()
    }
}
