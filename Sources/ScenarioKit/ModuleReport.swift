/// What one module added to the results of one run: its descriptor and its tables, in order.
public struct ModuleReport: Sendable, Equatable, Codable {
    /// The descriptor of the module that produced the tables.
    public var descriptor: ModuleDescriptor
    /// The tables the module's analyze phase added, in order.
    public var tables: [ResultTable]
    /// The variant the run belongs to; nil for the baseline.
    public var variant: String?

    /// A report of `tables` by the module `descriptor` describes, for `variant` (nil: the baseline).
    public init(descriptor: ModuleDescriptor, tables: [ResultTable], variant: String? = nil) {
        self.descriptor = descriptor
        self.tables = tables
        self.variant = variant
    }
}
