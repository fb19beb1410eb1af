/* The floor for SQLiteIdempotencyStore: the same two statements (claim, complete) in a tight C loop,
 * on a WAL database with synchronous=NORMAL, with the same bindings. Prints claims+completes per second.
 * Build: cc -O2 claim_loop.c -lsqlite3 -o claim_loop;  run: ./claim_loop <database path> */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: claim_loop <db>\n"); return 64; }
    sqlite3 *db;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) return 1;
    sqlite3_busy_timeout(db, 5000);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     "CREATE TABLE IF NOT EXISTS idempotency_keys (key TEXT PRIMARY KEY, token TEXT NOT NULL,"
                     " completed INTEGER NOT NULL DEFAULT 0, expires_at INTEGER NOT NULL, status INTEGER,"
                     " headers BLOB, body BLOB) WITHOUT ROWID;"
                     "CREATE INDEX IF NOT EXISTS idempotency_keys_expires ON idempotency_keys(expires_at);",
                 NULL, NULL, NULL);
    const char *claim_sql =
        "INSERT INTO idempotency_keys (key, token, completed, expires_at) VALUES (?1, ?2, 0, ?3) "
        "ON CONFLICT(key) DO UPDATE SET token = excluded.token, completed = 0, expires_at = excluded.expires_at, "
        "status = NULL, headers = NULL, body = NULL WHERE idempotency_keys.expires_at <= ?4 RETURNING token";
    const char *complete_sql =
        "UPDATE idempotency_keys SET completed = 1, status = ?3, headers = ?4, body = ?5, expires_at = ?6 "
        "WHERE key = ?1 AND token = ?2 AND completed = 0";
    sqlite3_stmt *claim, *complete;
    sqlite3_prepare_v3(db, claim_sql, -1, SQLITE_PREPARE_PERSISTENT, &claim, NULL);
    sqlite3_prepare_v3(db, complete_sql, -1, SQLITE_PREPARE_PERSISTENT, &complete, NULL);
    const char *headers = "[]";
    long operations = 0;
    double start = now_seconds();
    char key[64], token[64];
    while (now_seconds() - start < 2.0) {
        for (int i = 0; i < 500; i++, operations++) {
            snprintf(key, sizeof key, "evt_%ld", operations);
            snprintf(token, sizeof token, "c0ffee-%ld", operations);
            long long t = 1700000000000LL + operations;
            sqlite3_bind_text(claim, 1, key, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(claim, 2, token, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(claim, 3, t + 60000);
            sqlite3_bind_int64(claim, 4, t);
            if (sqlite3_step(claim) != SQLITE_ROW) { fprintf(stderr, "claim failed\n"); return 1; }
            while (sqlite3_step(claim) == SQLITE_ROW) {}
            sqlite3_reset(claim);
            sqlite3_bind_text(complete, 1, key, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(complete, 2, token, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(complete, 3, 200);
            sqlite3_bind_blob(complete, 4, headers, 2, SQLITE_TRANSIENT);
            sqlite3_bind_blob(complete, 5, "", 0, SQLITE_TRANSIENT);
            sqlite3_bind_int64(complete, 6, t + 259200000LL);
            if (sqlite3_step(complete) != SQLITE_DONE) { fprintf(stderr, "complete failed\n"); return 1; }
            sqlite3_reset(complete);
        }
    }
    double elapsed = now_seconds() - start;
    printf("{\"ops_per_sec\": %f}\n", operations / elapsed);
    sqlite3_finalize(claim);
    sqlite3_finalize(complete);
    sqlite3_close(db);
    return 0;
}
