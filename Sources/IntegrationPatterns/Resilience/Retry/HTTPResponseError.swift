/// A non-success HTTP response as an error: its status and headers (for `Retry-After`).
public struct HTTPResponseError: HTTPStatusError, RetryAfterProviding, CustomStringConvertible, Hashable {
    /// The response's status code.
    public var statusCode: Int
    /// The response's headers.
    public var headers: HTTPHeaders

    /// Creates the error for a response.
    public init(statusCode: Int, headers: HTTPHeaders = HTTPHeaders()) {
        self.statusCode = statusCode
        self.headers = headers
    }

    /// The response's `Retry-After`, if it had a readable one.
    public var retryAfter: RetryAfter? { RetryAfter(headers: headers) }

    public var description: String { "HTTP \(statusCode)" }
}
