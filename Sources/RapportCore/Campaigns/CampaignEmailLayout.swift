/// The responsive page a campaign e-mail's body sits in: one column at most 600 px wide that
/// narrows on a phone, inline-safe CSS (no scripts, no external files), the preheader hidden at
/// the top, and a footer that says who sent it, with the preference centre and unsubscribe links.
public enum CampaignEmailLayout {
    public static func page(
        lang: String, title: String, preheader: String?, body: String, sender: String, unsubscribeURL: String, preferencesURL: String,
        words: CampaignFooterWords
    ) -> String {
        let escape = MarkupText.escape
        return """
            <!DOCTYPE html>
            <html lang="\(lang)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light"><title>\(escape(title))</title>
            <style>
            body{margin:0;padding:0;background:#f4f4f5;color:#18181b;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif}
            .card{max-width:600px;margin:0 auto;background:#ffffff;padding:32px 28px;font-size:16px;line-height:1.55}
            .foot{max-width:600px;margin:0 auto;padding:16px 28px;font-size:12px;line-height:1.5;color:#52525b}
            a{color:#1d4ed8}img{max-width:100%;height:auto}
            @media (max-width:620px){.card{padding:24px 16px}.foot{padding:16px}}
            </style></head>
            <body><div style="display:none;max-height:0;overflow:hidden">\(escape(preheader ?? ""))</div>
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5"><tr><td style="padding:24px 8px">
            <div class="card">
            \(body)</div>
            <div class="foot">\(escape(words.reason)) \(escape(sender)).<br>
            <a href="\(escape(preferencesURL))">\(escape(words.preferences))</a> &middot; <a href="\(escape(unsubscribeURL))">\(escape(words.unsubscribe))</a></div>
            </td></tr></table></body></html>

            """
    }
}
