import Mustache

/// A page's own view inside the frame every page shares: a key the page does not have is
/// looked up in the frame.
struct FramedPage: MustacheParent {
    let frame: PageFrame
    let page: any TemplateView

    func child(named key: String) -> Any? {
        page.child(named: key) ?? frame.child(named: key)
    }
}
