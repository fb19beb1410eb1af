public import Foundation

/// The durable dead-letter queue: a table in a SQLite database (WAL), safe to share between threads
/// and processes, surviving restarts.
///
/// A message with a `key` is parked once per `(source, key)`: parking it again (another failure of the
/// same event) adds its attempts to the entry, keeps the first failure time and takes the latest
/// error, reason and failure time, so a job runner that retries the parking step cannot create
/// duplicates. Identifiers are never reused, even after a purge. Times are stored as Unix milliseconds.
///
/// With an ``AlertSink``, the first message of each `(source, reason)` group raises an alert (a warning);
/// more of the same group do not, until the group has been emptied: a schema change that fails 5,000
/// events raises one alert, not 5,000.
public final class SQLiteDeadLetterQueue: RedrivableDeadLetterQueue {
    private let database: SQLiteDatabase
    private let alerts: (any AlertSink)?
    private let channel: String

    /// The table the messages are kept in.
    public static let table = "dead_letters"

    /// Opens (creating if needed) the queue in `database`.
    ///
    /// - Parameters:
    ///   - alerts: Where to send an alert when a new group of failures starts; `nil` for none.
    ///   - channel: The alert channel (the seed's `'integrations'`).
    public init(database: SQLiteDatabase, alerts: (any AlertSink)? = nil, channel: String = "integrations") throws {
        self.database = database
        self.alerts = alerts
        self.channel = channel
        try database.write { connection in
            try connection.executeScript(
                """
                CREATE TABLE IF NOT EXISTS \(Self.table) (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    source TEXT NOT NULL,
                    key TEXT,
                    payload BLOB,
                    headers TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    error TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    first_failed_at INTEGER NOT NULL,
                    last_failed_at INTEGER NOT NULL
                );
                CREATE UNIQUE INDEX IF NOT EXISTS \(Self.table)_source_key ON \(Self.table)(source, key)
                    WHERE key IS NOT NULL;
                CREATE INDEX IF NOT EXISTS \(Self.table)_last_failed ON \(Self.table)(last_failed_at);
                CREATE INDEX IF NOT EXISTS \(Self.table)_source_reason ON \(Self.table)(source, reason);
                """)
        }
    }

    /// Opens (creating the file and its directory if needed) the queue in the database at `path`.
    public convenience init(
        path: String, alerts: (any AlertSink)? = nil, channel: String = "integrations",
        busyTimeout: Duration = .seconds(5)
    ) throws {
        try self.init(database: SQLiteDatabase(path: path, busyTimeout: busyTimeout), alerts: alerts, channel: channel)
    }

    private static let columns =
        "id, source, key, payload, headers, reason, error, attempts, first_failed_at, last_failed_at"

    @discardableResult
    public func enqueue(_ letter: DeadLetter) async throws -> Int64 {
        let headers = String(decoding: try JSONEncoder().encode(letter.headers), as: UTF8.self)
        let (id, startsGroup) = try database.transaction { connection -> (Int64, Bool) in
            let groupSize =
                try connection.queryFirst(
                    "SELECT count(*) AS n FROM \(Self.table) WHERE source = ?1 AND reason = ?2",
                    [.text(letter.source), .text(letter.reason)])?["n"].integer ?? 0
            if let key = letter.key,
                let existing = try connection.queryFirst(
                    "SELECT id FROM \(Self.table) WHERE source = ?1 AND key = ?2", [.text(letter.source), .text(key)])?[
                        "id"
                    ].integer
            {
                try connection.execute(
                    """
                    UPDATE \(Self.table) SET attempts = attempts + ?2, reason = ?3, error = ?4,
                        first_failed_at = min(first_failed_at, ?5), last_failed_at = max(last_failed_at, ?6),
                        payload = ?7, headers = ?8
                    WHERE id = ?1
                    """,
                    [
                        .integer(existing), .integer(Int64(letter.attempts)), .text(letter.reason), .text(letter.error),
                        .integer(Self.milliseconds(letter.firstFailedAt)),
                        .integer(Self.milliseconds(letter.lastFailedAt)), .blob(letter.payload), .text(headers),
                    ])
                return (existing, groupSize == 0)
            }
            try connection.execute(
                """
                INSERT INTO \(Self.table) (source, key, payload, headers, reason, error, attempts, first_failed_at,
                    last_failed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """,
                [
                    .text(letter.source), letter.key.map(SQLiteValue.text) ?? .null, .blob(letter.payload),
                    .text(headers), .text(letter.reason), .text(letter.error), .integer(Int64(letter.attempts)),
                    .integer(Self.milliseconds(letter.firstFailedAt)), .integer(Self.milliseconds(letter.lastFailedAt)),
                ])
            return (connection.lastInsertRowID, groupSize == 0)
        }
        if startsGroup, let alerts {
            var details = [
                "id": String(id), "source": letter.source, "reason": letter.reason, "attempts": String(letter.attempts),
            ]
            if let key = letter.key { details["key"] = key }
            await alerts.send(
                Alert(
                    severity: .warning, channel: channel,
                    message: "Dead letter from \(letter.source) (\(letter.reason)): \(letter.error)", details: details))
        }
        return id
    }

    public func list(source: String?, limit: Int) async throws -> [DeadLetter] {
        let rows = try database.read { connection in
            if let source {
                return try connection.query(
                    "SELECT \(Self.columns) FROM \(Self.table) WHERE source = ?1 ORDER BY id LIMIT ?2",
                    [.text(source), .integer(Int64(max(0, limit)))])
            }
            return try connection.query(
                "SELECT \(Self.columns) FROM \(Self.table) ORDER BY id LIMIT ?1", [.integer(Int64(max(0, limit)))])
        }
        return try rows.map(Self.letter)
    }

    public func get(id: Int64) async throws -> DeadLetter? {
        let row = try database.read { connection in
            try connection.queryFirst("SELECT \(Self.columns) FROM \(Self.table) WHERE id = ?1", [.integer(id)])
        }
        return try row.map(Self.letter)
    }

    @discardableResult
    public func remove(id: Int64) async throws -> Bool {
        try database.write { connection in
            try connection.execute("DELETE FROM \(Self.table) WHERE id = ?1", [.integer(id)]) > 0
        }
    }

    @discardableResult
    public func purge(lastFailedBefore date: Date?) async throws -> Int {
        try database.write { connection in
            guard let date else { return try connection.execute("DELETE FROM \(Self.table)") }
            return try connection.execute(
                "DELETE FROM \(Self.table) WHERE last_failed_at < ?1", [.integer(Self.milliseconds(date))])
        }
    }

    public func count() async throws -> Int {
        try database.read { connection in
            Int(try connection.queryFirst("SELECT count(*) AS n FROM \(Self.table)")?["n"].integer ?? 0)
        }
    }

    @discardableResult
    public func recordFailedRedrive(id: Int64, error: String, at date: Date) async throws -> Bool {
        try database.write { connection in
            try connection.execute(
                """
                UPDATE \(Self.table) SET attempts = attempts + 1, error = ?2, last_failed_at = max(last_failed_at, ?3)
                WHERE id = ?1
                """, [.integer(id), .text(error), .integer(Self.milliseconds(date))]) > 0
        }
    }

    private static func letter(_ row: SQLiteRow) throws -> DeadLetter {
        guard let id = row["id"].integer, let source = row["source"].text, let reason = row["reason"].text,
            let error = row["error"].text, let attempts = row["attempts"].integer,
            let first = row["first_failed_at"].integer, let last = row["last_failed_at"].integer
        else {
            throw SQLiteError(code: .corrupt, message: "a row of \(table) is missing a required column")
        }
        let headers = try row["headers"].bytes.map { try JSONDecoder().decode(HTTPHeaders.self, from: Data($0)) }
        return DeadLetter(
            id: id, source: source, key: row["key"].text, payload: row["payload"].bytes ?? [],
            headers: headers ?? HTTPHeaders(), reason: reason, error: error, attempts: Int(attempts),
            firstFailedAt: Date(timeIntervalSince1970: Double(first) / 1000),
            lastFailedAt: Date(timeIntervalSince1970: Double(last) / 1000))
    }

    private static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}
