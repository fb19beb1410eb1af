internal import Foundation

/// The inbox of the idempotent consumer: message ids recorded in the same SQLite transaction as the
/// business writes they cause, so a redelivered message never takes effect twice.
///
/// Two ways to use it:
/// - **Process now** (`process`): record the id and run your writes in one transaction; a duplicate
///   finds the id and does nothing. This is effectively-once for effects inside this database.
/// - **Accept now, process later** (`accept`, then `processPending`): store the message and answer the
///   sender at once (fast acknowledgement), then drain the inbox in the background; each message's
///   writes and its "processed" mark commit together, and a failure is retried later.
public final class SQLiteInbox: Sendable {
    /// The database shared with your business tables.
    public let database: SQLiteDatabase
    private let retention: Duration
    private let clock: WallClock

    /// The table this inbox uses.
    public static let table = "inbox_messages"

    /// Opens (creating if needed) the inbox in `database`.
    ///
    /// - Parameter retention: How long processed ids are kept; at least the sender's retry horizon.
    public init(database: SQLiteDatabase, retention: Duration = .seconds(7 * 86_400), clock: WallClock = .system) throws
    {
        self.database = database
        self.retention = retention
        self.clock = clock
        try database.write { connection in
            try connection.executeScript(
                """
                CREATE TABLE IF NOT EXISTS \(Self.table) (
                    consumer TEXT NOT NULL,
                    message_id TEXT NOT NULL,
                    payload BLOB,
                    headers BLOB,
                    received_at INTEGER NOT NULL,
                    processed_at INTEGER,
                    available_at INTEGER NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    PRIMARY KEY (consumer, message_id)
                ) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS \(Self.table)_pending ON \(Self.table)(consumer, processed_at, available_at);
                """)
        }
    }

    /// Opens the inbox in the database file at `path`.
    public convenience init(path: String, retention: Duration = .seconds(7 * 86_400), clock: WallClock = .system) throws
    {
        try self.init(database: SQLiteDatabase(path: path), retention: retention, clock: clock)
    }

    /// Records `messageID` and runs `body` in the same transaction; returns `false` without running
    /// `body` when the message was already processed. An error in `body` rolls both back.
    @discardableResult
    public func process(
        messageID: String, consumer: String = "default", _ body: (SQLiteConnection) throws -> Void
    ) throws -> Bool {
        let now = clock.now().unixMilliseconds
        return try database.transaction { connection in
            let inserted = try connection.execute(
                """
                INSERT INTO \(Self.table) (consumer, message_id, received_at, processed_at, available_at)
                VALUES (?1, ?2, ?3, ?3, ?3) ON CONFLICT DO NOTHING
                """, [.text(consumer), .text(messageID), .integer(now)])
            if inserted == 0 {
                // Accepted earlier but not processed yet: process it now.
                let marked = try connection.execute(
                    "UPDATE \(Self.table) SET processed_at = ?3 WHERE consumer = ?1 AND message_id = ?2 AND processed_at IS NULL",
                    [.text(consumer), .text(messageID), .integer(now)])
                guard marked == 1 else { return false }
            }
            try body(connection)
            return true
        }
    }

    /// Stores a message for later processing; returns `false` for a duplicate (already accepted).
    @discardableResult
    public func accept(
        messageID: String, consumer: String = "default", payload: [UInt8], headers: HTTPHeaders = HTTPHeaders()
    )
        throws -> Bool
    {
        let now = clock.now().unixMilliseconds
        return try database.write { connection in
            try connection.execute(
                """
                INSERT INTO \(Self.table) (consumer, message_id, payload, headers, received_at, available_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?5) ON CONFLICT DO NOTHING
                """,
                [
                    .text(consumer), .text(messageID), .blob(payload),
                    .blob(SQLiteIdempotencyStore.encodeHeaders(headers)), .integer(now),
                ]) == 1
        }
    }

    /// Processes up to `limit` accepted messages that are due, oldest first: each one's writes and its
    /// "processed" mark commit together. A message whose handler throws is retried after `retryAfter`
    /// for that attempt. Returns the messages that failed this time, with their errors.
    @discardableResult
    public func processPending(
        consumer: String = "default", limit: Int = 100,
        retryAfter: (Int) -> Duration = { attempt in .seconds(min(3600, 1 << min(attempt, 12))) },
        _ handler: (InboxMessage, SQLiteConnection) throws -> Void
    ) throws -> [(message: InboxMessage, error: any Error)] {
        let now = clock.now()
        var failures: [(message: InboxMessage, error: any Error)] = []
        for message in try due(consumer: consumer, limit: limit, now: now) {
            do {
                try database.transaction { connection in
                    let marked = try connection.execute(
                        "UPDATE \(Self.table) SET processed_at = ?3 WHERE consumer = ?1 AND message_id = ?2 AND processed_at IS NULL",
                        [.text(consumer), .text(message.messageID), .integer(now.unixMilliseconds)])
                    guard marked == 1 else { return }  // another worker took it
                    try handler(message, connection)
                }
            } catch {
                try recordFailure(
                    message, consumer: consumer, error: error, retryAt: now.adding(retryAfter(message.attempts + 1)))
                failures.append((message, error))
            }
        }
        return failures
    }

    /// Processes up to `limit` accepted messages that are due with an async `handler` (one that calls
    /// other services): a message is marked processed after `handler` returns, and retried after
    /// `retryAfter` when it throws. Unlike the synchronous variant, writes the handler makes elsewhere do
    /// not commit with the mark, so the handler must be idempotent for the rare crash in between.
    @discardableResult
    public func processPending(
        consumer: String = "default", limit: Int = 100,
        retryAfter: (Int) -> Duration = { attempt in .seconds(min(3600, 1 << min(attempt, 12))) },
        _ handler: (InboxMessage) async throws -> Void
    ) async throws -> [(message: InboxMessage, error: any Error)] {
        let now = clock.now()
        var failures: [(message: InboxMessage, error: any Error)] = []
        for message in try due(consumer: consumer, limit: limit, now: now) {
            do {
                try await handler(message)
                try database.write { connection in
                    _ = try connection.execute(
                        "UPDATE \(Self.table) SET processed_at = ?3 WHERE consumer = ?1 AND message_id = ?2 AND processed_at IS NULL",
                        [.text(consumer), .text(message.messageID), .integer(clock.now().unixMilliseconds)])
                }
            } catch {
                try recordFailure(
                    message, consumer: consumer, error: error, retryAt: now.adding(retryAfter(message.attempts + 1)))
                failures.append((message, error))
            }
        }
        return failures
    }

    /// The accepted messages due for processing, oldest first.
    private func due(consumer: String, limit: Int, now: Date) throws -> [InboxMessage] {
        try database.read { connection in
            try connection.query(
                """
                SELECT message_id, payload, headers, received_at, attempts, last_error FROM \(Self.table)
                WHERE consumer = ?1 AND processed_at IS NULL AND available_at <= ?2
                ORDER BY received_at, message_id LIMIT ?3
                """, [.text(consumer), .integer(now.unixMilliseconds), .integer(Int64(limit))])
        }.map { row in
            InboxMessage(
                consumer: consumer, messageID: row["message_id"].text ?? "", payload: row["payload"].bytes ?? [],
                headers: SQLiteIdempotencyStore.decodeHeaders(row["headers"].bytes ?? []),
                receivedAt: Date(unixMilliseconds: row["received_at"].integer ?? 0),
                attempts: Int(row["attempts"].integer ?? 0), lastError: row["last_error"].text)
        }
    }

    private func recordFailure(_ message: InboxMessage, consumer: String, error: any Error, retryAt: Date) throws {
        try database.write { connection in
            _ = try connection.execute(
                "UPDATE \(Self.table) SET attempts = attempts + 1, last_error = ?3, available_at = ?4 WHERE consumer = ?1 AND message_id = ?2",
                [
                    .text(consumer), .text(message.messageID), .text(String(describing: error)),
                    .integer(retryAt.unixMilliseconds),
                ])
        }
    }

    /// Forgets an accepted message that will never be processed (after parking it elsewhere).
    public func discard(messageID: String, consumer: String = "default") throws {
        try database.write { connection in
            _ = try connection.execute(
                "DELETE FROM \(Self.table) WHERE consumer = ?1 AND message_id = ?2 AND processed_at IS NULL",
                [.text(consumer), .text(messageID)])
        }
    }

    /// Whether `messageID` was processed for `consumer`.
    public func isProcessed(messageID: String, consumer: String = "default") throws -> Bool {
        try database.read { connection in
            try connection.queryFirst(
                "SELECT 1 FROM \(Self.table) WHERE consumer = ?1 AND message_id = ?2 AND processed_at IS NOT NULL",
                [.text(consumer), .text(messageID)]) != nil
        }
    }

    /// How many accepted messages wait to be processed.
    public func pendingCount(consumer: String = "default") throws -> Int {
        try database.read { connection in
            Int(
                try connection.queryFirst(
                    "SELECT count(*) FROM \(Self.table) WHERE consumer = ?1 AND processed_at IS NULL", [.text(consumer)]
                )?[0].integer ?? 0)
        }
    }

    /// Forgets processed ids older than the retention; returns how many.
    @discardableResult
    public func purgeExpired() throws -> Int {
        let cutoff = clock.now().adding(.zero - retention).unixMilliseconds
        return try database.write { connection in
            try connection.execute(
                "DELETE FROM \(Self.table) WHERE processed_at IS NOT NULL AND processed_at <= ?1", [.integer(cutoff)])
        }
    }
}
