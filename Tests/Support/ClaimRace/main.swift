// claim-race: claims keys 0..<N in a shared SQLite idempotency store and prints the ones it won.
// Used by the tests to show that two processes sharing one database file never both win a key.
// Usage: claim-race <database path> <key count> <start-signal file> <seed>
// Each process claims the keys in its own shuffled order, so the two meet on contested keys throughout
// instead of one trailing the other.
import Foundation
import IntegrationPatterns

let arguments = CommandLine.arguments
guard arguments.count == 5, let count = Int(arguments[2]), let seed = UInt64(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: claim-race <db> <count> <start-file> <seed>\n".utf8))
    exit(64)
}
let store = try SQLiteIdempotencyStore(path: arguments[1], busyTimeout: .seconds(30))
// Both processes wait for the test to create the start file, so their claims overlap.
while !FileManager.default.fileExists(atPath: arguments[3]) { usleep(200) }
var random = SplitMix64(seed: seed)
var won: [Int] = []
for key in (0..<count).shuffled(using: &random) {
    if case .claimed(let lease) = try store.claim("evt_\(key)", lease: .seconds(600)) {
        try store.complete(lease, response: StoredResponse(status: 200))
        won.append(key)
    }
}
print(won.map(String.init).joined(separator: " "))
