/// The response recorded for a completed key, replayed verbatim to every duplicate.
public struct StoredResponse: Sendable, Hashable, Codable {
    /// The HTTP status.
    public var status: Int
    /// The response headers.
    public var headers: HTTPHeaders
    /// The response body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
