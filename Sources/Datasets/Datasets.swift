import Foundation
public enum EmbeddedDatasets {}
