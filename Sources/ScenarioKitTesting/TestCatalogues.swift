import ScenarioKit

/// The catalogues of the embedded Binhai dataset (`builtin:binhai-default`) as modules see them —
/// the 1+3+4 industries and 其他, the carriers, the three sources — for tests that do not read a
/// dataset. The same ids, names and weights as the dataset's `industries.csv` and `carriers.csv`
/// (`investment_share`), which are the only source of these defaults; a test in the package
/// (`ScenarioRuntimeTests.TestCataloguesMatchTheDataset`) checks they stay equal.
public enum TestCatalogues {
    /// 1 智能科技; 3 生物医药, 新能源, 新材料; 4 装备制造, 石油化工, 汽车, 航空航天; 其他.
    public static let industries: [CatalogueEntry] = [
        entry("intelligent_tech", "智能科技", "Intelligent technology", 0.045741),
        entry("biomedicine", "生物医药", "Biomedicine", 0.008799),
        entry("new_energy", "新能源", "New energy", 0.007114),
        entry("new_materials", "新材料", "New materials", 0.018104),
        entry("equipment", "装备制造", "Equipment manufacturing", 0.036647),
        entry("petrochemicals", "石油化工", "Petrochemicals", 0.021123),
        entry("automotive", "汽车", "Automotive", 0.01763),
        entry("aerospace", "航空航天", "Aerospace", 0.001843),
        entry("other", "其他", "Other industries", 0.843),
    ]

    /// Carriers (载体) with their investment shares: 开发区 0.857, 街镇 0.043, and 0.02 each for
    /// 中国信创谷, 生物制造谷, 特色细胞谷, 北方声谷 and 国家超算中心.
    public static let carriers: [CatalogueEntry] = [
        entry("development_zones", "开发区", "Development zones", 0.857),
        entry("streets_towns", "街镇", "Streets and towns", 0.043),
        entry("xinchuang_valley", "中国信创谷", "China Xinchuang Valley", 0.02),
        entry("biomanufacturing_valley", "生物制造谷", "Biomanufacturing Valley", 0.02),
        entry("cell_valley", "特色细胞谷", "Cell Valley", 0.02),
        entry("northern_sound_valley", "北方声谷", "Northern Sound Valley", 0.02),
        entry("supercomputing_center", "国家超算中心", "National Supercomputing Center", 0.02),
    ]

    /// Sources with lead-rate multiplier 1.
    public static let sources: [CatalogueEntry] = [
        entry("beijing", "北京", "Beijing", 1),
        entry("other_domestic", "其他内资", "Other domestic", 1),
        entry("foreign", "外资", "Foreign", 1),
    ]

    static func entry(_ id: String, _ zh: String, _ en: String, _ w: Double) -> CatalogueEntry {
        CatalogueEntry(id: id, name: LocalizedText(zh: zh, en: en), weight: w)
    }
}
