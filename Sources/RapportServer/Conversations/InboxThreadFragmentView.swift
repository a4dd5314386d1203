/// The open conversation alone (`inbox_thread_fragment`), which the inbox's script swaps in
/// when something changes.
struct InboxThreadFragmentView: TemplateView {
    let conversation: InboxThreadView
}
