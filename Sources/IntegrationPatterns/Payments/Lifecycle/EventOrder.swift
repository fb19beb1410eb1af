internal import Foundation

/// Where an event stands in the history of the object it describes; the greater is the newer.
///
/// Compared by the event's `created` time, then the object's version when the provider gives one, then a
/// lifecycle rank (the more advanced state wins a tie within the same second, since Stripe's `created` has
/// one-second resolution), then the event id, so that any two distinct events are ordered and any arrival
/// order of the same events picks the same newest one.
struct EventOrder: Comparable, Hashable, Sendable {
    var created: Date
    var objectVersion: Int64
    var rank: Int
    var eventID: String

    init(created: Date, objectVersion: Int64?, rank: Int, eventID: String) {
        self.created = created
        self.objectVersion = objectVersion ?? Int64.min
        self.rank = rank
        self.eventID = eventID
    }

    static func < (lhs: EventOrder, rhs: EventOrder) -> Bool {
        if lhs.created != rhs.created { return lhs.created < rhs.created }
        if lhs.objectVersion != rhs.objectVersion { return lhs.objectVersion < rhs.objectVersion }
        if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
        return lhs.eventID < rhs.eventID
    }
}

/// The newest known value of one provider object, with the order of the event that brought it.
struct NewestFact<Value: Hashable & Sendable>: Hashable, Sendable {
    var order: EventOrder
    var value: Value

    /// Replaces the fact when `order` is newer; returns whether it did.
    static func update(_ fact: inout NewestFact<Value>?, order: EventOrder, value: Value) -> Bool {
        if let current = fact, order <= current.order { return false }
        fact = NewestFact(order: order, value: value)
        return true
    }
}
