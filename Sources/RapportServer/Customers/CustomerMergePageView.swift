/// Two customers side by side before merging (`customer_merge`): the one kept and the one
/// merged into it, each as its customer page shows it.
struct CustomerMergePageView: TemplateView {
    let kept: CustomerPageView
    let merged: CustomerPageView
}
