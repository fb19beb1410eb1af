internal import Foundation

/// A SQLite database file opened for the stores of this library: WAL journal, a busy timeout, and
/// `synchronous=NORMAL` (durable across process crashes; a power loss may lose the last transactions).
///
/// One connection serves the process, behind a lock; other processes open the same file with their own
/// `SQLiteDatabase`, and SQLite's file locks plus the busy timeout arbitrate between them. Write
/// transactions begin `IMMEDIATE`, so two writers never deadlock upgrading a read lock.
public final class SQLiteDatabase: @unchecked Sendable {
    /// The file's path (`:memory:` for a private in-memory database).
    public let path: String
    // The connection is only touched with `lock` held, which is what makes the class Sendable.
    private let connection: SQLiteConnection
    private let lock = NSLock()

    /// Opens (creating if needed) the database at `path`.
    ///
    /// - Parameters:
    ///   - path: A file path, or `:memory:`.
    ///   - busyTimeout: How long a statement waits for another process's lock before failing with `busy`.
    public init(path: String, busyTimeout: Duration = .seconds(5)) throws {
        self.path = path
        if path != ":memory:" {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        let connection = try SQLiteConnection(path: path, busyTimeout: busyTimeout)
        if path != ":memory:" {
            _ = try connection.query("PRAGMA journal_mode=WAL")
        }
        try connection.executeScript("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")
        self.connection = connection
    }

    /// Opens a private in-memory database (for tests and throwaway state).
    public static func inMemory() throws -> SQLiteDatabase { try SQLiteDatabase(path: ":memory:") }

    /// Runs `body` with the connection, outside any explicit transaction (each statement commits alone).
    public func read<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock { try body(connection) }
    }

    /// Runs `body` with the connection; an alias of ``read(_:)`` that says the statements write.
    public func write<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock { try body(connection) }
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; any error rolls the transaction back and is rethrown.
    public func transaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock {
            try connection.execute("BEGIN IMMEDIATE")
            do {
                let result = try body(connection)
                try connection.execute("COMMIT")
                return result
            } catch {
                _ = try? connection.execute("ROLLBACK")
                throw error
            }
        }
    }
}
