internal import Foundation

/// A ``SyncStateStore`` in a SQLite file: feeds and their checkpoints, every tracked block, and the
/// history of every cycle.
///
/// Three tables, prefixed `ical_` so they can share a database with the other stores: `ical_feeds` (one
/// row per unit and feed: source, validators, body hash), `ical_blocks` (one row per tracked block, dates
/// as day numbers) and `ical_history` (one row per cycle, the latest 1,000 per feed kept). A commit
/// replaces the feed's blocks and writes its checkpoint and history line in one `BEGIN IMMEDIATE`
/// transaction.
public final class SQLiteSyncStateStore: SyncStateStore {
    /// How many history lines are kept per feed.
    public static let historyLimit = 1_000

    private let database: SQLiteDatabase

    /// Opens the store in `database`, creating its tables if needed.
    public init(database: SQLiteDatabase) throws {
        self.database = database
        try database.write { connection in try connection.executeScript(Self.schema) }
    }

    /// Opens (creating if needed) the database file at `path` and the store in it.
    public convenience init(path: String) throws {
        try self.init(database: SQLiteDatabase(path: path))
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS ical_feeds (
            unit TEXT NOT NULL,
            feed TEXT NOT NULL,
            source TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            body_hash TEXT,
            last_applied_at REAL,
            suspicious_streak INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (unit, feed)
        );
        CREATE TABLE IF NOT EXISTS ical_blocks (
            unit TEXT NOT NULL,
            feed TEXT NOT NULL,
            position INTEGER NOT NULL,
            uid TEXT NOT NULL,
            source TEXT NOT NULL,
            start_day INTEGER NOT NULL,
            end_day INTEGER NOT NULL,
            kind TEXT NOT NULL,
            summary TEXT NOT NULL,
            description TEXT NOT NULL,
            booked_at REAL,
            status TEXT NOT NULL,
            misses INTEGER NOT NULL,
            first_seen REAL NOT NULL,
            last_seen REAL NOT NULL,
            missing_since REAL,
            cancelled_at REAL,
            PRIMARY KEY (unit, feed, position)
        );
        CREATE INDEX IF NOT EXISTS ical_blocks_unit ON ical_blocks (unit, status);
        CREATE TABLE IF NOT EXISTS ical_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            unit TEXT NOT NULL,
            feed TEXT NOT NULL,
            at REAL NOT NULL,
            outcome TEXT NOT NULL,
            http_status INTEGER,
            detail TEXT NOT NULL,
            added INTEGER NOT NULL,
            removed INTEGER NOT NULL,
            changed INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ical_history_feed ON ical_history (unit, feed, id);
        """

    public func checkpoint(for feed: FeedKey) async throws -> FeedCheckpoint? {
        try database.read { connection in
            guard
                let row = try connection.queryFirst(
                    "SELECT source, etag, last_modified, body_hash, last_applied_at FROM ical_feeds WHERE unit = ? AND feed = ?",
                    [.text(feed.unit), .text(feed.feed)])
            else { return nil }
            return FeedCheckpoint(
                source: FeedSource(rawValue: row["source"].text ?? "other"),
                validators: HTTPValidators(etag: row["etag"].text, lastModified: row["last_modified"].text),
                bodyHash: row["body_hash"].text,
                lastAppliedAt: row["last_applied_at"].real.map(Date.init(timeIntervalSince1970:)))
        }
    }

    public func state(for feed: FeedKey) async throws -> FeedState {
        try database.read { connection in
            let streak =
                try connection.queryFirst(
                    "SELECT suspicious_streak FROM ical_feeds WHERE unit = ? AND feed = ?",
                    [.text(feed.unit), .text(feed.feed)])?[
                    "suspicious_streak"
                ].integer ?? 0
            let rows = try connection.query(
                "SELECT * FROM ical_blocks WHERE unit = ? AND feed = ? ORDER BY position",
                [.text(feed.unit), .text(feed.feed)])
            return FeedState(blocks: rows.compactMap(Self.trackedBlock), suspiciousStreak: Int(streak))
        }
    }

    public func commit(_ commit: SyncCommit) async throws {
        try database.transaction { connection in
            let feed = commit.feed
            let key: [SQLiteValue] = [.text(feed.unit), .text(feed.feed)]
            try connection.execute(
                """
                INSERT INTO ical_feeds (unit, feed, source, suspicious_streak) VALUES (?, ?, ?, ?)
                ON CONFLICT (unit, feed) DO UPDATE SET source = excluded.source, suspicious_streak = excluded.suspicious_streak
                """, key + [.text(commit.source.rawValue), .integer(Int64(commit.state.suspiciousStreak))])
            if let checkpoint = commit.checkpoint {
                try connection.execute(
                    "UPDATE ical_feeds SET etag = ?, last_modified = ?, body_hash = ?, last_applied_at = ? WHERE unit = ? AND feed = ?",
                    [
                        Self.optional(checkpoint.validators.etag), Self.optional(checkpoint.validators.lastModified),
                        Self.optional(checkpoint.bodyHash), Self.optional(checkpoint.lastAppliedAt),
                    ] + key)
            }
            try connection.execute("DELETE FROM ical_blocks WHERE unit = ? AND feed = ?", key)
            for (position, tracked) in commit.state.blocks.enumerated() {
                let block = tracked.block
                try connection.execute(
                    """
                    INSERT INTO ical_blocks (unit, feed, position, uid, source, start_day, end_day, kind, summary, description,
                        booked_at, status, misses, first_seen, last_seen, missing_since, cancelled_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    key + [
                        .integer(Int64(position)), .text(block.uid), .text(block.source.rawValue),
                        .integer(Int64(block.start.daysSinceEpoch)), .integer(Int64(block.end.daysSinceEpoch)),
                        .text(block.kind.rawValue), .text(block.summary), .text(block.description),
                        Self.optional(block.bookedAt), .text(tracked.status.rawValue), .integer(Int64(tracked.misses)),
                        .real(tracked.firstSeen.timeIntervalSince1970), .real(tracked.lastSeen.timeIntervalSince1970),
                        Self.optional(tracked.missingSince), Self.optional(tracked.cancelledAt),
                    ])
            }
            try Self.insert(commit.record, for: feed, connection)
        }
    }

    public func record(_ record: FetchRecord, for feed: FeedKey) async throws {
        try database.transaction { connection in try Self.insert(record, for: feed, connection) }
    }

    public func history(for feed: FeedKey, limit: Int) async throws -> [FetchRecord] {
        try database.read { connection in
            try connection.query(
                "SELECT * FROM ical_history WHERE unit = ? AND feed = ? ORDER BY id DESC LIMIT ?",
                [.text(feed.unit), .text(feed.feed), .integer(Int64(max(0, limit)))]
            ).compactMap { row in
                guard let at = row["at"].real, let outcome = row["outcome"].text.flatMap(FetchRecord.Outcome.init)
                else {
                    return nil
                }
                return FetchRecord(
                    at: Date(timeIntervalSince1970: at), outcome: outcome,
                    httpStatus: row["http_status"].integer.map(Int.init),
                    detail: row["detail"].text ?? "", added: Int(row["added"].integer ?? 0),
                    removed: Int(row["removed"].integer ?? 0), changed: Int(row["changed"].integer ?? 0))
            }
        }
    }

    public func feeds(unit: String) async throws -> [FeedKey] {
        try database.read { connection in
            try connection.query(
                "SELECT feed FROM ical_feeds WHERE unit = ? UNION SELECT feed FROM ical_history WHERE unit = ? ORDER BY feed",
                [.text(unit), .text(unit)]
            ).compactMap { $0["feed"].text.map { FeedKey(unit: unit, feed: $0) } }
        }
    }

    public func claims(unit: String) async throws -> [AvailabilityBlock] {
        try database.read { connection in
            try connection.query(
                "SELECT * FROM ical_blocks WHERE unit = ? AND status != 'cancelled' ORDER BY feed, position",
                [.text(unit)]
            ).compactMap { Self.trackedBlock($0)?.block }
        }
    }

    public func ownBlocks(unit: String) async throws -> (active: [AvailabilityBlock], cancelled: [AvailabilityBlock]) {
        let tracked = try database.read { connection in
            try connection.query(
                "SELECT * FROM ical_blocks WHERE unit = ? AND source = ? ORDER BY feed, position",
                [.text(unit), .text(FeedSource.direct.rawValue)]
            ).compactMap(Self.trackedBlock)
        }
        return (tracked.filter(\.holdsNights).map(\.block), tracked.filter { !$0.holdsNights }.map(\.block))
    }

    // MARK: - Rows

    private static func insert(_ record: FetchRecord, for feed: FeedKey, _ connection: SQLiteConnection) throws {
        try connection.execute(
            """
            INSERT INTO ical_history (unit, feed, at, outcome, http_status, detail, added, removed, changed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(feed.unit), .text(feed.feed), .real(record.at.timeIntervalSince1970),
                .text(record.outcome.rawValue),
                record.httpStatus.map { .integer(Int64($0)) } ?? .null, .text(record.detail),
                .integer(Int64(record.added)), .integer(Int64(record.removed)), .integer(Int64(record.changed)),
            ])
        try connection.execute(
            """
            DELETE FROM ical_history WHERE unit = ? AND feed = ? AND id <= (
                SELECT id FROM ical_history WHERE unit = ? AND feed = ? ORDER BY id DESC LIMIT 1 OFFSET ?)
            """,
            [.text(feed.unit), .text(feed.feed), .text(feed.unit), .text(feed.feed), .integer(Int64(historyLimit))])
    }

    private static func trackedBlock(_ row: SQLiteRow) -> TrackedBlock? {
        guard let uid = row["uid"].text, let startDay = row["start_day"].integer, let endDay = row["end_day"].integer,
            let status = row["status"].text.flatMap(TrackedBlock.Status.init), let firstSeen = row["first_seen"].real,
            let lastSeen = row["last_seen"].real
        else { return nil }
        let block = AvailabilityBlock(
            source: FeedSource(rawValue: row["source"].text ?? "other"), uid: uid,
            start: CalendarDay(daysSinceEpoch: Int(startDay)), end: CalendarDay(daysSinceEpoch: Int(endDay)),
            kind: row["kind"].text.flatMap(BlockKind.init) ?? .unknown, summary: row["summary"].text ?? "",
            description: row["description"].text ?? "",
            bookedAt: row["booked_at"].real.map(Date.init(timeIntervalSince1970:)))
        return TrackedBlock(
            block: block, status: status, misses: Int(row["misses"].integer ?? 0),
            firstSeen: Date(timeIntervalSince1970: firstSeen), lastSeen: Date(timeIntervalSince1970: lastSeen),
            missingSince: row["missing_since"].real.map(Date.init(timeIntervalSince1970:)),
            cancelledAt: row["cancelled_at"].real.map(Date.init(timeIntervalSince1970:)))
    }

    private static func optional(_ text: String?) -> SQLiteValue { text.map { .text($0) } ?? .null }

    private static func optional(_ date: Date?) -> SQLiteValue { date.map { .real($0.timeIntervalSince1970) } ?? .null }
}
