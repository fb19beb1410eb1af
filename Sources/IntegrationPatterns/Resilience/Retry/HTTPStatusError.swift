/// An error that carries an HTTP response status, so ``ErrorClassifier`` can sort it.
///
/// Conform your HTTP client's error type, or throw ``HTTPResponseError``.
public protocol HTTPStatusError: Error {
    /// The response's status code.
    var statusCode: Int { get }
}
