/// The response recorded for a completed key, replayed verbatim to every duplicate.
public typealias StoredResponse = HTTPResponse
