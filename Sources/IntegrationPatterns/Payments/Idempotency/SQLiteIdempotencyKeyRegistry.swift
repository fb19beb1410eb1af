public import Foundation

/// An ``IdempotencyKeyRegistry`` in a SQLite database: survives restarts, shared by processes on one host.
///
/// One row per key in `outbound_idempotency_keys`; a registration reads and writes it in one
/// `BEGIN IMMEDIATE` transaction, so two processes registering the same key agree on who was first.
public final class SQLiteIdempotencyKeyRegistry: IdempotencyKeyRegistry {
    private let database: SQLiteDatabase
    private let clock: WallClock
    private let retention: Duration

    /// Opens the registry in `database`, creating its table if needed.
    ///
    /// - Parameters:
    ///   - retention: How long the provider keeps keys; Stripe's 24 hours by default.
    ///   - clock: Where "now" comes from.
    public init(database: SQLiteDatabase, retention: Duration = .seconds(24 * 60 * 60), clock: WallClock = .system)
        throws
    {
        self.database = database
        self.clock = clock
        self.retention = retention
        try database.write { connection in
            try connection.executeScript(
                """
                CREATE TABLE IF NOT EXISTS outbound_idempotency_keys (
                    key TEXT PRIMARY KEY NOT NULL,
                    parameters_fingerprint TEXT NOT NULL,
                    first_used_at REAL NOT NULL,
                    last_used_at REAL NOT NULL,
                    uses INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS outbound_idempotency_keys_first_used
                    ON outbound_idempotency_keys (first_used_at);
                """)
        }
    }

    public func register(_ operation: OutboundOperation) async throws -> IdempotencyKeyDecision {
        let fingerprint = operation.parametersFingerprint
        let now = clock.now()
        return try database.transaction { connection in
            let existing = try Self.record(operation.key, connection)
            let (decision, record) = try IdempotencyKeyRules.decide(
                existing: existing, operation: operation, fingerprint: fingerprint, now: now, retention: retention)
            try connection.execute(
                """
                INSERT INTO outbound_idempotency_keys (key, parameters_fingerprint, first_used_at, last_used_at, uses)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET last_used_at = excluded.last_used_at, uses = excluded.uses
                """,
                [
                    .text(record.key), .text(record.parametersFingerprint),
                    .real(record.firstUsedAt.timeIntervalSince1970), .real(record.lastUsedAt.timeIntervalSince1970),
                    .integer(Int64(record.uses)),
                ])
            return decision
        }
    }

    public func record(forKey key: String) async throws -> IdempotencyKeyRecord? {
        try database.read { try Self.record(key, $0) }
    }

    @discardableResult
    public func purge(firstUsedBefore date: Date) async throws -> Int {
        try database.write { connection in
            try connection.execute(
                "DELETE FROM outbound_idempotency_keys WHERE first_used_at < ?", [.real(date.timeIntervalSince1970)])
        }
    }

    private static func record(_ key: String, _ connection: SQLiteConnection) throws -> IdempotencyKeyRecord? {
        guard
            let row = try connection.queryFirst(
                "SELECT key, parameters_fingerprint, first_used_at, last_used_at, uses FROM outbound_idempotency_keys "
                    + "WHERE key = ?", [.text(key)]),
            let storedKey = row["key"].text, let fingerprint = row["parameters_fingerprint"].text,
            let first = row["first_used_at"].real, let last = row["last_used_at"].real,
            let uses = row["uses"].integer
        else { return nil }
        return IdempotencyKeyRecord(
            key: storedKey, parametersFingerprint: fingerprint, firstUsedAt: Date(timeIntervalSince1970: first),
            lastUsedAt: Date(timeIntervalSince1970: last), uses: Int(uses))
    }
}
