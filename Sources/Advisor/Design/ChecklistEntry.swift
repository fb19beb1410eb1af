/// One item of the robustness checklist, judged for a design.
public struct ChecklistEntry: Sendable, Hashable {
    /// The seed's four groups.
    public enum Group: String, Sendable, Hashable, Codable, CaseIterable {
        case security, reliability, idempotency, observability

        /// The group's heading.
        public var title: Text {
            switch self {
            case .security: return Text("Security", "Seguridad")
            case .reliability: return Text("Reliability", "Fiabilidad")
            case .idempotency: return Text("Idempotency", "Idempotencia")
            case .observability: return Text("Observability", "Observabilidad")
            }
        }
    }

    /// A stable id (`signature-verification`).
    public var id: String
    /// The group.
    public var group: Group
    /// The item.
    public var item: Text
    /// Whether it applies to this design.
    public var applies: Bool
    /// Why it applies or not, for this design.
    public var reason: Text
}
