public import Foundation

/// The transactional outbox: outgoing messages written in the same SQLite transaction as the business
/// change that causes them, so there is never a change without its message or a message without its
/// change. ``OutboxRelay`` publishes them afterwards, at least once.
///
/// ```swift
/// try outbox.database.transaction { db in
///     try db.execute("UPDATE orders SET status = 'paid' WHERE id = ?", [.text(orderID)])
///     try outbox.enqueue(topic: "order.paid", key: orderID, payload: body, in: db)
/// }
/// ```
public final class SQLiteOutbox: Sendable {
    /// The database shared with your business tables.
    public let database: SQLiteDatabase
    private let clock: WallClock

    /// The table the outbox uses.
    public static let table = "outbox_messages"

    /// Opens (creating if needed) the outbox in `database`.
    public init(database: SQLiteDatabase, clock: WallClock = .system) throws {
        self.database = database
        self.clock = clock
        try database.write { connection in
            try connection.executeScript(
                """
                CREATE TABLE IF NOT EXISTS \(Self.table) (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    topic TEXT NOT NULL,
                    key TEXT,
                    payload BLOB NOT NULL,
                    headers BLOB,
                    created_at INTEGER NOT NULL,
                    available_at INTEGER NOT NULL,
                    sent_at INTEGER,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT
                );
                CREATE INDEX IF NOT EXISTS \(Self.table)_pending ON \(Self.table)(sent_at, available_at, id);
                """)
        }
    }

    /// Opens the outbox in the database file at `path`.
    public convenience init(path: String, clock: WallClock = .system) throws {
        try self.init(database: SQLiteDatabase(path: path), clock: clock)
    }

    /// Writes a message inside the caller's transaction (pass the connection of `database.transaction`).
    @discardableResult
    public func enqueue(
        topic: String, key: String? = nil, payload: [UInt8], headers: HTTPHeaders = HTTPHeaders(),
        in connection: SQLiteConnection
    ) throws -> Int64 {
        let now = clock.now().unixMilliseconds
        try connection.execute(
            "INSERT INTO \(Self.table) (topic, key, payload, headers, created_at, available_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            [
                .text(topic), key.map(SQLiteValue.text) ?? .null, .blob(payload),
                .blob(SQLiteIdempotencyStore.encodeHeaders(headers)), .integer(now),
            ])
        return connection.lastInsertRowID
    }

    /// The messages due for publication, in the order they were written, stopping before the first one
    /// still waiting for a retry: publication order is kept (a message that keeps failing holds the ones
    /// behind it until it is parked).
    public func due(limit: Int = 100) throws -> [OutboxMessage] {
        let now = clock.now().unixMilliseconds
        return try database.read { connection in
            try connection.query(
                """
                SELECT id, topic, key, payload, headers, created_at, attempts, last_error, available_at FROM \(Self.table)
                WHERE sent_at IS NULL ORDER BY id LIMIT ?1
                """, [.integer(Int64(limit))]
            ).prefix { ($0["available_at"].integer ?? 0) <= now }.map { row in
                let id = row["id"].integer ?? 0
                return OutboxMessage(
                    id: id, topic: row["topic"].text ?? "", key: row["key"].text ?? String(id),
                    payload: row["payload"].bytes ?? [],
                    headers: SQLiteIdempotencyStore.decodeHeaders(row["headers"].bytes ?? []),
                    createdAt: Date(unixMilliseconds: row["created_at"].integer ?? 0),
                    attempts: Int(row["attempts"].integer ?? 0), lastError: row["last_error"].text)
            }
        }
    }

    /// Marks a message as published.
    public func markSent(_ id: Int64) throws {
        let now = clock.now().unixMilliseconds
        try database.write { connection in
            _ = try connection.execute(
                "UPDATE \(Self.table) SET sent_at = ?2 WHERE id = ?1", [.integer(id), .integer(now)])
        }
    }

    /// Records a failed publication; the message is due again at `retryAt`.
    public func markFailed(_ id: Int64, error: String, retryAt: Date) throws {
        try database.write { connection in
            _ = try connection.execute(
                "UPDATE \(Self.table) SET attempts = attempts + 1, last_error = ?2, available_at = ?3 WHERE id = ?1",
                [.integer(id), .text(error), .integer(retryAt.unixMilliseconds)])
        }
    }

    /// Removes a message that will never be published (after parking it elsewhere).
    public func remove(_ id: Int64) throws {
        try database.write { connection in
            _ = try connection.execute("DELETE FROM \(Self.table) WHERE id = ?1", [.integer(id)])
        }
    }

    /// Whether a message with this key was written (sent or not): how a two-way sync recognises its own
    /// change coming back from the other side (echo prevention).
    public func contains(key: String) throws -> Bool {
        try database.read { connection in
            try connection.queryFirst("SELECT 1 FROM \(Self.table) WHERE key = ?1 LIMIT 1", [.text(key)]) != nil
        }
    }

    /// How many messages wait to be published.
    public func pendingCount() throws -> Int {
        try database.read { connection in
            Int(try connection.queryFirst("SELECT count(*) FROM \(Self.table) WHERE sent_at IS NULL")?[0].integer ?? 0)
        }
    }

    /// Deletes published messages sent before `date`; returns how many.
    @discardableResult
    public func purgeSent(before date: Date) throws -> Int {
        try database.write { connection in
            try connection.execute(
                "DELETE FROM \(Self.table) WHERE sent_at IS NOT NULL AND sent_at < ?1",
                [.integer(date.unixMilliseconds)])
        }
    }
}
