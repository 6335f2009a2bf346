/// What one module added to the results of one run: its descriptor and its tables, in order.
public struct ModuleReport: Sendable, Equatable {
    public var descriptor: ModuleDescriptor
    public var tables: [ResultTable]
    /// The variant the run belongs to; nil for the baseline.
    public var variant: String?

    public init(descriptor: ModuleDescriptor, tables: [ResultTable], variant: String? = nil) {
        self.descriptor = descriptor
        self.tables = tables
        self.variant = variant
    }
}
