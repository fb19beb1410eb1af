internal import CSQLite
internal import Foundation

/// One open SQLite connection with a cache of prepared statements.
///
/// Not thread-safe on its own: ``SQLiteDatabase`` serialises access to it. It is handed to the closures
/// of ``SQLiteDatabase/read(_:)``, ``SQLiteDatabase/write(_:)`` and ``SQLiteDatabase/transaction(_:)``.
public final class SQLiteConnection {
    private let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]

    init(path: String, busyTimeout: Duration) throws {
        var database: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &database, flags, nil)
        guard status == SQLITE_OK, let database else {
            let message = database.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let database { sqlite3_close_v2(database) }
            throw SQLiteError(code: .init(rawValue: status), message: "\(message): \(path)")
        }
        handle = database
        sqlite3_extended_result_codes(handle, 1)
        let milliseconds =
            busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(handle, Int32(clamping: milliseconds))
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// Runs one statement; returns the number of rows it changed.
    @discardableResult
    public func execute(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> Int {
        let statement = try prepared(sql)
        defer { sqlite3_reset(statement) }
        try bind(bindings, to: statement, sql: sql)
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            if status != SQLITE_ROW { throw error(status, sql: sql) }
        }
        return Int(sqlite3_changes(handle))
    }

    /// Runs several statements separated by semicolons, without bindings (schema scripts).
    public func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        if status != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "error"
            sqlite3_free(message)
            throw SQLiteError(code: .init(rawValue: status), message: text, sql: sql)
        }
    }

    /// Runs a query and returns every row.
    public func query(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> [SQLiteRow] {
        let statement = try prepared(sql)
        defer { sqlite3_reset(statement) }
        try bind(bindings, to: statement, sql: sql)
        let count = sqlite3_column_count(statement)
        let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
        var rows: [SQLiteRow] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw error(status, sql: sql) }
            rows.append(SQLiteRow(columns: columns, values: (0..<count).map { value(statement, $0) }))
        }
        return rows
    }

    /// The first row of a query, or `nil`.
    public func queryFirst(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> SQLiteRow? {
        try query(sql, bindings).first
    }

    /// The rowid of the last inserted row.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status, sql: sql) }
        statements[sql] = statement
        return statement
    }

    private func bind(_ bindings: [SQLiteValue], to statement: OpaquePointer, sql: String) throws {
        sqlite3_clear_bindings(statement)
        for (offset, value) in bindings.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null:
                status = sqlite3_bind_null(statement, index)
            case .integer(let integer):
                status = sqlite3_bind_int64(statement, index, integer)
            case .real(let real):
                status = sqlite3_bind_double(statement, index, real)
            case .text(let text):
                var text = text
                status = text.withUTF8 { buffer in
                    guard let base = buffer.baseAddress, buffer.count > 0 else {
                        return CSQLite_bind_text(statement, index, "", 0)
                    }
                    return CSQLite_bind_text(
                        statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                        Int32(buffer.count))
                }
            case .blob(let bytes):
                status = bytes.withUnsafeBytes { buffer in
                    CSQLite_bind_blob(statement, index, buffer.baseAddress, Int32(buffer.count))
                }
            }
            guard status == SQLITE_OK else { throw error(status, sql: sql) }
        }
    }

    private func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(statement, column) else { return .text("") }
            let length = Int(sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite3_column_bytes(statement, column))
            guard length > 0, let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: length)))
        default:
            return .null
        }
    }

    private func error(_ status: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: .init(rawValue: status), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
