/// An HTTP response: status, headers and the body bytes exactly as sent or received.
///
/// One type serves every place the library holds a response: what a webhook endpoint answers
/// (``WebhookResponse``), what an idempotency store replays to duplicates (``StoredResponse``) and what a
/// feed fetch brought back (``FeedResponse``), so one passes to the other without copying field by field.
public struct HTTPResponse: Sendable, Hashable, Codable {
    /// The HTTP status.
    public var status: Int
    /// The headers.
    public var headers: HTTPHeaders
    /// The body, unmodified.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response with a small object of string fields.
    public static func json(
        _ status: Int, _ fields: KeyValuePairs<String, String>, headers extra: HTTPHeaders = HTTPHeaders()
    )
        -> HTTPResponse
    {
        let members = fields.map { "\"\($0.key)\":\"\(escape($0.value))\"" }.joined(separator: ",")
        var headers = HTTPHeaders([("Content-Type", "application/json")])
        for field in extra { headers.add(name: field.name, value: field.value) }
        return HTTPResponse(status: status, headers: headers, body: Array("{\(members)}".utf8))
    }

    /// The conventional acknowledgement: `200 {"received":"true"}`.
    public static let received = json(200, ["received": "true"])

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
