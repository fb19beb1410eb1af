/// One part of a design: what it is, why this design needs it, which library type implements it and
/// which page explains it.
public struct Component: Sendable, Hashable {
    /// The component.
    public var id: ComponentID
    /// Why this design needs it.
    public var why: Text
    /// The `IntegrationPatterns` type that implements it.
    public var implementation: String
    /// The content page that explains it.
    public var topic: String
}
