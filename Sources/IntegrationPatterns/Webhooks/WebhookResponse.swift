/// What to answer the sender of a webhook: status, headers, body.
public typealias WebhookResponse = HTTPResponse
