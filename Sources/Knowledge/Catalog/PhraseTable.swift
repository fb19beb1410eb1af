internal import Synchronization

/// The catalog's folded phrase index, built once on first use and shared by copies of the catalog.
///
/// Folding every alias costs more than loading the pages, and most runs (`ipm explain <id>`) never
/// need it, so it is built lazily.
final class PhraseTable: Sendable {
    private let storage = Mutex<[String: String]?>(nil)

    /// The table, building it with `build` the first time.
    func phrases(_ build: () -> [String: String]) -> [String: String] {
        storage.withLock { table in
            if let table { return table }
            let built = build()
            table = built
            return built
        }
    }
}
