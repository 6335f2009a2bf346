/// Why one row of a numeric CSV could not be read (positions are 1-based CSV fields).
struct RowFailure: Sendable {
    enum Kind: Sendable {
        case ragged(foundFields: Int)
        case empty
        case nonNumeric
        case nonFinite
        case badLabel
    }
    var kind: Kind
    var field: Int
    var cell: String
}
