/// An error that knows whether a retry can help, so ``ErrorClassifier/default`` takes its word for it.
///
/// For the error types of a domain that already sort their failures (a feed poll's ``FeedFailure``
/// says whether it is transient, from its HTTP status and what came back). A classifier's own rules,
/// put in front with ``ErrorClassifier/overriding(_:)``, still come first.
public protocol ClassifiedError: Error {
    /// Transient, timeout or permanent.
    var classification: ErrorClassifier.Classification { get }
}
