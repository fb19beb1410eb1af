internal import Foundation

extension DeadLetter {
    /// The dead letter as one line of JSON, the format of `ipm dlq export` and `ipm dlq show --json`.
    ///
    /// Keys, stable: `id`, `source`, `key`, `reason`, `error`, `attempts`, `first_failed_at` and
    /// `last_failed_at` (ISO 8601, UTC, milliseconds), `headers` (an array of `[name, value]` pairs, in
    /// order), `payload` (the bytes as UTF-8 text, or `null` when they are not UTF-8) and
    /// `payload_base64` (always; the authoritative copy). Sorted keys, no newline inside.
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(JSONRecord(self)), as: UTF8.self)
    }

    /// Reads a dead letter from one line written by ``jsonLine()``; the `id` is kept if present.
    public init(jsonLine: String) throws {
        let record = try JSONDecoder().decode(JSONRecord.self, from: Data(jsonLine.utf8))
        try self.init(record: record)
    }

    /// The stable JSON shape of a dead letter (see ``DeadLetter/jsonLine()``).
    public struct JSONRecord: Codable, Sendable, Hashable {
        /// `id`: the store's identifier.
        public var id: Int64?
        /// `source`: where the message came from.
        public var source: String
        /// `key`: the message's own key, or null.
        public var key: String?
        /// `reason`: why it was parked.
        public var reason: String
        /// `error`: the last error.
        public var error: String
        /// `attempts`: how often processing was tried.
        public var attempts: Int
        /// `first_failed_at`: ISO 8601, UTC, milliseconds.
        public var firstFailedAt: String
        /// `last_failed_at`: ISO 8601, UTC, milliseconds.
        public var lastFailedAt: String
        /// `headers`: `[name, value]` pairs in order.
        public var headers: HTTPHeaders
        /// `payload`: the bytes as UTF-8 text, or null when they are not UTF-8.
        public var payload: String?
        /// `payload_base64`: the bytes, always.
        public var payloadBase64: String

        enum CodingKeys: String, CodingKey {
            case id, source, key, reason, error, attempts, headers, payload
            case firstFailedAt = "first_failed_at"
            case lastFailedAt = "last_failed_at"
            case payloadBase64 = "payload_base64"
        }

        /// The record of `letter`.
        public init(_ letter: DeadLetter) {
            id = letter.id
            source = letter.source
            key = letter.key
            reason = letter.reason
            error = letter.error
            attempts = letter.attempts
            firstFailedAt = JSONRecord.format(letter.firstFailedAt)
            lastFailedAt = JSONRecord.format(letter.lastFailedAt)
            headers = letter.headers
            payload = String(validating: letter.payload, as: UTF8.self)
            payloadBase64 = Data(letter.payload).base64EncodedString()
        }

        // `encode` writes `key` and `payload` as null rather than leaving them out, so every line has
        // every key.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(source, forKey: .source)
            try container.encode(key, forKey: .key)
            try container.encode(reason, forKey: .reason)
            try container.encode(error, forKey: .error)
            try container.encode(attempts, forKey: .attempts)
            try container.encode(firstFailedAt, forKey: .firstFailedAt)
            try container.encode(lastFailedAt, forKey: .lastFailedAt)
            try container.encode(headers, forKey: .headers)
            try container.encode(payload, forKey: .payload)
            try container.encode(payloadBase64, forKey: .payloadBase64)
        }

        static func format(_ date: Date) -> String {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return formatter.string(from: date)
        }

        static func parse(_ text: String) -> Date? {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = formatter.date(from: text) { return date }
            formatter.formatOptions = [.withInternetDateTime]
            return formatter.date(from: text)
        }
    }

    /// A dead letter from its JSON record; throws `DecodingError.dataCorrupted` for a bad date or base64.
    public init(record: JSONRecord) throws {
        guard let payload = Data(base64Encoded: Self.padded(record.payloadBase64)) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [JSONRecord.CodingKeys.payloadBase64], debugDescription: "payload_base64 is not base64")
            )
        }
        guard let first = JSONRecord.parse(record.firstFailedAt) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [JSONRecord.CodingKeys.firstFailedAt],
                    debugDescription: "first_failed_at is not an ISO 8601 date"))
        }
        guard let last = JSONRecord.parse(record.lastFailedAt) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [JSONRecord.CodingKeys.lastFailedAt],
                    debugDescription: "last_failed_at is not an ISO 8601 date"))
        }
        self.init(
            id: record.id, source: record.source, key: record.key, payload: Array(payload), headers: record.headers,
            reason: record.reason, error: record.error, attempts: record.attempts, firstFailedAt: first,
            lastFailedAt: last)
    }

    private static func padded(_ base64: String) -> String {
        let remainder = base64.count % 4
        return remainder == 0 ? base64 : base64 + String(repeating: "=", count: 4 - remainder)
    }
}
