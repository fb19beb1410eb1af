/// The failures the design plans for (the seed's step 3); a design may plan for several.
public enum ErrorKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Timeouts, connection resets, 408, 429, 5xx: a retry can succeed.
    case transient
    /// 400, 401, 403, 404, 422: every retry will fail the same way.
    case permanent
    /// Part of a batch or a message fails and needs a person.
    case partial

    public static func < (lhs: ErrorKind, rhs: ErrorKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
