internal import Foundation

/// An idempotency store in a SQLite database (WAL), shared safely by threads and by processes.
///
/// The claim is one statement resting on the primary key: `INSERT … ON CONFLICT(key) DO UPDATE … WHERE
/// <the existing row has expired> RETURNING token`. SQLite runs it atomically under its write lock, so of
/// two processes claiming the same key exactly one gets its token back; the other then reads what the
/// winner holds. Times are stored as Unix milliseconds.
public final class SQLiteIdempotencyStore: IdempotencyStore {
    private let database: SQLiteDatabase
    private let retention: Duration
    private let clock: WallClock
    private let tokens = LeaseToken()

    /// The table this store keeps its keys in.
    public static let table = "idempotency_keys"

    /// Opens (creating if needed) the store in `database`.
    ///
    /// - Parameters:
    ///   - retention: How long completed keys are kept: at least the sender's retry horizon
    ///     (`WebhookScheme.retryHorizon`); default 3 days.
    public init(database: SQLiteDatabase, retention: Duration = .seconds(3 * 86_400), clock: WallClock = .system) throws
    {
        self.database = database
        self.retention = retention
        self.clock = clock
        try database.write { connection in
            try connection.executeScript(
                """
                CREATE TABLE IF NOT EXISTS \(Self.table) (
                    key TEXT PRIMARY KEY,
                    token TEXT NOT NULL,
                    completed INTEGER NOT NULL DEFAULT 0,
                    expires_at INTEGER NOT NULL,
                    status INTEGER,
                    headers BLOB,
                    body BLOB
                ) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS \(Self.table)_expires ON \(Self.table)(expires_at);
                """)
        }
    }

    /// Opens the store in the database file at `path`.
    public convenience init(
        path: String, retention: Duration = .seconds(3 * 86_400), clock: WallClock = .system,
        busyTimeout: Duration = .seconds(5)
    ) throws {
        try self.init(
            database: SQLiteDatabase(path: path, busyTimeout: busyTimeout), retention: retention, clock: clock)
    }

    private static let claimSQL = """
        INSERT INTO \(table) (key, token, completed, expires_at) VALUES (?1, ?2, 0, ?3)
        ON CONFLICT(key) DO UPDATE SET token = excluded.token, completed = 0, expires_at = excluded.expires_at,
            status = NULL, headers = NULL, body = NULL
        WHERE \(table).expires_at <= ?4
        RETURNING token
        """
    private static let readSQL = "SELECT completed, expires_at, status, headers, body FROM \(table) WHERE key = ?1"
    private static let completeSQL = """
        UPDATE \(table) SET completed = 1, status = ?3, headers = ?4, body = ?5, expires_at = ?6
        WHERE key = ?1 AND token = ?2 AND completed = 0
        """
    private static let releaseSQL = "DELETE FROM \(table) WHERE key = ?1 AND token = ?2 AND completed = 0"
    private static let purgeSQL = "DELETE FROM \(table) WHERE expires_at <= ?1"

    public func claim(_ key: String, lease: Duration) throws -> IdempotencyClaim {
        try validate(key)
        for _ in 0..<3 {
            let now = clock.now()
            let until = now.adding(lease)
            let token = tokens.next()
            let outcome: IdempotencyClaim? = try database.write { connection in
                let won = try connection.queryFirst(
                    Self.claimSQL,
                    [.text(key), .text(token), .integer(until.unixMilliseconds), .integer(now.unixMilliseconds)])
                if won != nil { return .claimed(IdempotencyLease(key: key, token: token, until: until)) }
                guard let row = try connection.queryFirst(Self.readSQL, [.text(key)]) else { return nil }
                let expiresAt = Date(unixMilliseconds: row["expires_at"].integer ?? 0)
                guard row["completed"].integer == 1 else { return .inProgress(until: expiresAt) }
                let headers = row["headers"].bytes.map(Self.decodeHeaders)
                return .completed(
                    StoredResponse(
                        status: Int(row["status"].integer ?? 200), headers: headers ?? HTTPHeaders(),
                        body: row["body"].bytes ?? []))
            }
            // nil: the holder released the key between our two statements; claim again.
            if let outcome { return outcome }
        }
        throw SQLiteError(code: .busy, message: "the key '\(key)' kept changing hands while being claimed")
    }

    public func complete(_ lease: IdempotencyLease, response: StoredResponse) throws {
        let headers = Self.encodeHeaders(response.headers)
        let expiresAt = clock.now().adding(retention).unixMilliseconds
        let changed = try database.write { connection in
            try connection.execute(
                Self.completeSQL,
                [
                    .text(lease.key), .text(lease.token), .integer(Int64(response.status)), .blob(headers),
                    .blob(response.body), .integer(expiresAt),
                ])
        }
        guard changed == 1 else { throw IdempotencyError(.leaseLost, key: lease.key) }
    }

    public func release(_ lease: IdempotencyLease) throws {
        try database.write { connection in
            _ = try connection.execute(Self.releaseSQL, [.text(lease.key), .text(lease.token)])
        }
    }

    @discardableResult
    public func purgeExpired() throws -> Int {
        let now = clock.now().unixMilliseconds
        return try database.write { connection in try connection.execute(Self.purgeSQL, [.integer(now)]) }
    }
}

extension SQLiteIdempotencyStore {
    /// Headers stored as `name NUL value NUL …`: cheaper than JSON on the path of every delivery, and
    /// neither names nor values can contain NUL.
    static func encodeHeaders(_ headers: HTTPHeaders) -> [UInt8] {
        var bytes: [UInt8] = []
        for field in headers {
            bytes.append(contentsOf: field.name.utf8)
            bytes.append(0)
            bytes.append(contentsOf: field.value.utf8)
            bytes.append(0)
        }
        return bytes
    }

    static func decodeHeaders(_ bytes: [UInt8]) -> HTTPHeaders {
        let parts = bytes.split(separator: 0, omittingEmptySubsequences: false).dropLast()
        var headers = HTTPHeaders()
        var index = parts.startIndex
        while index + 1 < parts.endIndex {
            headers.add(
                name: String(decoding: parts[index], as: UTF8.self),
                value: String(decoding: parts[index + 1], as: UTF8.self))
            index += 2
        }
        return headers
    }
}

extension Date {
    /// Milliseconds since 1970, as stored in SQLite.
    var unixMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    /// A date from Unix milliseconds.
    init(unixMilliseconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(unixMilliseconds) / 1000) }
}
