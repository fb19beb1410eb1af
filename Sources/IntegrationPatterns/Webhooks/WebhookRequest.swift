/// An incoming webhook as any HTTP server sees it: method, path, headers and the raw body bytes.
public struct WebhookRequest: Sendable, Hashable {
    /// The HTTP method (`POST`).
    public var method: String
    /// The request path, for logs.
    public var path: String
    /// The request headers.
    public var headers: HTTPHeaders
    /// The body exactly as received: never parse and re-serialise it before verifying.
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String = "POST", path: String = "/", headers: HTTPHeaders, body: [UInt8]) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }
}
