import InputOutput
import Reports

/// National and regional multipliers side by side: what a chain brings to the region, not to
/// the nation. `retained` = regional / national output multiplier: the share of the output
/// impact of one unit of final demand that stays in the region.
public struct RegionalComparison: Sendable {
    public let national: IOAnalysisResult
    public let regional: IOAnalysisResult
    public let regionalization: Regionalization
    public let language: Language

    public init(national: IOAnalysisResult, regional: IOAnalysisResult, regionalization: Regionalization, language: Language) {
        self.national = national
        self.regional = regional
        self.regionalization = regionalization
        self.language = language
    }

    /// Regional multiplier ÷ national multiplier, per sector.
    public var retainedShare: [Double] {
        zip(regional.outputMultipliers, national.outputMultipliers).map { $1 > 0 ? $0 / $1 : 0 }
    }

    public func table() -> Table {
        let l = language
        var t = Table(
            title: l.pick("全国与区域乘数对照（\(regionalization.method)）", "National and regional multipliers (\(regionalization.method))"),
            columns: [
                .init(l.pick("代码", "code")), .init(l.pick("部门", "sector")),
                .init(l.pick("区位商 SLQ", "SLQ"), alignment: .right),
                .init(l.pick("全国产出乘数", "national output mult."), alignment: .right),
                .init(l.pick("区域产出乘数", "regional output mult."), alignment: .right),
                .init(l.pick("留在区域的比例", "retained in region"), alignment: .right),
            ])
        let retained = retainedShare
        for (k, s) in national.sectors.enumerated() {
            t.rows.append([
                s.code, (l == .zh ? (s.nameZh ?? s.nameEn) : (s.nameEn ?? s.nameZh)) ?? "",
                NumberFormatting.fixed(regionalization.simpleQuotients[k], decimals: 3),
                NumberFormatting.fixed(national.outputMultipliers[k], decimals: 4),
                NumberFormatting.fixed(regional.outputMultipliers[k], decimals: 4),
                NumberFormatting.fixed(100 * retained[k], decimals: 1) + "%",
            ])
        }
        t.notes = [
            l.pick(
                "区域系数 r_ij = a_ij·min(1, LQ_ij)；λ* = \(NumberFormatting.fixed(regionalization.sizeFactor, decimals: 4))。区域读数的好坏取决于区域部门权重：默认权重是假设，可用统计年鉴分部门数据替换。",
                "Regional coefficients r_ij = a_ij·min(1, LQ_ij); λ* = \(NumberFormatting.fixed(regionalization.sizeFactor, decimals: 4)). The regional reading is as good as the regional sector weights: the defaults are assumptions; replace them with the statistical yearbook's sector figures."),
        ]
        return t
    }

    /// The comparison as a JSON member `regional` of the analysis document.
    public func writeJSON(_ w: inout JSONWriter) throws {
        try w.key("regional")
        try w.beginObject()
        try w.member("method", "\(regionalization.method)")
        try w.member("lambda_star", regionalization.sizeFactor)
        try w.member("simple_location_quotients", numbers: regionalization.simpleQuotients)
        try w.member("national_output_multipliers", numbers: national.outputMultipliers)
        try w.member("regional_output_multipliers", numbers: regional.outputMultipliers)
        try w.member("retained_share", numbers: retainedShare)
        try w.endObject()
    }
}
